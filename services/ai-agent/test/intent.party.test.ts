import { describe, expect, test } from 'vitest';
import { read, readAll } from './intent.fixtures.ts';

describe('parseTurn: who travels', () => {
  test.each([
    ['two adults and a kid from Boston to Denver on June 3rd', 3, { adults: 2, children: 1, infants: 0 }],
    ['2 adults, 2 children and an infant flying Boston to Denver June 3rd', 5, { adults: 2, children: 2, infants: 1 }],
    ['me, my wife and our two kids from Boston to Denver on June 3rd', 4, { adults: 2, children: 2, infants: 0 }],
    ['fly me and my 3 kids from Boston to Denver on June 3rd', 4, { adults: 1, children: 3, infants: 0 }],
    ['a family of four with two children, Boston to Denver June 3rd', 4, { adults: 2, children: 2, infants: 0 }],
    ['Boston to Denver on June 3rd with my husband and our baby', 3, { adults: 2, children: 0, infants: 1 }],
    ['three grown-ups and a toddler, Boston to Denver June 3rd', 4, { adults: 3, children: 1, infants: 0 }],
  ])('When the party is "%s", then %i travel and the split is kept', (utterance, count, split) => {
    const request = read(utterance);

    expect(request.flight?.passengers).toBe(count);
    if (request.hotel) expect(request.hotel.guests).toBe(count);
    expect(request.party).toEqual(split);
  });

  test.each([
    ['four economy one-way tickets from Boston to Denver', 4],
    ['two business class round trip tickets Boston to Denver', 2],
    ['I need three seats on a flight to Denver', 3],
    ['Boston to Denver for twelve', 12],
    ['Boston to Denver, we are five', 5],
  ])('When the count is apart from its noun or a word ("%s"), then the flight is for %i', (utterance, count) => {
    expect(read(utterance, 'search_flights').flight?.passengers).toBe(count);
  });

  test.each([
    ['two smoking rooms in Denver', 2],
    ['3 available rooms in a hotel in Denver', 3],
    ['a hotel in Denver with two double rooms', 2],
    ['one room in Denver please', 1],
  ])('When rooms are counted with words between ("%s"), then there are %i rooms', (utterance, rooms) => {
    expect(read(utterance, 'search_hotels').hotel?.rooms).toBe(rooms);
  });

  test('When a stay for a party is asked for, then its guests are the whole party, children too', () => {
    expect(read('a hotel in Denver for two adults and two kids from June 3rd to the 6th').hotel).toMatchObject({
      guests: 4,
    });
  });

  test('When more rooms than guests are asked for, then there are as many guests as rooms', () => {
    expect(readAll('Fly me from Boston to Denver on June 3rd, back the 6th', 'and 2 hotel rooms').hotel).toMatchObject({
      guests: 2,
      rooms: 2,
    });
    expect(read('a hotel in Denver for just me, 3 rooms').hotel).toMatchObject({ guests: 3, rooms: 3 });
  });

  test('When the head count changes later, then a split that no longer adds up is dropped', () => {
    const request = readAll('two adults and a kid from Boston to Denver on June 3rd', 'make it 5 people');

    expect(request.flight?.passengers).toBe(5);
    expect(request.party).toBeNull();
  });

  test('When nobody is counted, then the party is unknown rather than one', () => {
    expect(read('Boston to Denver on June 3rd')).toMatchObject({ flight: { passengers: null }, party: null });
  });
});

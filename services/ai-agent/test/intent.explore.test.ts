import { describe, expect, test } from 'vitest';
import { read, readAll } from './intent.fixtures.ts';

describe('parseTurn: somewhere rather than a place', () => {
  test.each([
    ['somewhere warm from Seattle in February', 'warm', 'Seattle'],
    ['I want to go somewhere sunny from Chicago next month', 'warm', 'Chicago'],
    ['anywhere tropical from Boston for a week', 'warm', 'Boston'],
    ['a beach trip from Denver in July', 'beach', 'Denver'],
    ['somewhere with a beach, flying from Atlanta', 'beach', 'Atlanta'],
    ['a ski weekend from New York in January', 'ski', 'New York'],
    ['anywhere under $800 from Dallas', null, 'Dallas'],
  ])(
    'When the traveller asks for "%s", then the request explores (%s) from where they leave',
    (text, theme, origin) => {
      expect(read(text)).toMatchObject({
        explore: { theme },
        flight: { origin: { city: origin }, destination: null },
        missing: [],
        question: null,
      });
    },
  );

  test('When the one place named comes before "to anywhere", then it is where the trip leaves from', () => {
    expect(read('SFO to anywhere warm, total budget $1,000 for two')).toMatchObject({
      explore: { theme: 'warm' },
      flight: { origin: { code: 'SFO' }, destination: null, passengers: 2 },
      hotel: { city: null, guests: 2 },
      budget: { amount: 100_000, per: 'total' },
      missing: [],
    });
  });

  test('When the only travel word is a length of stay, then exploring is still a trip from the place said after "from"', () => {
    expect(read('somewhere warm from Boston in July for 4 nights')).toMatchObject({
      intent: 'plan_trip',
      explore: { theme: 'warm' },
      flight: { origin: { code: 'BOS' }, destination: null },
      hotel: { city: null, nights: 4 },
      missing: [],
    });
  });

  test('When no place to leave from is known, then that is asked, not where to go', () => {
    expect(read('somewhere warm in March')).toMatchObject({ explore: { theme: 'warm' }, missing: ['origin'] });
  });

  test('When a destination is named later, then the trip goes there and stops exploring', () => {
    expect(readAll('somewhere warm from Seattle in February', 'actually let us do Phoenix')).toMatchObject({
      explore: null,
      flight: { origin: { city: 'Seattle' }, destination: { city: 'Phoenix' } },
    });
  });

  test('When the traveler turns to somewhere warm after naming a place, then the place gives way to exploring', () => {
    expect(
      readAll('Boston to Denver next Friday, back Sunday, with a hotel', 'actually somewhere warm instead'),
    ).toMatchObject({
      explore: { theme: 'warm' },
      flight: { origin: { city: 'Boston' }, destination: null },
      hotel: { city: null },
      missing: [],
    });
  });

  test('When both ends are named beside "anywhere", then it is a trip to that place', () => {
    expect(read('from Boston to Miami, somewhere with a beach')).toMatchObject({
      explore: null,
      flight: { origin: { city: 'Boston' }, destination: { city: 'Miami' } },
    });
  });

  test('When a later turn says neither, then the exploring goes on', () => {
    expect(readAll('somewhere warm from Seattle in February', 'for two people')).toMatchObject({
      explore: { theme: 'warm' },
      flight: { passengers: 2 },
    });
  });

  test.each(['Boston to Denver next Friday', 'a hotel in Miami from June 3rd to the 6th', 'I need a car in Austin'])(
    'When "%s" names its place, then it does not explore',
    (text) => {
      expect(read(text).explore).toBeNull();
    },
  );
});

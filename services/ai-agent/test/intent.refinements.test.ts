import { describe, expect, test } from 'vitest';
import { parseConversation } from '../src/domain/intent/parse-conversation.ts';
import { planned, read, readAll } from './intent.fixtures.ts';

/** Saturday 21 November 2026: "next Friday" is the 27th, the trip below runs 27–29 November. */
const SATURDAY = { now: new Date('2026-11-21T12:00:00Z'), timeZone: 'UTC' };
const TRIP = 'Boston to Denver next Friday, back Sunday, 4-star hotel';
const after = (...turns: string[]) => parseConversation([TRIP, ...turns], SATURDAY).at(-1)!;

describe('parseTurn: lodging that is not called a hotel', () => {
  test.each([
    'a place to rent in Austin from June 3rd to the 6th',
    'an apartment in Austin from June 3rd to the 6th',
    'we want to rent a house in Austin from June 3rd to the 6th',
    'a vacation rental in Austin from June 3rd to the 6th',
    'an airbnb in Austin from June 3rd to the 6th',
    'a condo in Austin from June 3rd to the 6th',
  ])('When the traveller asks for "%s", then it is a stay, not a car', (utterance) => {
    expect(read(utterance)).toMatchObject({
      intent: 'search_hotels',
      hotel: { city: 'Austin', checkIn: '2024-06-03', checkOut: '2024-06-06' },
      car: null,
    });
  });

  test('When a car is named beside the house, then both are searched', () => {
    expect(read('a house in Austin from June 3rd to the 6th and a rental car')).toMatchObject({
      hotel: { city: 'Austin' },
      car: { pickupCity: 'Austin' },
    });
  });
});

describe('parseTurn: refinements relative to the plan', () => {
  test.each([
    ['leave a day later', '2026-11-28', '2026-11-29'],
    ['can we leave one day later?', '2026-11-28', '2026-11-29'],
    ['depart a day earlier', '2026-11-26', '2026-11-29'],
    ['come back a day later', '2026-11-27', '2026-11-30'],
    ['return two days later', '2026-11-27', '2026-12-01'],
    ['a week later', '2026-12-04', '2026-12-06'],
    ['push it back a week', '2026-12-04', '2026-12-06'],
    ['move the trip up by 2 days', '2026-11-25', '2026-11-27'],
  ])('When the traveller says "%s", then the flight moves from where it stands: %s to %s', (turn, depart, back) => {
    expect(after(turn)).toMatchObject({ intent: 'refine', flight: { departDate: depart, returnDate: back } });
  });

  test.each([
    ['one night more', '2026-11-30'],
    ['one more night please', '2026-11-30'],
    ['add a night', '2026-11-30'],
    ['stay two more nights', '2026-12-01'],
    ['one night less', '2026-11-28'],
  ])('When the traveller says "%s", then the stay and the flight home end on %s', (turn, back) => {
    expect(after(turn).flight?.returnDate).toBe(back);
  });

  test('When the stay has its own last day, then one night more moves it and the flight home that ends with it', () => {
    const request = parseConversation(
      ['a hotel in Denver from December 3rd to the 6th and flights from Boston', 'one extra night'],
      SATURDAY,
    ).at(-1)!;

    expect(request.hotel).toMatchObject({ checkIn: '2026-12-03', checkOut: '2026-12-07', nights: 4 });
    expect(request.flight?.returnDate).toBe('2026-12-07');
  });

  test.each(['add a car', 'I will need a rental car too', 'and a car please'])(
    'When the traveller says "%s", then a rental joins the trip where it lands',
    (turn) => {
      const request = after(turn);

      expect(request).toMatchObject({ intent: 'plan_trip', car: { pickupCity: null } });
      expect(planned(request).car).toMatchObject({ place: 'DEN', pickupDate: '2026-11-27', dropoffDate: '2026-11-29' });
    },
  );

  test.each(['drop the hotel', "I don't need a hotel", 'no hotel', 'skip the hotel, just flights', 'remove the hotel'])(
    'When the traveller says "%s", then the stay is gone and the flights stay',
    (turn) => {
      const request = after(turn);

      expect(request.hotel).toBeNull();
      expect(request.flight).toMatchObject({ departDate: '2026-11-27', returnDate: '2026-11-29' });
    },
  );

  test('When the flight is dropped, then the stay keeps the days and place it had from it', () => {
    expect(after('drop the flights').hotel).toMatchObject({
      city: 'Denver',
      checkIn: '2026-11-27',
      checkOut: '2026-11-29',
    });
  });

  test.each([
    ['make it a cheaper hotel', [{ search: 'hotel', want: 'cheaper' }]],
    ['a less expensive hotel please', [{ search: 'hotel', want: 'cheaper' }]],
    ['show me a nicer hotel', [{ search: 'hotel', want: 'nicer' }]],
    ['a cheaper flight', [{ search: 'flight', want: 'cheaper' }]],
    [
      'something cheaper',
      [
        { search: 'flight', want: 'cheaper' },
        { search: 'hotel', want: 'cheaper' },
      ],
    ],
  ])('When the traveller says "%s", then the wish is relative to the option shown', (turn, relative) => {
    const request = after(turn);

    expect(request.relative).toEqual(relative);
    expect(request.intent).toBe('refine');
    // Only for this turn: the next one starts without it.
    expect(parseConversation([TRIP, turn, 'thanks'], SATURDAY).at(-1)?.relative).toEqual([]);
  });

  test.each([
    ['avoid red-eyes', true],
    ['no red eyes please', true],
    ['no overnight flights', true],
    ['red-eyes are fine', false],
  ])('When the traveller says "%s", then red-eyes are avoided: %s', (turn, avoid) => {
    expect(after(turn).flight?.avoidRedEyes).toBe(avoid);
  });

  test.each([
    ['only Delta', 'DL'],
    ['Delta only please', 'DL'],
    ['just United', 'UA'],
    ['fly American instead', 'AA'],
  ])('When the traveller says "%s", then the airline is %s and the rest is kept', (turn, airline) => {
    expect(after(turn)).toMatchObject({ flight: { airline, departDate: '2026-11-27' }, hotel: { minStars: 4 } });
  });
});

describe('parseTurn: a new trip in the same conversation', () => {
  test.each([
    'now New York to LA at Christmas',
    'New York to LA at Christmas',
    'another trip: New York to LA at Christmas',
  ])('When the traveller says "%s" after another trip, then it starts clean', (turn) => {
    const request = parseConversation(
      ['Boston to Denver next Friday for 3, back Sunday, compact car, 4-star hotel', turn],
      SATURDAY,
    ).at(-1)!;

    expect(request.flight).toMatchObject({
      origin: { code: 'NYC' },
      destination: { code: 'LAX' },
      departDate: '2026-12-25',
      passengers: null,
    });
    expect(request.car).toBeNull();
    expect(request.hotel?.minStars ?? null).toBeNull();
  });

  test('When only one end changes, or the words say it is a correction, then the trip is kept', () => {
    expect(readAll('Boston to Denver on June 3rd for 3', 'actually from New York to Chicago').flight).toMatchObject({
      origin: { code: 'NYC' },
      destination: { code: 'CHI' },
      passengers: 3,
    });
    expect(readAll('Boston to Denver on June 3rd for 3', 'what about Chicago').flight?.passengers).toBe(3);
  });
});

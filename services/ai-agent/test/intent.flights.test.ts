import { describe, expect, test } from 'vitest';
import { read } from './intent.fixtures.ts';

describe('parseTurn: flight searches', () => {
  test('When one sentence gives everything, then every flight slot is filled and nothing is missing', () => {
    const request = read('Book me a nonstop business class flight from Boston to Denver on June 3rd for 2 with United');

    expect(request).toMatchObject({
      intent: 'search_flights',
      flight: {
        origin: { code: 'BOS', city: 'Boston' },
        destination: { code: 'DEN', city: 'Denver' },
        departDate: '2024-06-03',
        returnDate: null,
        passengers: 2,
        cabin: 'business',
        maxStops: 0,
        airline: 'UA',
      },
      hotel: null,
      car: null,
      missing: [],
      question: null,
    });
  });

  test.each([
    ['a nonstop flight to Denver', 0],
    ['a direct flight to Denver', 0],
    ['flights to Denver with no layovers', 0],
    ['flights to Denver with at most one stop', 1],
    ['flights to Denver, one stop max', 1],
    ['flights to Denver with no more than 2 stops', 2],
    ['flights to Denver', null],
  ])('When the traveller asks for "%s", then maxStops is %s', (utterance, maxStops) => {
    expect(read(utterance).flight?.maxStops).toBe(maxStops);
  });

  test.each([
    ['a premium economy seat to Rome', 'premium_economy'],
    ['flying economy to Rome', 'economy'],
    ['coach to Rome is fine', 'economy'],
    ['business class to Rome', 'business'],
    ['I want to fly business to Rome', 'business'],
    ['first class tickets to Rome', 'first'],
    ['a flight to Rome, any class is fine', null],
  ])('When the traveller says "%s", then the cabin is %s', (utterance, cabin) => {
    expect(read(utterance, 'search_flights').flight?.cabin).toBe(cabin);
  });

  test.each([
    ['a flight to Miami for 2', 2],
    ['two tickets to Miami', 2],
    ['flights to Miami for me and my wife', 2],
    ['my husband and I are flying to Miami', 2],
    ['flights to Miami for a family of four', 4],
    ['me and my 3 kids want to fly to Miami', 4],
    ['flights to Miami for 5 people', 5],
    ['just me, flying to Miami', 1],
    ['I need three seats to Miami', 3],
  ])('When the traveller says "%s", then there are %i passengers', (utterance, passengers) => {
    expect(read(utterance, 'search_flights').flight?.passengers).toBe(passengers);
  });

  test.each([
    ['fly with Delta Air Lines to Austin', 'DL'],
    ['on American to Austin', 'AA'],
    ['JetBlue to Austin', 'B6'],
    ['Air Canada to Toronto', 'AC'],
    ['British Airways to London', 'BA'],
    ['Southwest to Austin', 'WN'],
  ])('When the traveller says "%s", then the airline is %s', (utterance, airline) => {
    expect(read(utterance, 'search_flights').flight?.airline).toBe(airline);
  });

  test('When "United" names a country, not an airline, then no airline is set', () => {
    expect(read('fly from London to the United States', 'search_flights').flight?.airline).toBeNull();
  });

  test('When "one way" is said with a number, then it is not a party of one', () => {
    expect(read('a one way flight to Austin').flight?.passengers).toBeNull();
  });
});

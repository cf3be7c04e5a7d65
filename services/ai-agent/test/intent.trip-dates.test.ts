import { describe, expect, test } from 'vitest';
import { intentRequestSchema } from '@tripwise/contracts';
import { parseConversation, parseTurn } from '../src/domain/intent/parse-conversation.ts';
import { planned, read, readAll } from './intent.fixtures.ts';

/** Saturday 21 November 2026, noon UTC. */
const SATURDAY = { now: new Date('2026-11-21T12:00:00Z'), timeZone: 'UTC' };

describe('parseTurn: the last day of a trip said as a weekday', () => {
  test('When the headline request is read on a Saturday, then the trip runs Friday to Sunday and the stay follows it', () => {
    const request = intentRequestSchema.parse(
      parseTurn(
        null,
        'Boston to Denver next Friday, back Sunday, under $400, nonstop, 4-star hotel with a pool',
        SATURDAY,
      ),
    );

    expect(request).toMatchObject({
      intent: 'plan_trip',
      flight: {
        origin: { code: 'BOS' },
        destination: { code: 'DEN' },
        departDate: '2026-11-27',
        returnDate: '2026-11-29',
        maxStops: 0,
      },
      hotel: { city: 'Denver', checkIn: null, checkOut: null, minStars: 4 },
      budget: { amount: 40000, currency: 'USD', per: 'total' },
      missing: [],
      question: null,
    });
    expect(request.hotel?.amenities).toEqual(['pool']);
    expect(planned(request).hotel).toMatchObject({ checkIn: '2026-11-27', checkOut: '2026-11-29' });
  });

  // Said on Wednesday 15 May 2024: "next Friday" is the 24th, and "Sunday" alone would be the 19th, before it.
  test.each([
    ['Boston to Denver next Friday, back Sunday', '2024-05-26'],
    ['Boston to Denver next Friday and back on Sunday', '2024-05-26'],
    ['Boston to Denver next Friday, return Sunday', '2024-05-26'],
    ['Boston to Denver next Friday, returning Tuesday', '2024-05-28'],
    ['Fly Boston to Denver next Friday and come back on Monday', '2024-05-27'],
    ['Boston to Denver next Friday, flying back Sunday', '2024-05-26'],
    ['Boston to Denver next Friday, coming home Sunday', '2024-05-26'],
    ['Boston to Denver next Friday, back the following Sunday', '2024-05-26'],
    ['Boston to Denver next Friday, back the Monday after', '2024-05-27'],
    ['Boston to Denver next Friday until Sunday', '2024-05-26'],
    ['round trip Boston to Denver leaving next Friday returning Sunday', '2024-05-26'],
    ['Boston to Denver next Friday, back Friday', '2024-05-31'],
    ['Boston to Denver on June 3rd, back Sunday', '2024-06-09'],
  ])(
    'When the traveller says "%s", then the return is the first such weekday after departure, %s',
    (utterance, date) => {
      expect(read(utterance).flight?.returnDate).toBe(date);
    },
  );

  test.each([
    ['a hotel in Denver, check in next Friday, check out Sunday', '2024-05-26', 2],
    ['a hotel in Denver from next Friday until Monday', '2024-05-27', 3],
    ['a hotel in Denver next Friday, checking out Tuesday', '2024-05-28', 4],
  ])('When a stay is "%s", then the check-out is %s after a check-in on the 24th', (utterance, checkOut, nights) => {
    expect(read(utterance).hotel).toMatchObject({ checkIn: '2024-05-24', checkOut, nights });
  });

  test.each([
    ['a car in Denver, pick it up next Friday and drop it off Monday', '2024-05-27'],
    ['rent a car in Denver next Friday until Tuesday', '2024-05-28'],
    ['rent a car in Denver next Friday, returning it Sunday', '2024-05-26'],
    ['a car in Denver next Friday, bring it back Sunday', '2024-05-26'],
  ])('When a rental is "%s", then the drop-off is %s after a pick-up on the 24th', (utterance, dropoffDate) => {
    expect(read(utterance).car).toMatchObject({ pickupDate: '2024-05-24', dropoffDate });
  });

  test.each([
    ['Boston to Denver next Friday', 'back Sunday', 'flight', 'returnDate'],
    ['a hotel in Denver next Friday', 'until Sunday', 'hotel', 'checkOut'],
    ['a car in Denver next Friday', 'drop off Sunday', 'car', 'dropoffDate'],
  ] as const)(
    'When "%s" is followed by "%s", then the weekday counts from the first day said before',
    (first, second, domain, slot) => {
      const request = readAll(first, second);

      expect((request[domain] as Record<string, unknown> | null)?.[slot]).toBe('2024-05-26');
    },
  );

  test('When no first day is known, then a bare weekday is the next one from today', () => {
    expect(read('I need a car until Sunday').car?.dropoffDate).toBe('2024-05-19');
  });

  test('When a weekday comes with its day of the month, then they are read as one date', () => {
    expect(parseTurn(null, 'fly to Denver from Boston Sunday the 29th', SATURDAY).flight).toMatchObject({
      departDate: '2026-11-29',
      returnDate: null,
    });
  });
});

describe('parseTurn: a trip keeps its searches on the same days', () => {
  test('When a rental is asked for with the flight, then it follows the flight dates and takes its own time', () => {
    const request = parseTurn(
      null,
      'Boston to Denver next Friday, back Sunday, and a compact car from the airport at 3pm',
      SATURDAY,
    );

    expect(request).toMatchObject({
      intent: 'plan_trip',
      car: { pickupCity: 'Denver', pickupDate: null, pickupTime: '15:00', dropoffDate: null, carType: 'compact' },
    });
    expect(planned(request).car).toMatchObject({ pickupDate: '2026-11-27', dropoffDate: '2026-11-29' });
  });

  test('When the stay is given its own days, then the hotel keeps them and the flight keeps its own', () => {
    const request = parseTurn(
      null,
      'Boston to Denver next Friday, back Sunday, 4-star hotel in Boulder from Friday to Saturday',
      SATURDAY,
    );

    expect(request.flight).toMatchObject({ departDate: '2026-11-27', returnDate: '2026-11-29' });
    expect(request.hotel).toMatchObject({ city: 'Boulder', checkIn: '2026-11-27', checkOut: '2026-11-28', nights: 1 });
  });

  test('When only the hotel has a last day, then it counts from the flight and the return flight is kept', () => {
    const request = parseTurn(null, 'Boston to Denver next Friday, back Sunday, hotel until Saturday', SATURDAY);

    expect(request.flight?.returnDate).toBe('2026-11-29');
    expect(request.hotel).toMatchObject({ checkIn: null, checkOut: '2026-11-28' });
    expect(planned(request).hotel).toMatchObject({ checkIn: '2026-11-27', checkOut: '2026-11-28' });
  });

  test('When the stay has dates and the flight none, then the flight leaves and returns with the stay', () => {
    expect(read('I need flights from Austin to Paris and a hotel from June 3rd to the 10th').flight).toMatchObject({
      departDate: '2024-06-03',
      returnDate: '2024-06-10',
    });
  });

  test('When the flight and the stay are named together before one place and day, then both take them', () => {
    const request = read('I need a flight and a hotel in Paris on June 3rd');

    expect(request).toMatchObject({
      intent: 'plan_trip',
      flight: { destination: { city: 'Paris' }, departDate: '2024-06-03' },
      hotel: { city: 'Paris', checkIn: null },
    });
    const withOrigin = { ...request, flight: { ...request.flight!, origin: { code: 'BOS', city: 'Boston' } } };
    expect(planned({ ...withOrigin, flight: { ...withOrigin.flight, returnDate: '2024-06-05' } }).hotel).toMatchObject({
      checkIn: '2024-06-03',
    });
  });

  test('When a pick-up time follows a flight and a car named together, then the rental keeps the time', () => {
    expect(read('I need a flight and a car, pick it up in Denver at 3pm on the 20th')).toMatchObject({
      intent: 'plan_trip',
      flight: { destination: { city: 'Denver' }, departDate: '2024-05-20' },
      car: { pickupCity: 'Denver', pickupDate: null, pickupTime: '15:00' },
    });
  });

  test('When the return changes in a later turn, then the stay that followed it moves too', () => {
    const states = parseConversation(['Boston to Denver next Friday, back Sunday', 'make it back Monday'], SATURDAY);

    expect(states[1]?.flight?.returnDate).toBe('2026-11-30');
    expect(planned(states[1]!).hotel).toMatchObject({ checkIn: '2026-11-27', checkOut: '2026-11-30' });
  });
});

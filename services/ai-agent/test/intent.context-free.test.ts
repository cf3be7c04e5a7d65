import { describe, expect, test } from 'vitest';
import { planned, read, readAll } from './intent.fixtures.ts';

// One message with nothing before it, as the CLI and `POST /api/ai/intent` see it. Today is Wednesday 15 May 2024.
describe('parseTurn: which kind of travel a lone message is about', () => {
  test.each([
    ["I'll need it from Tuesday in Portland", { pickupCity: 'Portland', pickupDate: '2024-05-21' }],
    ['Can I get it at 9:30 in the morning in Austin?', { pickupCity: 'Austin', pickupTime: '09:30' }],
    ["I'd like to collect it in Denver on the 18th", { pickupCity: 'Denver', pickupDate: '2024-05-18' }],
    ['from 10 am in Seattle on the 18th', { pickupCity: 'Seattle', pickupDate: '2024-05-18', pickupTime: '10:00' }],
    ['Picking up in Miami on the 20th around noon', { pickupCity: 'Miami', pickupTime: '12:00' }],
    ['Until the 20th, please.', { pickupDate: null, dropoffDate: '2024-05-20' }],
    ["I'll be returning it on the 24th", { dropoffDate: '2024-05-24' }],
    ['Drop off on the 22nd', { dropoffDate: '2024-05-22' }],
    [
      'from the 18th till the 21st in Reno',
      { pickupCity: 'Reno', pickupDate: '2024-05-18', dropoffDate: '2024-05-21' },
    ],
  ])('When a message without "car" is worded as a rental ("%s"), then it is a car search', (utterance, car) => {
    expect(read(utterance)).toMatchObject({ intent: 'search_cars', flight: null, hotel: null, car });
  });

  test.each([
    ['Leaving Boston at 9am tomorrow', 'plan_trip'],
    ['Boston to Denver tomorrow at 9am', 'plan_trip'],
    ['In Lisbon from the 3rd', 'plan_trip'],
    ['I need one in Lisbon', 'plan_trip'],
    ['Fly Boston to Denver at 9am', 'search_flights'],
  ])(
    'When "%s" sets off, names a route or just a place and a day, then it is not read as a rental',
    (utterance, intent) => {
      expect(read(utterance)).toMatchObject({ intent, car: null });
    },
  );

  test('When a route is said with a hotel, then the route still makes a flight and the request a trip', () => {
    const request = read('Boston to Denver on June 3rd, a 4 star hotel');

    expect(request).toMatchObject({
      intent: 'plan_trip',
      flight: { origin: { code: 'BOS' }, destination: { code: 'DEN' }, departDate: '2024-06-03' },
      hotel: { city: 'Denver', checkIn: null, minStars: 4 },
    });
    expect(planned({ ...request, flight: { ...request.flight!, returnDate: '2024-06-05' } }).hotel).toMatchObject({
      checkIn: '2024-06-03',
      checkOut: '2024-06-05',
    });
  });

  test('When two places are named bare, then they are read as a route in the order said', () => {
    expect(read('San Francisco on the 2nd of next month Atlanta').flight).toMatchObject({
      origin: { city: 'San Francisco' },
      destination: { city: 'Atlanta' },
      departDate: '2024-06-02',
    });
  });

  test('When a stay is under way, then "it" and "until" are the stay\'s, not a new rental', () => {
    expect(readAll('a hotel in Denver', 'I need it until the 20th')).toMatchObject({
      intent: 'search_hotels',
      car: null,
      hotel: { city: 'Denver', checkOut: '2024-05-20' },
    });
  });

  test('When a stay is described with "checking in", then it is a hotel search', () => {
    expect(read("I'll be checking in on the 20th in Oslo")).toMatchObject({
      intent: 'search_hotels',
      hotel: { city: 'Oslo', checkIn: '2024-05-20' },
    });
  });
});

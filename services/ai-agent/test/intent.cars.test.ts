import { describe, expect, test } from 'vitest';
import { read } from './intent.fixtures.ts';

describe('parseTurn: car rentals', () => {
  test('When one sentence gives everything, then pick-up, drop-off and car class are filled', () => {
    const request = read('Rent me an SUV in Denver from tomorrow at noon until Sunday, returning it at 6 pm');

    expect(request).toMatchObject({
      intent: 'search_cars',
      car: {
        pickupCity: 'Denver',
        pickupDate: '2024-05-16',
        pickupTime: '12:00',
        dropoffDate: '2024-05-19',
        dropoffTime: '18:00',
        carType: 'suv',
      },
      missing: [],
    });
  });

  test.each([
    ['a car in Orlando for a week from June 3rd', '2024-06-10'],
    ['a car in Orlando from June 3rd for two weeks', '2024-06-17'],
    ['I need a rental car in Orlando starting June 3rd, for one week', '2024-06-10'],
  ])('When a rental is counted in weeks ("%s"), then it is returned that many weeks later', (utterance, dropoff) => {
    expect(read(utterance)).toMatchObject({
      car: { pickupCity: 'Orlando', pickupDate: '2024-06-03', dropoffDate: dropoff },
      missing: [],
    });
  });

  test.each([
    ['at 1:30 in the afternoon', '13:30'],
    ['at half past 9 in the morning', '09:30'],
    ['around quarter to 1 in the afternoon', '12:45'],
    ["at 2 o'clock in the afternoon", '14:00'],
    ['at noon', '12:00'],
    ['at 18:45', '18:45'],
    ['at 7pm', '19:00'],
    ['at ten am', '10:00'],
    ['in the evening at 6', '18:00'],
    ['at 8 at night', '20:00'],
  ])('When the pick-up is "%s", then the pick-up time is %s', (phrase, time) => {
    expect(read(`I need a car in Austin ${phrase}`).car?.pickupTime).toBe(time);
  });

  test.each([
    ['an economy car', 'economy'],
    ['a compact car', 'compact'],
    ['a small car', 'compact'],
    ['a standard car', 'standard'],
    ['an intermediate car', 'standard'],
    ['a mid-size car', 'standard'],
    ['a full-size car', 'full_size'],
    ['a large car', 'full_size'],
    ['a sedan', 'sedan'],
    ['a hatchback', 'hatchback'],
    ['an SUV', 'suv'],
    ['a minivan', 'van'],
    ['a luxury car', 'luxury'],
    ['a convertible', 'convertible'],
    ['a pickup truck', 'pickup'],
  ])('When the traveller wants %s, then the car type is %s', (phrase, carType) => {
    expect(read(`I want to rent ${phrase} in Austin`).car?.carType).toBe(carType);
  });

  test('When the rental is given in days, then the drop-off follows the pick-up', () => {
    expect(read('a car in Austin from June 3rd for 4 days').car).toMatchObject({
      pickupDate: '2024-06-03',
      dropoffDate: '2024-06-07',
    });
  });

  test('When only the return date is said, then it is the drop-off date', () => {
    expect(read('I need a rental car until the 25th').car).toMatchObject({
      pickupDate: null,
      dropoffDate: '2024-05-25',
    });
  });
});

import { describe, expect, test } from 'vitest';
import { read } from './intent.fixtures.ts';

describe('parseTurn: hotel searches', () => {
  test('When one sentence gives everything, then the stay is complete and nights give the check-out', () => {
    const request = read('I need a 4-star hotel in Lisbon for 3 nights from June 3rd, 2 rooms for 4 guests');

    expect(request).toMatchObject({
      intent: 'search_hotels',
      flight: null,
      hotel: {
        city: 'Lisbon',
        checkIn: '2024-06-03',
        checkOut: '2024-06-06',
        nights: 3,
        guests: 4,
        rooms: 2,
        minStars: 4,
      },
      missing: [],
      question: null,
    });
  });

  test('When check-in and check-out dates are given, then the nights are counted', () => {
    const { hotel } = read('a hotel in Oslo, checking in on the 20th and checking out on the 24th');

    expect(hotel).toMatchObject({ checkIn: '2024-05-20', checkOut: '2024-05-24', nights: 4 });
  });

  test.each([
    ['a five star hotel in Dubai', 5],
    ['a 3-star hotel in Dubai', 3],
    ['a hotel in Dubai with at least 4 stars', 4],
    ['a 4+ star hotel in Dubai', 4],
    ['a hotel in Dubai', null],
  ])('When the traveller asks for "%s", then minStars is %s', (utterance, minStars) => {
    expect(read(utterance).hotel?.minStars).toBe(minStars);
  });

  test('When amenities are named, then each one is kept', () => {
    const { hotel } = read(
      'a hotel in Denver with free Wi-Fi, breakfast included, parking, a pool, a gym, a spa, an airport shuttle, near the subway, pet friendly and free cancellation',
    );

    expect(hotel?.amenities.toSorted()).toEqual(
      [
        'wifi',
        'breakfast',
        'parking',
        'pool',
        'gym',
        'spa',
        'airport_shuttle',
        'near_transit',
        'pet_friendly',
        'free_cancellation',
      ].toSorted(),
    );
  });

  test.each([
    'a hotel in Boston that takes pets, June 3rd to the 6th',
    'a dog-friendly hotel in Boston, June 3rd to the 6th',
    'a hotel in Boston that accepts dogs, June 3rd to the 6th',
    "a hotel in Boston June 3rd to the 6th, we're traveling with a dog",
  ])('When the traveller says "%s", then the hotel must welcome pets', (utterance) => {
    expect(read(utterance).hotel?.amenities).toContain('pet_friendly');
  });

  test('When an amenity is declined or only asked about, then it is not a requirement', () => {
    expect(read('a hotel in Denver, no need for breakfast').hotel?.amenities).toEqual([]);
    expect(read('Does it have wifi?', 'search_hotels').hotel?.amenities).toEqual([]);
  });

  test('When a hotel is opened and the traveller names only a city, then the city is the hotel city', () => {
    expect(read('In Toronto, please.', 'search_hotels').hotel?.city).toBe('Toronto');
  });
});

import { describe, expect, test } from 'vitest';
import { read } from './intent.fixtures.ts';

describe('parseTurn: places as travellers type them', () => {
  test.each([
    ['lax to ord on June 3rd', 'LAX', 'ORD'],
    ['flights from bos to sfo tomorrow', 'BOS', 'SFO'],
    ['jfk-lhr on the 3rd', 'JFK', 'LHR'],
    ['fly from atl to mia next friday', 'ATL', 'MIA'],
  ])(
    'When codes are typed in lower case ("%s"), then they are the airports %s and %s',
    (utterance, origin, destination) => {
      expect(read(utterance, 'search_flights').flight).toMatchObject({
        origin: { code: origin },
        destination: { code: destination },
      });
    },
  );

  test.each([
    ['I want to see the city', null],
    ['I need to get there by car', null],
    ['can you fly me to see my mom', null],
  ])('When a three-letter word is an airport code too ("%s"), then it stays a word', (utterance) => {
    const request = read(utterance, 'search_flights');

    expect(request.flight?.origin).toBeNull();
    expect(request.flight?.destination).toBeNull();
  });

  test.each([
    ["a flight from O'Hare to Boston on June 3rd", 'ORD', 'Chicago'],
    ['fly out of Heathrow to Boston on June 3rd', 'LHR', 'London'],
    ['from Logan airport to Chicago on June 3rd', 'BOS', 'Boston'],
    ['from LaGuardia to Miami on June 3rd', 'LGA', 'New York'],
    ['leaving Dulles for Miami on June 3rd', 'IAD', 'Washington'],
    ['from Charles de Gaulle to Boston on June 3rd', 'CDG', 'Paris'],
    ['depart from Midway to Boston on June 3rd', 'MDW', 'Chicago'],
  ])('When an airport is called by its name ("%s"), then it is %s in %s', (utterance, code, city) => {
    expect(read(utterance, 'search_flights').flight?.origin).toEqual({ code, city });
  });

  test.each([
    ['fly me to the Big Apple from Boston on June 3rd', 'New York'],
    ['a hotel in Chi-town on June 3rd', 'Chicago'],
    ['from Boston to the Windy City on June 3rd', 'Chicago'],
    ['Boston to Sin City on June 3rd', 'Las Vegas'],
    ['from Boston to Beantown? no, to the Mile High City on June 3rd', 'Denver'],
    ['Boston to Philly on June 3rd', 'Philadelphia'],
    ['from Boston to NOLA on June 3rd', 'New Orleans'],
  ])('When a city goes by its nickname ("%s"), then it is %s', (utterance, city) => {
    const request = read(utterance);

    expect(request.flight?.destination?.city ?? request.hotel?.city).toBe(city);
  });

  test("When an airport name is a person's name too, then it counts only where a place is expected", () => {
    expect(read('book it for Mr Pearson', 'search_flights').flight?.destination).toBeNull();
    expect(read('a flight to Pearson from Boston on June 3rd', 'search_flights').flight?.destination).toEqual({
      code: 'YYZ',
      city: 'Toronto',
    });
  });
});

describe('parseTurn: typos in keywords', () => {
  test.each([
    ['a hotle in Boston tommorow for 2 nigths', { city: 'Boston', checkIn: '2024-05-16', nights: 2 }],
    ['htoel in Boston on Febuary 3rd for three nights', { city: 'Boston', checkIn: '2025-02-03', nights: 3 }],
    ['hotel in Boston from Decmber 3 to Decmeber 6', { city: 'Boston', checkIn: '2024-12-03', checkOut: '2024-12-06' }],
    ['hotel in Boston on Thrusday for 1 night', { city: 'Boston', checkIn: '2024-05-16', nights: 1 }],
  ])('When "%s" is typed, then it is read as meant', (utterance, hotel) => {
    expect(read(utterance).hotel).toMatchObject(hotel);
  });

  test.each([
    ['a fligth from Boston to Denver on Janaury 5', { departDate: '2025-01-05' }],
    ['flihgt Boston to Denver in buisness class', { cabin: 'business' }],
    ['flight from Boston to Denver on Wensday', { departDate: '2024-05-22' }],
  ])('When "%s" is typed, then the flight is read as meant', (utterance, flight) => {
    expect(read(utterance).flight).toMatchObject(flight);
  });

  test('When a real word is one slip from a keyword, then it is left alone', () => {
    expect(read('a motel in Austin on June 3rd').hotel?.city).toBe('Austin');
    expect(read('a hostel in Austin sometime in March').dateWindow).toEqual({ from: '2025-03-01', to: '2025-03-31' });
  });
});

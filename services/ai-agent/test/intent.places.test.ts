import { describe, expect, test } from 'vitest';
import { read } from './intent.fixtures.ts';

describe('parseTurn: places', () => {
  test.each([
    ['Boston', 'BOS', 'Boston'],
    ['Mexico City', 'MEX', 'Mexico City'],
    ['JFK', 'JFK', 'New York'],
    ['LHR', 'LHR', 'London'],
    ['NYC', 'NYC', 'New York'],
    ['New York City', 'NYC', 'New York'],
    ['London', 'LON', 'London'],
    ['Tokyo', 'TYO', 'Tokyo'],
    ['Washington', 'WAS', 'Washington'],
    ['DC', 'WAS', 'Washington'],
    ['Washington D.C.', 'WAS', 'Washington'],
    ['Chicago', 'CHI', 'Chicago'],
    ['Milan', 'MIL', 'Milan'],
    ['Sao Paulo', 'SAO', 'Sao Paulo'],
    ['Seoul', 'SEL', 'Seoul'],
    ['Toronto', 'YTO', 'Toronto'],
    ['Montreal', 'YMQ', 'Montreal'],
    ['Buenos Aires', 'BUE', 'Buenos Aires'],
    ['LA', 'LAX', 'Los Angeles'],
    ['SF', 'SFO', 'San Francisco'],
    ['Frisco', 'SFO', 'San Francisco'],
    ['Vegas', 'LAS', 'Las Vegas'],
    ['Philly', 'PHL', 'Philadelphia'],
    ['São Paulo', 'SAO', 'Sao Paulo'],
    ['St. Louis', 'STL', 'St. Louis'],
  ])('When the traveller flies to "%s", then the destination is %s (%s)', (name, code, city) => {
    expect(read(`I want a flight to ${name}`).flight?.destination).toEqual({ code, city });
  });

  test('When a region follows a city that several countries share, then it picks the right airport', () => {
    expect(read('fly to Portland, OR').flight?.destination).toEqual({ code: 'PDX', city: 'Portland' });
    expect(read('fly to Sydney, Australia').flight?.destination).toEqual({ code: 'SYD', city: 'Sydney' });
    expect(read('fly to London, England').flight?.destination).toEqual({ code: 'LON', city: 'London' });
  });

  test.each([
    ['I want to fly from Denver to Atlanta', 'Denver', 'Atlanta'],
    ['I want to fly to Atlanta from Denver', 'Denver', 'Atlanta'],
    ['Denver to Atlanta please', 'Denver', 'Atlanta'],
    ['DEN-ATL', 'Denver', 'Atlanta'],
    ['leaving Denver for Atlanta', 'Denver', 'Atlanta'],
    ["I'm in Denver and need to get to Atlanta", 'Denver', 'Atlanta'],
    ['flights out of Denver, heading to Atlanta', 'Denver', 'Atlanta'],
  ])('When the traveller says "%s", then the origin is %s and the destination %s', (utterance, origin, destination) => {
    const { flight } = read(utterance, 'search_flights');

    expect(flight?.origin?.city).toBe(origin);
    expect(flight?.destination?.city).toBe(destination);
  });

  test('When a sentence is written without any capitals, then known cities are still found', () => {
    const { flight } = read('denver to atlanta on the 20th', 'search_flights');

    expect(flight).toMatchObject({ origin: { city: 'Denver' }, destination: { city: 'Atlanta' } });
  });

  test('When ordinary words look like towns ("nice", "page", "mobile"), then they are not read as places', () => {
    const { flight } = read('Find me a nice flight, page me on mobile', 'search_flights');

    expect(flight).toMatchObject({ origin: null, destination: null });
  });

  test('When an airline is named Delta, then it is an airline, not the town of Delta', () => {
    const { flight } = read('Fly Delta from Boston to Seattle', 'search_flights');

    expect(flight).toMatchObject({ airline: 'DL', origin: { city: 'Boston' }, destination: { city: 'Seattle' } });
  });

  test('When a well-known city has no airport of its own, then it is kept with the airport travellers use', () => {
    expect(read('a hotel in Anaheim').hotel?.city).toBe('Anaheim');
    expect(read('I need a car in Walnut Creek').car?.pickupCity).toBe('Walnut Creek');
  });
});

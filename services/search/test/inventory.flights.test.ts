import { AIRLINES } from '@tripwise/travel-data';
import { describe, expect, test } from 'vitest';
import { generateFlights } from '../src/domain/inventory/generate-flights.ts';
import { CABINS } from '../src/domain/inventory/inventory.types.ts';
import { SMALL_SCALE, START, kmBetween, localClock, mean, timeZoneOf } from './inventory.fixtures.ts';

// The flights are legs: connections are built from them at search time.
const flights = [...generateFlights(SMALL_SCALE, 3, START)];
const nonstops = flights;
const hubsOf = new Map(AIRLINES.map((a) => [a.code, a.hubs]));
// A jet's 800 km/h over the ground, 40 minutes of taxi and climb, jet streams worth 6% either way, rounded to 5 min.
const legMinutes = (km: number) => ({
  fastest: 40 + (km / 800) * 60 * 0.94 - 2.5,
  slowest: 40 + (km / 800) * 60 * 1.06 + 2.5,
});

describe('generated flights', () => {
  test('When the small scale is generated, then every route it flies is flown both ways', () => {
    const routes = new Set(flights.map((f) => `${f.origin}-${f.destination}`));
    expect(routes.size).toBeGreaterThan(50);
    for (const route of routes) expect(routes.has(route.split('-').reverse().join('-')), route).toBe(true);
  });

  test('When a flight is nonstop, then its duration is cruise time for the distance plus ground time', () => {
    for (const f of nonstops) {
      const { fastest, slowest } = legMinutes(kmBetween(f.origin, f.destination));
      expect(f.durationMin).toBeGreaterThanOrEqual(fastest);
      expect(f.durationMin).toBeLessThanOrEqual(slowest);
    }
  });

  test('When any flight is read, then it arrives after it departs, exactly its duration later', () => {
    for (const f of flights) {
      expect(f.arriveAt.getTime() - f.departAt.getTime()).toBe(f.durationMin * 60_000);
      expect(f.durationMin).toBeGreaterThan(0);
    }
  });

  test('When a departure is read on the origin clock, then its date is depart_date and its time is in the day', () => {
    for (const f of flights) {
      const local = localClock(f.departAt, timeZoneOf(f.origin));
      expect(local.date).toBe(f.departDate);
      expect(local.time >= '05:30' && local.time <= '23:30').toBe(true);
    }
  });

  test('When a flight is operated, then the airline is real, has a hub on the route and numbers it like "UA 1234"', () => {
    for (const f of flights) {
      expect(f.flightNumber).toMatch(new RegExp(`^${f.airline} [1-9]\\d{0,3}$`));
      const hubs = hubsOf.get(f.airline) ?? [];
      expect([f.origin, f.destination].some((code) => hubs.includes(code))).toBe(true);
    }
  });

  test('When a flight has several cabins, then economy is there and fares rise strictly from cabin to cabin', () => {
    for (const f of flights) {
      expect(f.cabins[0]!.cabin).toBe('economy');
      const order = f.cabins.map((c) => CABINS.indexOf(c.cabin));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      const prices = f.cabins.map((c) => c.priceMinor);
      prices.slice(1).forEach((price, i) => expect(price).toBeGreaterThan(prices[i]!));
      for (const c of f.cabins) expect(c.seatsTotal).toBeGreaterThan(0);
    }
  });

  test('When flights are compared by distance, then long-haul fares are several times short-hop fares', () => {
    const economy = (f: (typeof flights)[number]) => f.cabins[0]!.priceMinor;
    const short = nonstops.filter((f) => kmBetween(f.origin, f.destination) < 1_000).map(economy);
    const long = nonstops.filter((f) => kmBetween(f.origin, f.destination) > 6_000).map(economy);
    expect(mean(long)).toBeGreaterThan(3 * mean(short));
  });

  test('When cabins are counted, then not every flight sells every cabin and short hops rarely sell first', () => {
    const short = flights.filter((f) => kmBetween(f.origin, f.destination) < 1_500);
    const withFirst = (list: typeof flights) => list.filter((f) => f.cabins.some((c) => c.cabin === 'first')).length;
    expect(withFirst(short) / short.length).toBeLessThan(0.05);
    expect(withFirst(flights)).toBeGreaterThan(0);
    expect(flights.filter((f) => f.cabins.length === 1).length).toBeGreaterThan(0);
  });

  test('When fares are compared by booking time, then flights in the next days cost more than a month out', () => {
    const ratio = (f: (typeof flights)[number]) =>
      f.cabins[0]!.priceMinor / Math.sqrt(kmBetween(f.origin, f.destination));
    const soon = flights.filter((f) => f.departDate <= '2027-01-12').map(ratio);
    const later = [...generateFlights({ ...SMALL_SCALE, days: 45 }, 3, START)]
      .filter((f) => f.departDate >= '2027-02-15')
      .map(ratio);
    expect(mean(soon)).toBeGreaterThan(1.2 * mean(later));
  });

  test('When fares are compared by airline and weekday, then low-cost carriers undercut and Fridays cost more', () => {
    const perKm = (f: (typeof flights)[number]) =>
      f.cabins[0]!.priceMinor / Math.sqrt(kmBetween(f.origin, f.destination));
    const lowCost = ['NK', 'F9', 'VY'];
    const weekday = (f: (typeof flights)[number]) => new Date(`${f.departDate}T00:00:00Z`).getUTCDay();
    expect(mean(flights.filter((f) => lowCost.includes(f.airline)).map(perKm))).toBeLessThan(
      0.9 * mean(flights.filter((f) => !lowCost.includes(f.airline)).map(perKm)),
    );
    expect(mean(flights.filter((f) => weekday(f) === 5).map(perKm))).toBeGreaterThan(
      1.1 * mean(flights.filter((f) => weekday(f) === 2).map(perKm)),
    );
  });

  test('When refundability is counted, then some but far from all flights are refundable', () => {
    const share = flights.filter((f) => f.refundable).length / flights.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.5);
  });

  test('When clocks change for summer time, then a flight keeps its local departure time and its instant moves', () => {
    // 2027-03-14 in North America, 2027-03-28 in Europe.
    const spring = [...generateFlights({ ...SMALL_SCALE, days: 28 }, 3, '2027-03-07')];
    const jfk = spring.filter((f) => f.origin === 'JFK');
    const byNumber = Map.groupBy(jfk, (f) => f.flightNumber);
    const [number, runs] = [...byNumber].find(
      ([, list]) => list.some((f) => f.departDate < '2027-03-14') && list.some((f) => f.departDate > '2027-03-14'),
    )!;
    const before = runs.find((f) => f.departDate < '2027-03-14')!;
    const after = runs.find((f) => f.departDate > '2027-03-14')!;
    expect(localClock(after.departAt, 'America/New_York').time, number).toBe(
      localClock(before.departAt, 'America/New_York').time,
    );
    expect(before.departAt.getUTCHours() - after.departAt.getUTCHours()).toBe(1);
    for (const f of spring) expect(localClock(f.departAt, timeZoneOf(f.origin)).date).toBe(f.departDate);
  });
});

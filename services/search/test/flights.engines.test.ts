import { flightSearchSchema, type FlightSearchPage } from '@tripwise/contracts';
import type { Db } from '@tripwise/platform/db';
import type { KvStore } from '@tripwise/platform/kv';
import { createMetrics } from '@tripwise/platform/metrics';
import { captureLogs, openTestDb, openTestKv } from '@tripwise/platform/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDayFlights } from '../src/data/day-flights.repository.ts';
import { createMemoryMetrics, createMemoryScopes } from '../src/domain/cache/memory-scopes.ts';
import { createSearchCache } from '../src/domain/cache/search-cache.ts';
import { dayFlightsFrom } from '../src/domain/flights/day-flights.ts';
import { memoryLegSource } from '../src/domain/flights/flight-legs.memory.ts';
import { sqlLegSource } from '../src/domain/flights/flight-legs.sql.ts';
import type { FlightLegSource } from '../src/domain/flights/leg.ts';
import { searchFlights } from '../src/domain/flights/search-flights.use-case.ts';
import { seedInventory } from '../src/domain/inventory/seed-inventory.ts';
import { migrationsDir } from './inventory.fixtures.ts';

// The flight search's contract, run against both engines over the same generated network: the database (the
// cache off) and the days kept in memory (the cache on) must answer every filter, sort, facet and page alike.
const START = '2027-04-05';
const NOW = new Date(`${START}T00:30:00Z`);
const scale = { name: 'engines', days: 5, airports: 25, frequencyFactor: 0.2, hotels: 25, cars: 25 };
let db: Db;
let kv: KvStore;
let engines: Record<'sql' | 'memory', () => FlightLegSource>;

beforeAll(async () => {
  db = await openTestDb({ migrationsDir });
  kv = await openTestKv();
  await seedInventory(db, { scale, seed: 4, startDate: START, logger: captureLogs().logger });
  // A few seats taken, so that "enough seats for the party" differs from flight to flight.
  await db.query(
    `UPDATE flight_cabins SET seats_taken = seats_total - 2 WHERE flight_id % 7 = 0 AND cabin = 'business'`,
  );
  const days = createMemoryScopes({
    kind: 'flights',
    cache: createSearchCache(kv),
    metrics: createMemoryMetrics(createMetrics('engines-test')),
    maxListings: 1_000_000,
    load: async (date) => dayFlightsFrom(await loadDayFlights(db, date)),
    size: (day) => day.count,
  });
  engines = { sql: () => sqlLegSource(db), memory: () => memoryLegSource(days) };
});
afterAll(async () => {
  await kv.close();
  await db.close();
});

const ask = (engine: 'sql' | 'memory', query: Record<string, string>) =>
  searchFlights(engines[engine](), flightSearchSchema.parse(query), NOW);

const DAY = '2027-04-06';
const BACK = '2027-04-08';
const ONE_WAY = { origin: 'ATL', destination: 'LHR', date: DAY };
const DOMESTIC = { origin: 'LAX', destination: 'MCO', date: DAY };

describe('flight search, the SQL and in-memory engines', () => {
  test.each([
    ['every sort: best', { ...ONE_WAY }],
    ['price', { ...ONE_WAY, sort: 'price' }],
    ['duration', { ...ONE_WAY, sort: 'duration' }],
    ['departure', { ...ONE_WAY, sort: 'departure' }],
    ['maxPrice', { ...DOMESTIC, maxPrice: '40000' }],
    ['maxStops 0', { ...DOMESTIC, maxStops: '0' }],
    ['maxStops 1', { ...ONE_WAY, maxStops: '1' }],
    ['airlines', { ...DOMESTIC, airlines: 'DL,AA' }],
    ['layover airports', { ...ONE_WAY, via: 'JFK,ORD' }],
    ['max layover', { ...DOMESTIC, maxLayoverMin: '150' }],
    ['one ticket only', { ...ONE_WAY, separateTickets: 'false' }],
    ['departure window', { ...DOMESTIC, departAfter: '06:00', departBefore: '12:00' }],
    ['arrival window', { ...DOMESTIC, arriveAfter: '12:00', arriveBefore: '20:00' }],
    ['max duration', { ...DOMESTIC, maxDurationMin: '420' }],
    ['refundable', { ...DOMESTIC, refundable: 'true' }],
    ['party in business', { ...ONE_WAY, passengers: '3', cabin: 'business' }],
    ['a metro code', { origin: 'NYC', destination: 'DFW', date: DAY }],
    ['airports nearby', { origin: 'LAX', destination: 'MIA', date: DAY, destinationRadiusKm: '60' }],
    ['round trip, combinations', { ...ONE_WAY, returnDate: BACK }],
    ['round trip, outbounds', { ...DOMESTIC, returnDate: BACK, view: 'outbounds', sort: 'price' }],
    [
      'round trip, return windows and price',
      { ...DOMESTIC, returnDate: BACK, returnDepartAfter: '12:00', maxPrice: '90000' },
    ],
  ])('When searched with %s, then both engines give the same page, total and facets', async (_name, query) => {
    const [sql, memory] = await Promise.all([ask('sql', query), ask('memory', query)]);
    expect(memory).toEqual(sql);
    expect(sql.total).toBeGreaterThan(0);
  });

  test('When the pages of a search are read one after another, then together they are every result, once', async () => {
    for (const engine of ['sql', 'memory'] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let page: FlightSearchPage;
      do {
        page = await ask(engine, { ...ONE_WAY, limit: '7', ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.length).toBe(page.total);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  test('When an outbound is chosen, then both engines list the same returns that fit it, each after it lands', async () => {
    const outbounds = await ask('sql', { ...DOMESTIC, returnDate: DAY, view: 'outbounds' });
    const chosen = outbounds.items[0]!;
    expect('outbound' in chosen).toBe(true);
    const outboundId = 'outbound' in chosen ? chosen.outbound.id : '';
    const query = { ...DOMESTIC, returnDate: DAY, outboundId };
    const [sql, memory] = await Promise.all([ask('sql', query), ask('memory', query)]);
    expect(memory).toEqual(sql);
    for (const pair of sql.items) {
      if (!('outbound' in pair)) throw new Error('a round trip answers pairs');
      expect(pair.outbound.id).toBe(outboundId);
      expect(Date.parse(pair.return.departAt)).toBeGreaterThanOrEqual(
        Date.parse(pair.outbound.arriveAt) + 2 * 3_600_000,
      );
      expect(pair.price.amount).toBe(pair.outbound.price.amount + pair.return.price.amount);
    }
  });
});

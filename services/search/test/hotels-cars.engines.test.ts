import { carSearchSchema, hotelSearchSchema } from '@tripwise/contracts';
import type { Db } from '@tripwise/platform/db';
import type { KvStore } from '@tripwise/platform/kv';
import { createMetrics } from '@tripwise/platform/metrics';
import { openTestDb, openTestKv } from '@tripwise/platform/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadLocationCars } from '../src/data/location-cars.repository.ts';
import { createCityHotelsIndex } from '../src/domain/cache/city-hotels-index.ts';
import { createMemoryMetrics, createMemoryScopes } from '../src/domain/cache/memory-scopes.ts';
import { createSearchCache } from '../src/domain/cache/search-cache.ts';
import { memoryCarSearch } from '../src/domain/search/car-search.memory.ts';
import type { CarSearchEngine } from '../src/domain/search/car-search.port.ts';
import { sqlCarSearch } from '../src/domain/search/car-search.sql.ts';
import { memoryHotelSearch } from '../src/domain/search/hotel-search.memory.ts';
import type { HotelSearchEngine } from '../src/domain/search/hotel-search.port.ts';
import { sqlHotelSearch } from '../src/domain/search/hotel-search.sql.ts';
import { locationCarsFrom } from '../src/domain/search/location-cars.ts';
import { searchCars } from '../src/domain/search/search-cars.use-case.ts';
import { searchHotels } from '../src/domain/search/search-hotels.use-case.ts';
import { NOW, insertCars, insertHotels, migrationsDir } from './given-search-data.ts';

// The hotel and car searches' contract, run against both engines over the same data: the database (the cache off)
// and what is kept in memory (the cache on) must answer every filter, sort, facet and page alike.
let db: Db;
let kv: KvStore;
let hotels: Record<'sql' | 'memory', HotelSearchEngine>;
let cars: Record<'sql' | 'memory', CarSearchEngine>;

beforeAll(async () => {
  db = await openTestDb({ migrationsDir });
  kv = await openTestKv();
  await insertHotels(db, 60, 11);
  await insertCars(db, 60, 12);
  const cache = createSearchCache(kv);
  const metrics = createMemoryMetrics(createMetrics('engines-test'));
  const cities = createCityHotelsIndex({ db, cache, metrics, maxHotels: 10_000 });
  const places = createMemoryScopes({
    kind: 'cars',
    cache,
    metrics,
    maxListings: 10_000,
    load: async (code) => locationCarsFrom(await loadLocationCars(db, code)),
    size: (place) => place.cars.length,
  });
  hotels = { sql: sqlHotelSearch(db), memory: memoryHotelSearch(cities, sqlHotelSearch(db)) };
  cars = { sql: sqlCarSearch(db), memory: memoryCarSearch(places) };
});
afterAll(async () => {
  await kv.close();
  await db.close();
});

const STAY = { city: 'DEN', checkIn: '2030-03-01', checkOut: '2030-03-03' };
const RENTAL = { location: 'DEN', pickupDate: '2030-03-01', dropoffDate: '2030-03-04' };

describe('hotel search, the SQL and in-memory engines', () => {
  test.each([
    ['sort by price', {}],
    ['sort by rating', { sort: 'rating' }],
    ['sort by stars', { sort: 'stars' }],
    ['sort by distance', { sort: 'distance' }],
    ['price range', { minPrice: '10000', maxPrice: '30000' }],
    ['stars', { stars: '3,4' }],
    ['rating', { minRating: '7' }],
    ['amenities', { amenities: 'wifi,pool' }],
    ['neighbourhood', { neighborhood: 'lodo' }],
    ['free cancellation', { freeCancellation: 'true' }],
    ['a bigger party', { guests: '5', rooms: '2' }],
    ['small pages', { limit: '5' }],
  ])('When searched with %s, then both engines answer the same page, total and facets', async (_name, extra) => {
    const query = hotelSearchSchema.parse({ ...STAY, ...extra });
    const [sql, memory] = await Promise.all([
      searchHotels(db, hotels.sql, query, NOW),
      searchHotels(db, hotels.memory, query, NOW),
    ]);
    // A distance is worked out in SQL and in JavaScript: the cursors (which carry it) may differ in the last digit.
    const withoutCursor = <T extends { nextCursor: string | null }>(page: T) => ({
      ...page,
      nextCursor: !!page.nextCursor,
    });
    expect(withoutCursor(memory)).toEqual(withoutCursor(sql));
    expect(sql.total).toBeGreaterThan(0);
    if (sql.nextCursor && memory.nextCursor) {
      const next = (cursor: string) => hotelSearchSchema.parse({ ...STAY, ...extra, cursor });
      expect(withoutCursor(await searchHotels(db, hotels.memory, next(memory.nextCursor), NOW))).toEqual(
        withoutCursor(await searchHotels(db, hotels.sql, next(sql.nextCursor), NOW)),
      );
    }
  });
});

describe('car search, the SQL and in-memory engines', () => {
  test.each([
    ['sort by price', {}],
    ['sort by seats', { sort: 'seats' }],
    ['sort by company', { sort: 'company' }],
    ['classes', { carTypes: 'suv,van' }],
    ['companies', { companies: 'hertz,Avis' }],
    ['price', { maxPrice: '30000' }],
    ['seats', { minSeats: '5' }],
    ['transmission', { transmission: 'manual' }],
  ])('When searched with %s, then both engines answer the same page, total and facets', async (_name, extra) => {
    const query = carSearchSchema.parse({ ...RENTAL, ...extra, limit: '5' });
    const [sql, memory] = await Promise.all([searchCars(cars.sql, query, NOW), searchCars(cars.memory, query, NOW)]);
    expect(memory).toEqual(sql);
    expect(sql.total).toBeGreaterThan(0);
    if (sql.nextCursor) {
      const next = carSearchSchema.parse({ ...RENTAL, ...extra, limit: '5', cursor: sql.nextCursor });
      expect(await searchCars(cars.memory, next, NOW)).toEqual(await searchCars(cars.sql, next, NOW));
    }
  });
});

import { z } from 'zod';
import {
  carSearchSchema,
  dateGridSchema,
  exploreSchema,
  fareCalendarSchema,
  flightSearchSchema,
  hotelSearchSchema,
  placeSearchSchema,
  type ExploreAnswer,
} from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';
import type { CityHotelsIndex } from '../domain/cache/city-hotels-index.ts';
import type { MemoryDetails } from '../domain/cache/memory-details.ts';
import type { MemoryScopes } from '../domain/cache/memory-scopes.ts';
import type { CacheKind } from '../domain/cache/search-cache.ts';
import type { ListingStats } from '../domain/market/listing-stats.ts';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { searchPlaces } from '../domain/places/search-places.ts';
import type { DayFlights } from '../domain/flights/day-flights.ts';
import { memoryLegSource } from '../domain/flights/flight-legs.memory.ts';
import { sqlLegSource } from '../domain/flights/flight-legs.sql.ts';
import type { FlightLegSource } from '../domain/flights/leg.ts';
import type { LocationCars } from '../domain/search/location-cars.ts';
import { carDetails, flightDetails, hotelDetails } from '../domain/search/listing-details.use-case.ts';
import { searchCars } from '../domain/search/search-cars.use-case.ts';
import { memoryCarSearch } from '../domain/search/car-search.memory.ts';
import { sqlCarSearch } from '../domain/search/car-search.sql.ts';
import { memoryHotelSearch } from '../domain/search/hotel-search.memory.ts';
import { sqlHotelSearch } from '../domain/search/hotel-search.sql.ts';
import { searchFlights } from '../domain/flights/search-flights.use-case.ts';
import { createExplorePrices, explore } from '../domain/flights/explore.use-case.ts';
import { dateGrid, fareCalendar } from '../domain/flights/flexible-dates.use-case.ts';
import { createRecentAnswers } from '../domain/cache/recent-answers.ts';
import { searchHotels } from '../domain/search/search-hotels.use-case.ts';
import type { CoverCache } from '../domain/photos/cover-cache.ts';

const idParams = z.object({ id: z.string().regex(/^\d{1,18}$/, { error: 'a listing id' }) });
const stayQuery = z
  .object({ checkIn: z.iso.date().optional(), checkOut: z.iso.date().optional() })
  .refine((q) => (q.checkIn === undefined) === (q.checkOut === undefined), {
    path: ['checkOut'],
    message: 'give both dates or neither',
  })
  .refine((q) => !q.checkIn || !q.checkOut || q.checkOut > q.checkIn, {
    path: ['checkOut'],
    message: 'must be after the check-in date',
  });
const SEARCH = { 200: 'A page of results, the total, the next cursor and facets', 400: 'Invalid parameter' };
const DETAILS = { 200: 'The listing', 400: 'Invalid id', 404: 'No such listing' };

/** With the cache on: the cities, days and pick-up places kept in memory that searches are worked out on. */
export interface InMemory {
  cities?: CityHotelsIndex | undefined;
  days?: MemoryScopes<DayFlights> | undefined;
  cars?: MemoryScopes<LocationCars> | undefined;
  details?: MemoryDetails | undefined;
}

/** Public search: flights, hotels, cars, places, and each listing's details. Anyone may call these. */
export function searchRoutes(
  db: Queryable,
  now: () => Date,
  inMemory: InMemory,
  stats: ListingStats,
  covers: CoverCache,
): DocumentedRouter {
  const docs = documentedRouter('search');
  const { route } = docs;
  // One engine per request: the days kept in memory (the cache on) or the database.
  const legs = (): FlightLegSource => (inMemory.days ? memoryLegSource(inMemory.days) : sqlLegSource(db));
  const hotelEngine = inMemory.cities ? memoryHotelSearch(inMemory.cities, sqlHotelSearch(db)) : sqlHotelSearch(db);
  const carEngine = inMemory.cars ? memoryCarSearch(inMemory.cars) : sqlCarSearch(db);
  // With the cache on, an Explore answer is kept five minutes (see recent-answers.ts).
  const explorePrices = inMemory.days ? createExplorePrices({ maxAgeMs: 300_000, maxEntries: 5_000 }) : undefined;
  const explored = inMemory.days
    ? createRecentAnswers<ExploreAnswer>({ maxAgeMs: 300_000, maxEntries: 2_000 })
    : undefined;
  // A details page from memory while its scope has not changed (the cache on), else from the database.
  const kept = <T>(kind: CacheKind, key: string, load: () => Promise<{ answer: T; scope: string }>) =>
    inMemory.details ? inMemory.details.get(kind, key, load) : load().then((loaded) => loaded.answer);

  route(
    {
      method: 'get',
      path: '/places',
      access: 'public',
      summary: 'Type-ahead over airports, cities and metro codes',
      query: placeSearchSchema,
      responses: { 200: 'Matching places, best first', 400: 'Invalid parameter' },
    },
    ({ query }, _req, res) => {
      res.set('Cache-Control', 'public, max-age=3600').json({ items: searchPlaces(query.q, query.limit) });
    },
  );
  route(
    {
      method: 'get',
      path: '/flights',
      access: 'public',
      summary: 'Itineraries (nonstop and connecting) or round trips, with filters, sorts and facets',
      query: flightSearchSchema,
      responses: SEARCH,
    },
    async ({ query }, _req, res) => {
      const result = await searchFlights(legs(), query, now());
      stats.shown(
        'flight',
        result.items.flatMap((i) =>
          ('outbound' in i ? [i.outbound, i.return] : [i]).flatMap((it) => it.legs.map((l) => l.id)),
        ),
      );
      res.json(result);
    },
  );
  route(
    {
      method: 'get',
      path: '/flights/date-grid',
      access: 'public',
      summary: 'The cheapest round trip for each pair of dates around the ones asked (±3 days: a 7 × 7 grid)',
      query: dateGridSchema,
      responses: { 200: 'The grid, per person round-trip prices', 400: 'Invalid parameter' },
    },
    async ({ query }, _req, res) => {
      res.json(await dateGrid(legs(), query, now()));
    },
  );
  route(
    {
      method: 'get',
      path: '/flights/calendar',
      access: 'public',
      summary: "A month's cheapest one-way fare each day",
      query: fareCalendarSchema,
      responses: { 200: 'The days of the month, per person one-way prices', 400: 'Invalid parameter' },
    },
    async ({ query }, _req, res) => {
      res.json(await fareCalendar(legs(), query, now()));
    },
  );
  route(
    {
      method: 'get',
      path: '/explore',
      access: 'public',
      summary: 'Cheapest destinations from an origin, with their best dates, by month, budget, trip length and theme',
      query: exploreSchema,
      responses: { 200: 'Destinations, cheapest first', 400: 'Invalid parameter' },
    },
    async ({ query }, _req, res) => {
      const ask = () => explore(legs(), query, now(), explorePrices);
      res.json(await (explored ? explored.get(JSON.stringify([query, now().toISOString().slice(0, 10)]), ask) : ask()));
    },
  );
  route(
    {
      method: 'get',
      path: '/hotels',
      access: 'public',
      summary: 'Hotels with rooms free for the whole stay',
      query: hotelSearchSchema,
      responses: SEARCH,
    },
    async ({ query }, _req, res) => {
      // A search around a point spans cities: the database answers it even with the cache on.
      const found = await searchHotels(db, hotelEngine, query, now());
      const result = { ...found, items: await covers.withCovers('hotels', found.items) };
      stats.shown(
        'hotel',
        result.items.map((i) => i.id),
      );
      res.json(result);
    },
  );
  route(
    {
      method: 'get',
      path: '/cars',
      access: 'public',
      summary: 'Rental cars free for the whole period',
      query: carSearchSchema,
      responses: SEARCH,
    },
    async ({ query }, _req, res) => {
      const found = await searchCars(carEngine, query, now());
      const result = { ...found, items: await covers.withCovers('cars', found.items) };
      stats.shown(
        'car',
        result.items.map((i) => i.id),
      );
      res.json(result);
    },
  );
  route(
    {
      method: 'get',
      path: '/flights/:id',
      access: 'public',
      summary: 'A flight: times, cabins, fares, seats, policies',
      params: idParams,
      responses: DETAILS,
    },
    async ({ params }, _req, res) => {
      const details = await kept('flights', params.id, async () => {
        const answer = await flightDetails(db, params.id);
        // Its departure date, as stored: the calendar day at the origin airport, the clock departLocal reads.
        return { answer, scope: answer.departLocal.slice(0, 10) };
      });
      stats.viewed('flight', params.id);
      res.json(details);
    },
  );
  route(
    {
      method: 'get',
      path: '/hotels/:id',
      access: 'public',
      summary: 'A hotel: rooms (free ones for given dates), policies',
      params: idParams,
      query: stayQuery,
      responses: DETAILS,
    },
    async ({ params, query }, _req, res) => {
      const stay = query.checkIn && query.checkOut ? { checkIn: query.checkIn, checkOut: query.checkOut } : undefined;
      const details = await kept('hotels', `${params.id}:${stay?.checkIn ?? ''}:${stay?.checkOut ?? ''}`, async () => {
        const answer = await hotelDetails(db, params.id, stay);
        return { answer, scope: answer.city.code };
      });
      stats.viewed('hotel', params.id);
      res.json(details);
    },
  );
  route(
    {
      method: 'get',
      path: '/cars/:id',
      access: 'public',
      summary: 'A rental car: model, policies, daily price',
      params: idParams,
      responses: DETAILS,
    },
    async ({ params }, _req, res) => {
      const details = await kept('cars', params.id, async () => {
        const answer = await carDetails(db, params.id);
        return { answer, scope: answer.location.code };
      });
      stats.viewed('car', params.id);
      res.json(details);
    },
  );
  return docs;
}

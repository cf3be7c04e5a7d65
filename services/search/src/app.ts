import { requireAuth, requireServiceToken, type TokenVerifier } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { createService, openApiDocument, type ErrorReporter, type Service } from '@tripwise/platform/http';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import { createMetrics, type ServiceMetrics } from '@tripwise/platform/metrics';
import type { Config } from './config.ts';
import { scopeOf, scopeOfHoldItem } from './data/listing-scope.repository.ts';
import { createCityHotelsIndex } from './domain/cache/city-hotels-index.ts';
import { createMemoryDetails } from './domain/cache/memory-details.ts';
import { createMemoryMetrics, createMemoryScopes } from './domain/cache/memory-scopes.ts';
import { loadDayFlights } from './data/day-flights.repository.ts';
import { loadLocationCars } from './data/location-cars.repository.ts';
import { dayFlightsFrom } from './domain/flights/day-flights.ts';
import { locationCarsFrom } from './domain/search/location-cars.ts';
import { createSearchCache, type SearchCache } from './domain/cache/search-cache.ts';
import type { InventoryChanged } from './domain/holds/holds.use-case.ts';
import type { ListingChanged } from './domain/listings/manage-listings.use-case.ts';
import { createListingStats, type ListingStats } from './domain/market/listing-stats.ts';
import { createPriceMarket, type PriceMarket } from './domain/market/price-market.ts';
import { internalHoldRoutes } from './routes/internal-holds.routes.ts';
import { listingRoutes } from './routes/listings.routes.ts';
import { internalMarketRoutes } from './routes/internal-market.routes.ts';
import { reviewRoutes } from './routes/reviews.routes.ts';
import type { PastBookingCheck } from './clients/booking.client.ts';
import { searchRoutes, type InMemory } from './routes/search.routes.ts';
import { publishPriceEvents } from './domain/market/owner-prices.ts';

export const SERVICE_NAME = 'search';

export interface AppDeps {
  config: Pick<Config, 'BODY_LIMIT' | 'TRUST_PROXY_HOPS' | 'PRICE_TICK_MS' | 'PRICE_SAMPLE'> &
    Partial<Pick<Config, 'SEARCH_CACHE' | 'SEARCH_MEMORY_HOTELS' | 'SEARCH_MEMORY_FLIGHTS' | 'SEARCH_MEMORY_CARS'>>;
  logger: Logger;
  db: Db;
  kv: KvStore;
  errorReporter?: ErrorReporter | undefined;
  /** The credential other services show on /internal routes. */
  serviceToken: string;
  /** Checks access tokens (the gateway did too: this is defence in depth). */
  verify: TokenVerifier;
  /** Asks the booking service whether a traveler's booking of a listing has ended (who may review it). */
  pastBooking: PastBookingCheck;
  /** The clock that decides which dates are in the past. */
  now?: () => Date;
}

export interface SearchService extends Service {
  /** For work outside requests (the hold sweeper, the price market) that changes what searches show. */
  inventoryChanged: InventoryChanged;
  /** Moves a sample of prices; index.ts calls it every PRICE_TICK_MS. */
  priceMarket: PriceMarket;
  /** Impressions and views counted in memory; index.ts flushes them every STATS_FLUSH_MS. */
  stats: ListingStats;
  /** For the rolling window: a day of flights was written, so what searches hold of it is read again. */
  flightDayChanged: (day: string) => Promise<void>;
}

/**
 * With the cache on, hotel, flight and car searches are worked out on cities, days and places kept in memory, and
 * details pages are kept while their scope does not change.
 */
function keptInMemory(db: Db, cache: SearchCache, metrics: ServiceMetrics, config: AppDeps['config']): InMemory {
  const counts = createMemoryMetrics(metrics);
  return {
    cities: createCityHotelsIndex({ db, cache, metrics: counts, maxHotels: config.SEARCH_MEMORY_HOTELS ?? 150_000 }),
    // A day's flights by departure date; a pick-up place's cars by its airport code.
    days: createMemoryScopes({
      kind: 'flights',
      cache,
      metrics: counts,
      maxListings: config.SEARCH_MEMORY_FLIGHTS ?? 600_000,
      load: async (date) => dayFlightsFrom(await loadDayFlights(db, date)),
      size: (day) => day.count,
    }),
    cars: createMemoryScopes({
      kind: 'cars',
      cache,
      metrics: counts,
      maxListings: config.SEARCH_MEMORY_CARS ?? 50_000,
      load: async (code) => locationCarsFrom(await loadLocationCars(db, code)),
      size: (place) => place.cars.length,
    }),
    details: createMemoryDetails({ cache, metrics, maxEntries: 20_000, maxAgeMs: 60_000 }),
  };
}

export function createApp(deps: AppDeps): SearchService {
  const { db } = deps;
  const metrics = createMetrics(SERVICE_NAME);
  const cache = createSearchCache(deps.kv);
  const inMemory = deps.config.SEARCH_CACHE === 'off' ? {} : keptInMemory(db, cache, metrics, deps.config);
  const listingChanged: ListingChanged = async (kind, id, formerScope) => {
    for (const scope of new Set([await scopeOf(db, kind, id), formerScope])) {
      if (scope) await cache.invalidate(kind, scope);
    }
  };
  const inventoryChanged: InventoryChanged = async (items) => {
    for (const item of items) {
      const { kind, scope } = await scopeOfHoldItem(db, item.kind, item.listingId);
      if (scope) await cache.invalidate(kind, scope);
    }
  };
  const stats = createListingStats(db, deps.logger);
  const priceMarket = createPriceMarket({
    db,
    kv: deps.kv,
    cache,
    logger: deps.logger,
    random: { next: Math.random },
    sample: { flight: deps.config.PRICE_SAMPLE, room: deps.config.PRICE_SAMPLE, car: deps.config.PRICE_SAMPLE },
    tickMs: deps.config.PRICE_TICK_MS,
  });
  const search = searchRoutes(db, deps.now ?? (() => new Date()), inMemory, stats);
  const serviceOnly = requireServiceToken(deps.serviceToken);
  const holds = internalHoldRoutes(db, serviceOnly, inventoryChanged);
  const market = internalMarketRoutes(db, serviceOnly);
  const listings = listingRoutes(
    db,
    requireAuth(deps.verify, { roles: ['owner', 'admin'] }),
    listingChanged,
    (events) => publishPriceEvents(deps.kv, events),
  );
  const reviews = reviewRoutes(db, requireAuth(deps.verify), deps.pastBooking, (kind, id) =>
    listingChanged(`${kind}s` as const, Number(id)),
  );
  const openApi = openApiDocument({
    title: 'Tripwise search',
    version: '1',
    mounts: [
      { prefix: '/api/search', router: search },
      { prefix: '/api/search', router: reviews },
      { prefix: '/api/listings', router: listings },
      { prefix: '/internal', router: holds },
      { prefix: '/internal', router: market },
    ],
  });
  const service = createService({
    name: SERVICE_NAME,
    logger: deps.logger,
    metrics,
    bodyLimit: deps.config.BODY_LIMIT,
    trustProxyHops: deps.config.TRUST_PROXY_HOPS,
    publicPrefixes: ['/api/search', '/api/listings'],
    readiness: { database: () => db.ping(), kv: () => deps.kv.ping() },
    ...(deps.errorReporter ? { errorReporter: deps.errorReporter } : {}),
    routes: (app) => {
      app.get('/api/search/openapi.json', (_req, res) => {
        res.json(openApi);
      });
      app.use('/api/search', search.router);
      app.use('/api/search', reviews.router);
      app.use('/api/listings', listings.router);
      app.use('/internal', holds.router);
      app.use('/internal', market.router);
    },
  });
  const flightDayChanged = (day: string) => cache.invalidate('flights', day);
  return { ...service, inventoryChanged, priceMarket, stats, flightDayChanged };
}

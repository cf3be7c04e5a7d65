import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Counter } from 'prom-client';
import type { Db } from '@tripwise/platform/db';
import { createService, type AccessPolicy, type ErrorReporter, type Service } from '@tripwise/platform/http';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import { createMetrics, registerProcessMetrics, type ServiceMetrics } from '@tripwise/platform/metrics';
import type { Config } from './config.ts';
import { SEARCH_METRICS } from './search.metrics.ts';
import { scopeOf, scopeOfHoldItem } from './data/listing-scope.repository.ts';
import { createCityHotelsIndex } from './domain/cache/city-hotels-index.ts';
import { createMemoryDetails } from './domain/cache/memory-details.ts';
import { createMemoryMetrics, createMemoryScopes } from './domain/cache/memory-scopes.ts';
import { loadDayFlights } from './data/day-flights.repository.ts';
import { loadLocationCars } from './data/location-cars.repository.ts';
import { dayFlightsFrom } from './domain/flights/day-flights.ts';
import { locationCarsFrom } from './domain/search/location-cars.ts';
import { createSearchCache, type SearchCache } from './domain/cache/search-cache.ts';
import { sweepExpiredHolds, type InventoryChanged } from './domain/holds/holds.use-case.ts';
import { rollFlightWindow } from './domain/inventory/roll-window.use-case.ts';
import type { ListingChanged } from './domain/listings/manage-listings.use-case.ts';
import { createListingStats, type ListingStats } from './domain/market/listing-stats.ts';
import { createPriceMarket, type PriceMarket } from './domain/market/price-market.ts';
import { internalHoldRoutes } from './routes/internal-holds.routes.ts';
import { listingRoutes } from './routes/listings.routes.ts';
import { listingReviewRoutes } from './routes/listing-review.routes.ts';
import { internalMarketRoutes } from './routes/internal-market.routes.ts';
import { internalSeedWorldRoutes } from './routes/internal-seed-world.routes.ts';
import { internalOwnerRoutes } from './routes/internal-owners.routes.ts';
import { reviewRoutes } from './routes/reviews.routes.ts';
import { listingPhotoRoutes } from './routes/listing-photos.routes.ts';
import { photoFileRoutes } from './routes/photo-files.routes.ts';
import { createPhotoStore, type PhotoStore } from './domain/photos/photo-store.ts';
import { createCoverCache } from './domain/photos/cover-cache.ts';
import type { PastBookingCheck } from './clients/booking.client.ts';
import { idsOnly, type UserDirectory } from './clients/users.client.ts';
import { searchRoutes, type InMemory } from './routes/search.routes.ts';
import { publishPriceEvents } from './domain/market/owner-prices.ts';

export const SERVICE_NAME = 'search';

export interface AppDeps {
  config: Pick<Config, 'BODY_LIMIT' | 'TRUST_PROXY_HOPS' | 'PRICE_TICK_MS' | 'PRICE_SAMPLE' | 'STATS_FLUSH_MS'> &
    Partial<
      Pick<
        Config,
        'INVENTORY_ROLL_MS' | 'SEARCH_CACHE' | 'SEARCH_MEMORY_HOTELS' | 'SEARCH_MEMORY_FLIGHTS' | 'SEARCH_MEMORY_CARS'
      >
    >;
  logger: Logger;
  db: Db;
  kv: KvStore;
  errorReporter?: ErrorReporter | undefined;
  /** Token checks (the gateway's too: this is defence in depth) and the service credential, for every route. */
  access: AccessPolicy;
  /** Asks the booking service whether a traveler's booking of a listing has ended (who may review it). */
  pastBooking: PastBookingCheck;
  /** Asks auth who owners are, for admins' lists (ids only when left out). */
  users?: UserDirectory;
  /** Where listing photos' files are kept (default: a folder in the system's temporary directory). */
  photos?: PhotoStore;
  /** The clock that decides which dates are in the past. */
  now?: () => Date;
  /** The price market's dice (tests pass a seeded one); Math.random by default. */
  random?: { next: () => number };
}

export interface SearchService extends Service {
  /** For work outside requests (the hold sweeper, the price market) that changes what searches show. */
  inventoryChanged: InventoryChanged;
  /** Moves a sample of prices (a background task every PRICE_TICK_MS, when that is above 0). */
  priceMarket: PriceMarket;
  /** Impressions and views counted in memory, flushed by a background task every STATS_FLUSH_MS. */
  stats: ListingStats;
  /** For the rolling window: a day of flights was written, so what searches hold of it is read again. */
  flightDayChanged: (day: string) => Promise<void>;
}

/** Expired holds give their seats, rooms and cars back this often. */
const HOLD_SWEEP_MS = 15_000;

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
  registerProcessMetrics(metrics.registry, SEARCH_METRICS);
  const storeUnavailable = new Counter({
    name: 'search_cache_store_unavailable_total',
    help: 'Searches that could not read their cache version (the key-value store was down) and read the database',
    registers: [metrics.registry],
  });
  const cache = createSearchCache(deps.kv, () => storeUnavailable.inc());
  const inMemory = deps.config.SEARCH_CACHE === 'off' ? {} : keptInMemory(db, cache, metrics, deps.config);
  const covers = createCoverCache(db);
  const listingChanged: ListingChanged = async (kind, id, formerScope) => {
    covers.forget(kind, id);
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
    random: deps.random ?? { next: Math.random },
    sample: { flight: deps.config.PRICE_SAMPLE, room: deps.config.PRICE_SAMPLE, car: deps.config.PRICE_SAMPLE },
    tickMs: deps.config.PRICE_TICK_MS,
  });
  const users = deps.users ?? idsOnly;
  const photos = deps.photos ?? createPhotoStore(join(tmpdir(), `tripwise-search-photos-${process.pid}`));
  const listings = listingRoutes(db, listingChanged, (events) => publishPriceEvents(deps.kv, events), users);
  const reviews = reviewRoutes(db, deps.pastBooking, (kind, id) => listingChanged(`${kind}s` as const, Number(id)));
  const flightDayChanged = (day: string) => cache.invalidate('flights', day);
  const rollMs = deps.config.INVENTORY_ROLL_MS ?? 0;
  const service = createService({
    name: SERVICE_NAME,
    logger: deps.logger,
    metrics,
    bodyLimit: deps.config.BODY_LIMIT,
    trustProxyHops: deps.config.TRUST_PROXY_HOPS,
    publicPrefixes: ['/api/search', '/api/listings'],
    readiness: { database: () => db.ping(), kv: () => deps.kv.ping() },
    ...(deps.errorReporter ? { errorReporter: deps.errorReporter } : {}),
    access: deps.access,
    openApi: { path: '/api/search/openapi.json', title: 'Tripwise search' },
    mounts: [
      { prefix: '/api/search', router: searchRoutes(db, deps.now ?? (() => new Date()), inMemory, stats, covers) },
      { prefix: '/api/search', router: reviews },
      { prefix: '/api/search', router: photoFileRoutes(photos) },
      // Before the listings routes: their `/:kind` would take `/summary` and `/review-queue`.
      {
        prefix: '/api/listings',
        router: listingReviewRoutes(db, listingChanged, deps.logger, users, (keys) => photos.remove(keys)),
      },
      { prefix: '/api/listings', router: listingPhotoRoutes(db, photos, listingChanged) },
      { prefix: '/api/listings', router: listings },
      { prefix: '/internal', router: internalHoldRoutes(db, inventoryChanged, deps.now ?? (() => new Date())) },
      { prefix: '/internal', router: internalMarketRoutes(db) },
      { prefix: '/internal', router: internalSeedWorldRoutes(db) },
      { prefix: '/internal', router: internalOwnerRoutes(db, listingChanged) },
    ],
    backgroundTasks: [
      { name: 'hold-sweep', everyMs: HOLD_SWEEP_MS, run: () => sweepExpiredHolds(db, deps.logger, inventoryChanged) },
      { name: 'listing-stats-flush', everyMs: deps.config.STATS_FLUSH_MS, run: stats.flush },
      ...(deps.config.PRICE_TICK_MS > 0
        ? [{ name: 'price-market-tick', everyMs: deps.config.PRICE_TICK_MS, run: () => priceMarket.tick() }]
        : []),
      // The demo's window of flights moves with the calendar: days ahead added, days past removed.
      ...(rollMs > 0
        ? [
            {
              name: 'flight-window-roll',
              everyMs: rollMs,
              run: () => rollFlightWindow(db, { logger: deps.logger, dayChanged: flightDayChanged }),
              // Right after start: the days after the first ones written before serving.
              runAtStart: true,
            },
          ]
        : []),
    ],
  });
  return { ...service, inventoryChanged, priceMarket, stats, flightDayChanged };
}

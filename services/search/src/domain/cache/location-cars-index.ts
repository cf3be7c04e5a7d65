import type { Queryable } from '@tripwise/platform/db';
import { loadLocationCars } from '../../data/location-cars.repository.ts';
import { locationCarsFrom } from '../search/location-cars.ts';
import { createHeldScopes, type HeldMetrics } from './held-scopes.ts';
import type { SearchCache } from './search-cache.ts';

/** Each searched pick-up place's cars and their taken days held in memory (see held-scopes.ts), by airport code. */
export function createLocationCarsIndex(deps: {
  db: Queryable;
  cache: SearchCache;
  metrics: HeldMetrics;
  maxCars: number;
}) {
  return createHeldScopes({
    kind: 'cars',
    cache: deps.cache,
    metrics: deps.metrics,
    maxListings: deps.maxCars,
    load: async (code) => locationCarsFrom(await loadLocationCars(deps.db, code)),
    size: (place) => place.cars.length,
  });
}

export type LocationCarsIndex = ReturnType<typeof createLocationCarsIndex>;

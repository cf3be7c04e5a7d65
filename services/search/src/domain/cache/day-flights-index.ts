import type { Queryable } from '@tripwise/platform/db';
import { loadDayFlights } from '../../data/day-flights.repository.ts';
import { dayFlightsFrom } from '../search/day-flights.ts';
import { createHeldScopes, type HeldMetrics } from './held-scopes.ts';
import type { SearchCache } from './search-cache.ts';

/** Each searched day's flights and their cabins held in memory (see held-scopes.ts), by departure date. */
export function createDayFlightsIndex(deps: {
  db: Queryable;
  cache: SearchCache;
  metrics: HeldMetrics;
  maxFlights: number;
}) {
  return createHeldScopes({
    kind: 'flights',
    cache: deps.cache,
    metrics: deps.metrics,
    maxListings: deps.maxFlights,
    load: async (date) => dayFlightsFrom(await loadDayFlights(deps.db, date)),
    size: (day) => day.count,
  });
}

export type DayFlightsIndex = ReturnType<typeof createDayFlightsIndex>;

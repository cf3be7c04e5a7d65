import { Counter, Gauge } from 'prom-client';
import type { ServiceMetrics } from '@tripwise/platform/metrics';
import type { CacheKind, SearchCache } from './search-cache.ts';

/** Hits, misses and listings kept, for every kind of scope kept in memory: created once per service. */
export function createMemoryMetrics(metrics: ServiceMetrics) {
  return {
    requests: new Counter({
      name: 'search_memory_requests_total',
      help: 'Searches answered from a scope kept in memory (hit) or after reading the scope again (miss), by kind',
      labelNames: ['kind', 'result'] as const,
      registers: [metrics.registry],
    }),
    listings: new Gauge({
      name: 'search_memory_listings',
      help: 'Listings kept in memory for searches, by kind',
      labelNames: ['kind'] as const,
      registers: [metrics.registry],
    }),
  };
}

export type MemoryMetrics = ReturnType<typeof createMemoryMetrics>;

/**
 * What searches in a scope (a city's hotels, a day's flights) need, read from the database and kept in memory, so
 * that a search is worked out here instead of by the database. A scope is used only while its version in the
 * shared store (the search cache's, bumped after every listing edit, price move, hold and release there, by any
 * instance) is the one it was read at; otherwise it is read again before the search is answered, so nothing
 * older than the last change is shown. The least recently searched scopes are let go beyond maxListings.
 */
export function createMemoryScopes<T>(deps: {
  kind: CacheKind;
  cache: SearchCache;
  metrics: MemoryMetrics;
  maxListings: number;
  load: (scope: string) => Promise<T>;
  /** How many listings a scope kept counts for against maxListings. */
  size: (value: T) => number;
}) {
  const { requests, listings } = deps.metrics;
  // Map order is the order of last use: the first entries are the first to go.
  const inMemory = new Map<string, { version: string; value: T }>();
  const loading = new Map<string, Promise<T>>();
  let count = 0;

  function keep(scope: string, version: string, value: T): void {
    const before = inMemory.get(scope);
    if (before) count -= deps.size(before.value);
    inMemory.delete(scope);
    inMemory.set(scope, { version, value });
    count += deps.size(value);
    for (const [oldest, old] of inMemory) {
      if (count <= deps.maxListings || oldest === scope) break;
      inMemory.delete(oldest);
      count -= deps.size(old.value);
    }
    listings.set({ kind: deps.kind }, count);
  }

  function load(scope: string, version: string): Promise<T> {
    const key = `${scope}@${version}`;
    let pending = loading.get(key);
    if (!pending) {
      pending = deps
        .load(scope)
        .then((value) => {
          keep(scope, version, value);
          return value;
        })
        .finally(() => loading.delete(key));
      loading.set(key, pending);
    }
    return pending;
  }

  return {
    async get(scope: string): Promise<T> {
      // Read before the scope is: a change committed meanwhile bumps it again, and the next search reads anew.
      const version = await deps.cache.version(deps.kind, scope);
      const entry = inMemory.get(scope);
      if (entry && entry.version === version) {
        requests.inc({ kind: deps.kind, result: 'hit' });
        inMemory.delete(scope);
        inMemory.set(scope, entry);
        return entry.value;
      }
      requests.inc({ kind: deps.kind, result: 'miss' });
      return load(scope, version);
    },
  };
}

export type MemoryScopes<T> = ReturnType<typeof createMemoryScopes<T>>;

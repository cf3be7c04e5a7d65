import { Counter } from 'prom-client';
import type { ServiceMetrics } from '@tripwise/platform/metrics';
import type { CacheKind, SearchCache } from './search-cache.ts';

interface Entry {
  scope: string;
  /** The scope's version read before the answer was (undefined: the scope was not known yet). */
  version: string | undefined;
  at: number;
  answer: unknown;
}

/**
 * Details pages (a listing, its fares or rooms, trends and reviews) kept per listing and query, each under the
 * version of the scope the listing is in (its day, city or pick-up place), which every change of the listing, its
 * prices, its availability or its reviews bumps. A listing's scope is learned from its first answer; from then on
 * the version is read before the database is, so a kept answer is never older than the last committed change. A
 * kept answer also ages out after maxAgeMs (its 30-day average moves with the clock); the least recently used go
 * beyond maxEntries.
 */
export function createMemoryDetails(deps: {
  cache: SearchCache;
  metrics: ServiceMetrics;
  maxEntries: number;
  maxAgeMs: number;
  now?: () => number;
}) {
  const requests = new Counter({
    name: 'search_details_requests_total',
    help: 'Details pages answered from memory (hit) or from the database (miss), by kind',
    labelNames: ['kind', 'result'] as const,
    registers: [deps.metrics.registry],
  });
  const now = deps.now ?? Date.now;
  // Map order is the order of last use: the first entries are the first to go.
  const entries = new Map<string, Entry>();

  return {
    async get<T>(kind: CacheKind, key: string, load: () => Promise<{ answer: T; scope: string }>): Promise<T> {
      const id = `${kind}:${key}`;
      const known = entries.get(id);
      const version = known ? await deps.cache.version(kind, known.scope) : undefined;
      if (known && known.version === version && now() - known.at < deps.maxAgeMs) {
        requests.inc({ kind, result: 'hit' });
        entries.delete(id);
        entries.set(id, known);
        return known.answer as T;
      }
      requests.inc({ kind, result: 'miss' });
      const at = now();
      const { answer, scope } = await load();
      // A version read for another scope (the listing moved) says nothing of this one: learn the scope first.
      entries.delete(id);
      entries.set(id, { scope, version: known?.scope === scope ? version : undefined, at, answer });
      for (const oldest of entries.keys()) {
        if (entries.size <= deps.maxEntries) break;
        entries.delete(oldest);
      }
      return answer;
    },
  };
}

export type MemoryDetails = ReturnType<typeof createMemoryDetails>;

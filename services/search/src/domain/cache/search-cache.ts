import { createHash } from 'node:crypto';
import { Counter } from 'prom-client';
import type { KvStore } from '@tripwise/platform/kv';
import type { ServiceMetrics } from '@tripwise/platform/metrics';

export type CacheKind = 'flights' | 'hotels' | 'cars';

const TTL_MS = 60_000;

/**
 * Search results kept in the key-value store (Redis, or in-process in the embedded mode). A result's key carries
 * the version of every scope it depends on (a departure date, a city, a pick-up location); any change there
 * (a listing edited, a price moved, a hold placed or released) bumps the version, so the old entry is never read
 * again and simply expires. Prices are checked again at booking, so a cache can show, but never sell, a price.
 */
export function createSearchCache(
  kv: KvStore,
  metrics: ServiceMetrics,
  options: { enabled: boolean } = { enabled: true },
) {
  const requests = new Counter({
    name: 'search_cache_requests_total',
    help: 'Search result cache lookups, by kind and result (hit or miss)',
    labelNames: ['kind', 'result'] as const,
    registers: [metrics.registry],
  });
  const versionKey = (kind: CacheKind, scope: string) => `search:version:${kind}:${scope}`;
  const version = async (kind: CacheKind, scope: string) => (await kv.get(versionKey(kind, scope))) ?? '0';

  return {
    async cached<T>(kind: CacheKind, scopes: string[], query: unknown, compute: () => Promise<T>): Promise<T> {
      if (!options.enabled) return compute();
      const versions = await Promise.all(scopes.map((s) => version(kind, s)));
      const hash = createHash('sha256').update(JSON.stringify(query)).digest('base64url');
      const key = `search:result:${kind}:${scopes.join(',')}:${versions.join(',')}:${hash}`;
      const hit = await kv.get(key);
      if (hit !== null) {
        requests.inc({ kind, result: 'hit' });
        return JSON.parse(hit) as T;
      }
      requests.inc({ kind, result: 'miss' });
      const value = await compute();
      await kv.set(key, JSON.stringify(value), { ttlMs: TTL_MS });
      return value;
    },
    /** The scope's version: it changes whenever anything a search there shows changes. */
    version,
    async invalidate(kind: CacheKind, scope: string): Promise<void> {
      await kv.incr(versionKey(kind, scope), 1, 7 * 24 * 3_600_000);
    },
  };
}

export type SearchCache = ReturnType<typeof createSearchCache>;

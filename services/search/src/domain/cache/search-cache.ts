import { unavailableDependency } from '@tripwise/platform/errors';
import type { KvStore } from '@tripwise/platform/kv';

export type CacheKind = 'flights' | 'hotels' | 'cars';

/**
 * The version of every scope searches are cached by (a departure date, a city, a pick-up place), in the key-value
 * store (Redis, or in-process in the embedded mode) that every instance shares. Any change there (a listing
 * edited, a price moved, a hold placed or released) bumps it after it is committed, so what an instance holds of
 * the scope (memory-scopes.ts) is never used again. Prices are checked again at booking, so a cache can show, but
 * never sell, a price. Without the store (Redis down), every version is new: searches read the database, as if
 * nothing were kept, and go on answering.
 */
export function createSearchCache(kv: KvStore, onStoreUnavailable: () => void = () => undefined) {
  const versionKey = (kind: CacheKind, scope: string) => `search:version:${kind}:${scope}`;
  let unknown = 0;
  return {
    /** The scope's version: it changes whenever anything a search there shows changes. */
    async version(kind: CacheKind, scope: string): Promise<string> {
      try {
        return (await kv.get(versionKey(kind, scope))) ?? '0';
      } catch (err) {
        if (!unavailableDependency(err)) throw err;
        onStoreUnavailable();
        return `unknown-${(unknown += 1)}`;
      }
    },
    async invalidate(kind: CacheKind, scope: string): Promise<void> {
      await kv.incr(versionKey(kind, scope), 1, 7 * 24 * 3_600_000);
    },
  };
}

export type SearchCache = ReturnType<typeof createSearchCache>;

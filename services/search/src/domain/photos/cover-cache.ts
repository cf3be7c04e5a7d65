import type { ListingPhoto } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';
import { coversOf, type PhotoKind } from '../../data/listing-photos.repository.ts';
import { travelerPhoto } from './photo-views.ts';

/** Long enough that a results page is mostly served from memory; short enough for other instances to catch up. */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 200_000;

export interface CoverCache {
  /** A page of results with each listing's cover: from memory, the rest in one query. */
  withCovers<T extends { id: string }>(kind: PhotoKind, items: T[]): Promise<(T & { photo: ListingPhoto | null })[]>;
  /** A listing's photos changed here: its cover is read again next time. */
  forget(kind: string, id: number): void;
}

/**
 * Covers of listings shown in results, kept a minute: searches answered from memory do not each wait for the
 * database. A change on this instance is seen at once; one made on another instance within a minute.
 */
export function createCoverCache(db: Queryable, now: () => number = Date.now): CoverCache {
  const kept = new Map<string, { photo: ListingPhoto | null; at: number }>();
  return {
    async withCovers(kind, items) {
      const t = now();
      const covers = new Map<string, ListingPhoto | null>();
      for (const i of items) {
        const entry = kept.get(`${kind}:${i.id}`);
        if (entry && t - entry.at < MAX_AGE_MS) covers.set(i.id, entry.photo);
      }
      const missing = items.filter((i) => !covers.has(i.id)).map((i) => Number(i.id));
      if (missing.length > 0) {
        const found = await coversOf(db, kind, missing);
        if (kept.size + missing.length > MAX_ENTRIES) kept.clear();
        for (const id of missing) {
          const row = found.get(id);
          const photo = row ? travelerPhoto(row) : null;
          covers.set(String(id), photo);
          kept.set(`${kind}:${id}`, { photo, at: t });
        }
      }
      return items.map((i) => ({ ...i, photo: covers.get(i.id) ?? null }));
    },
    forget(kind, id) {
      kept.delete(`${kind}:${id}`);
    },
  };
}

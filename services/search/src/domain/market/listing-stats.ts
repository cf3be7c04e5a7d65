import type { Db } from '@tripwise/platform/db';
import type { Logger } from '@tripwise/platform/logger';
import { addDailyCounts, type DailyCounts, type StatsKind } from '../../data/listing-stats.repository.ts';

/**
 * Impressions (a listing shown in results) and detail views, counted in memory and written to listing_stats in
 * one batch every few seconds, so search never waits on them. Each instance adds its own counts.
 */
const MAX_PENDING = 200_000;

export function createListingStats(db: Db, logger: Logger) {
  let pending = new Map<string, DailyCounts>();
  const today = () => new Date().toISOString().slice(0, 10);
  const bump = (kind: StatsKind, id: number, field: 'impressions' | 'views', day: string) => {
    // While the database is away the counts wait here; past a bound they are dropped rather than fill memory.
    if (pending.size >= MAX_PENDING) return;
    const key = `${kind}:${id}:${day}`;
    const entry = pending.get(key) ?? { kind, id, day, impressions: 0, views: 0 };
    entry[field] += 1;
    pending.set(key, entry);
  };
  const flush = async () => {
    if (pending.size === 0) return;
    const batch = [...pending.values()];
    pending = new Map();
    try {
      await addDailyCounts(db, batch);
    } catch (err) {
      // Keep the counts for the next flush rather than lose them.
      for (const b of batch) {
        const key = `${b.kind}:${b.id}:${b.day}`;
        const later = pending.get(key);
        pending.set(
          key,
          later ? { ...b, impressions: b.impressions + later.impressions, views: b.views + later.views } : b,
        );
      }
      logger.warn('listing stats not written yet; will retry', { err, entries: batch.length });
    }
  };
  return {
    shown: (kind: StatsKind, ids: (string | number)[]) => {
      const day = today();
      for (const id of ids) bump(kind, Number(id), 'impressions', day);
    },
    viewed: (kind: StatsKind, id: string | number) => bump(kind, Number(id), 'views', today()),
    flush,
  };
}

export type ListingStats = ReturnType<typeof createListingStats>;

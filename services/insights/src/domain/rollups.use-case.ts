import type { Db } from '@tripwise/platform/db';
import { deleteEventsBefore } from '../data/events.repository.ts';
import { rebuildRollups } from '../data/rollups.repository.ts';

const DAY_MS = 86_400_000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Recomputes the rollups of yesterday and today (UTC) from the raw events: events arrive up to a beacon late, so
 * yesterday is redone too; older days are final and kept long after their raw events are deleted.
 */
export async function rollUpRecentDays(db: Db, now = Date.now(), days = 2): Promise<void> {
  await rebuildRollups(db, isoDay(now - (days - 1) * DAY_MS), isoDay(now + DAY_MS));
}

/** Deletes raw events older than the retention window; the rollups stay. */
export async function deleteExpiredEvents(db: Db, retentionDays: number, now = Date.now()): Promise<number> {
  return deleteEventsBefore(db, new Date(now - retentionDays * DAY_MS));
}

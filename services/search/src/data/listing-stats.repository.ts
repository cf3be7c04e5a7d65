import type { Queryable } from '@tripwise/platform/db';

export type StatsKind = 'flight' | 'hotel' | 'car';

export interface DailyCounts {
  kind: StatsKind;
  id: number;
  day: string;
  impressions: number;
  views: number;
}

/** Adds a batch of counts in one statement, whatever its size. */
export async function addDailyCounts(db: Queryable, batch: DailyCounts[]): Promise<void> {
  await db.query(
    `INSERT INTO listing_stats (kind, listing_id, day, impressions, views)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::date[], $4::bigint[], $5::bigint[])
     ON CONFLICT (kind, listing_id, day) DO UPDATE SET impressions = listing_stats.impressions + EXCLUDED.impressions,
                                                      views = listing_stats.views + EXCLUDED.views`,
    [
      batch.map((b) => b.kind),
      batch.map((b) => b.id),
      batch.map((b) => b.day),
      batch.map((b) => b.impressions),
      batch.map((b) => b.views),
    ],
  );
}

/** One listing's days between two dates (inclusive), oldest first: a primary-key range read. */
export async function dailyCounts(
  db: Queryable,
  kind: StatsKind,
  id: number,
  from: string,
  to: string,
): Promise<{ day: string; impressions: number; views: number }[]> {
  const { rows } = await db.query<{ day: string; impressions: number; views: number }>(
    `SELECT day, impressions, views FROM listing_stats
     WHERE kind = $1 AND listing_id = $2 AND day BETWEEN $3 AND $4 ORDER BY day`,
    [kind, id, from, to],
  );
  return rows;
}

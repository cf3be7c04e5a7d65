import type { Queryable } from '@tripwise/platform/db';

/** Price watches in force, every traveler's (the `ai_watches_active` gauge). */
export async function countActiveWatches(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM watches WHERE active');
  return rows[0]?.count ?? 0;
}

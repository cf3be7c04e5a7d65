import type { Queryable } from '@tripwise/platform/db';
import type { WatchState } from '../domain/market/watch.rules.ts';

export interface WatchRow {
  id: string;
  user_id: string;
  target: Record<string, unknown>;
  price_below: number | null;
  inventory_below: number | null;
  armed: boolean;
  state: WatchState;
  active: boolean;
  created_at: Date;
}

export async function insertWatch(
  tx: Queryable,
  watch: { id: string; userId: string; target: Record<string, unknown>; priceBelow: number | null; inventoryBelow: number | null; state: WatchState },
  keys: string[],
) {
  await tx.query(
    `INSERT INTO watches (id, user_id, target, price_below, inventory_below, state) VALUES ($1, $2, $3, $4, $5, $6)`,
    [watch.id, watch.userId, JSON.stringify(watch.target), watch.priceBelow, watch.inventoryBelow, JSON.stringify(watch.state)],
  );
  for (const key of keys) await tx.query('INSERT INTO watch_keys (key, watch_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [key, watch.id]);
}

export async function watchesOf(db: Queryable, userId: string): Promise<WatchRow[]> {
  const { rows } = await db.query<WatchRow>('SELECT * FROM watches WHERE user_id = $1 AND active ORDER BY created_at DESC', [userId]);
  return rows;
}

/** How many watches a traveler has on, counted under a per-user lock so two at once cannot pass the cap. */
export async function countActiveWatchesLocked(tx: Queryable, userId: string): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`watches:${userId}`]);
  const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM watches WHERE user_id = $1 AND active', [userId]);
  return rows[0]?.n ?? 0;
}

export async function removeWatch(db: Queryable, id: string, userId: string): Promise<boolean> {
  return (await db.query('UPDATE watches SET active = false WHERE id = $1 AND user_id = $2 AND active', [id, userId])).rowCount > 0;
}

/** New thresholds for one of the user's watches, armed again (it alerts on the next crossing); undefined if none. */
export async function changeWatch(
  db: Queryable,
  id: string,
  userId: string,
  change: { priceBelow: number | null; inventoryBelow: number | null },
): Promise<WatchRow | undefined> {
  const { rows } = await db.query<WatchRow>(
    `UPDATE watches SET price_below = $3, inventory_below = $4, armed = true
     WHERE id = $1 AND user_id = $2 AND active RETURNING *`,
    [id, userId, change.priceBelow, change.inventoryBelow],
  );
  return rows[0];
}

/** Active watches on any of these keys, locked: two events for one watch are judged one after the other. */
export async function watchesOnKeys(tx: Queryable, keys: string[]): Promise<(WatchRow & { key: string })[]> {
  const { rows } = await tx.query<WatchRow & { key: string }>(
    `SELECT w.*, k.key FROM watch_keys k JOIN watches w ON w.id = k.watch_id
     WHERE k.key = ANY($1::text[]) AND w.active ORDER BY w.id FOR UPDATE OF w`,
    [keys],
  );
  return rows;
}

export async function updateWatch(tx: Queryable, id: string, armed: boolean, state: WatchState) {
  await tx.query('UPDATE watches SET armed = $2, state = $3 WHERE id = $1', [id, armed, JSON.stringify(state)]);
}

export async function insertAlert(tx: Queryable, alert: { watchId: string; userId: string; payload: Record<string, unknown> }): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    'INSERT INTO watch_alerts (watch_id, user_id, payload) VALUES ($1, $2, $3) RETURNING id',
    [alert.watchId, alert.userId, JSON.stringify(alert.payload)],
  );
  return rows[0]!.id;
}

export async function pendingAlerts(db: Queryable, userId: string) {
  const { rows } = await db.query<{ id: number; payload: Record<string, unknown>; created_at: Date }>(
    'SELECT id, payload, created_at FROM watch_alerts WHERE user_id = $1 AND delivered_at IS NULL ORDER BY id',
    [userId],
  );
  return rows;
}

export async function markDelivered(db: Queryable, ids: number[]) {
  if (ids.length > 0) await db.query('UPDATE watch_alerts SET delivered_at = now() WHERE id = ANY($1::bigint[])', [ids]);
}

export async function alertsOf(db: Queryable, userId: string, limit: number) {
  const { rows } = await db.query<{ id: number; watch_id: string; payload: Record<string, unknown>; created_at: Date; delivered_at: Date | null }>(
    'SELECT id, watch_id, payload, created_at, delivered_at FROM watch_alerts WHERE user_id = $1 ORDER BY id DESC LIMIT $2',
    [userId, limit],
  );
  return rows;
}

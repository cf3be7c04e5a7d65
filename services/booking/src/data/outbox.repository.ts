import type { Queryable } from '@tripwise/platform/db';

/** Written in the transaction of the change it announces: committed together, or not at all. */
export async function addEvent(tx: Queryable, topic: string, payload: Record<string, unknown>): Promise<void> {
  await tx.query('INSERT INTO outbox (topic, payload) VALUES ($1, $2)', [topic, JSON.stringify(payload)]);
}

/** The oldest unpublished events, locked so that another instance's publisher skips them. */
export async function takeUnpublished(tx: Queryable, limit: number) {
  const { rows } = await tx.query<{ id: number; topic: string; payload: Record<string, unknown>; created_at: Date }>(
    `SELECT id, topic, payload, created_at FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
  return rows;
}

export async function markPublished(tx: Queryable, ids: number[]): Promise<void> {
  await tx.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [ids]);
}

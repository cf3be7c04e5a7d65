import type { Queryable } from '@tripwise/platform/db';
import type { StoredProblem } from '../domain/booking-problems.ts';

export interface StoredRefusal {
  request_fingerprint: string;
  problem: StoredProblem;
}

/** Keeps a key's first definite refusal; a concurrent one with the same key keeps the one already there. */
export async function storeRefusal(
  db: Queryable,
  refusal: { userId: string; key: string; fingerprint: string; problem: StoredProblem },
): Promise<void> {
  await db.query(
    `INSERT INTO idempotency_refusals (user_id, idempotency_key, request_fingerprint, problem)
     VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (user_id, idempotency_key) DO NOTHING`,
    [refusal.userId, refusal.key, refusal.fingerprint, JSON.stringify(refusal.problem)],
  );
}

export async function findRefusal(db: Queryable, userId: string, key: string): Promise<StoredRefusal | undefined> {
  const { rows } = await db.query<StoredRefusal>(
    'SELECT request_fingerprint, problem FROM idempotency_refusals WHERE user_id = $1 AND idempotency_key = $2',
    [userId, key],
  );
  return rows[0];
}

/**
 * Frees a key whose booking failed for a reason worth retrying (and was undone): the failed booking keeps its row
 * under a key of its own, so that the traveler's retry with the same key is a new attempt. False when another
 * request freed it first.
 */
export async function freeKey(db: Queryable, bookingId: string, key: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE bookings SET idempotency_key = idempotency_key || ' (retried, ' || id::text || ')'
     WHERE id = $1 AND idempotency_key = $2 AND status = 'failed'`,
    [bookingId, key],
  );
  return (rowCount ?? 0) > 0;
}

import type { Queryable } from '@tripwise/platform/db';
import type { MailMessage } from '../mail/mail-transport.ts';

export interface QueuedMail extends MailMessage {
  id: number;
  attempts: number;
}

/** Queues a message in the caller's transaction, so mail goes out only if the change it announces commits. */
export async function enqueueMail(db: Queryable, message: MailMessage): Promise<void> {
  await db.query('INSERT INTO mail_outbox (recipient, subject, body_text) VALUES ($1, $2, $3)', [
    message.to,
    message.subject,
    message.text,
  ]);
}

/**
 * Leases due messages for `leaseMs` in one statement: SKIP LOCKED lets several instances drain the queue without
 * taking the same message, and the lease (not a long transaction) keeps it theirs while they send. A sender that
 * dies mid-send leaves the lease to run out, and the message is tried again.
 */
export async function leaseDueMail(db: Queryable, limit: number, leaseMs: number): Promise<QueuedMail[]> {
  const { rows } = await db.query<{ id: number; recipient: string; subject: string; body_text: string; attempts: number }>(
    `UPDATE mail_outbox SET next_attempt_at = now() + ($2 || ' milliseconds')::interval
     WHERE id IN (
       SELECT id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= now()
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id, recipient, subject, body_text, attempts`,
    [limit, String(leaseMs)],
  );
  return rows.map((r) => ({ id: r.id, to: r.recipient, subject: r.subject, text: r.body_text, attempts: r.attempts }));
}

/** Once sent, the body (which may hold a one-time link) is dropped. */
export async function markMailSent(db: Queryable, id: number): Promise<void> {
  await db.query(`UPDATE mail_outbox SET sent_at = now(), body_text = '', attempts = attempts + 1 WHERE id = $1`, [id]);
}

export async function markMailFailed(db: Queryable, id: number, error: string, retryInMs: number): Promise<void> {
  await db.query(
    `UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2,
       next_attempt_at = now() + ($3 || ' milliseconds')::interval WHERE id = $1`,
    [id, error.slice(0, 500), String(retryInMs)],
  );
}

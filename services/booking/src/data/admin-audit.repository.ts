import type { Queryable } from '@tripwise/platform/db';

export interface AdminAuditEntry {
  actorId: string;
  action: string;
  bookingId?: string | undefined;
  userId?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

/** Written in the transaction of the action it records. */
export async function insertAdminAudit(tx: Queryable, e: AdminAuditEntry): Promise<void> {
  await tx.query(
    'INSERT INTO admin_audit (actor_id, action, booking_id, user_id, details) VALUES ($1, $2, $3, $4, $5)',
    [e.actorId, e.action, e.bookingId ?? null, e.userId ?? null, JSON.stringify(e.details ?? {})],
  );
}

export interface AdminAuditRow {
  id: number;
  at: Date;
  actor_id: string;
  action: string;
  booking_id: string | null;
  user_id: string | null;
  details: Record<string, unknown>;
}

/** Newest first; `beforeId`: the last id of the previous page. */
export async function adminAuditPage(
  db: Queryable,
  filter: { actorId?: string | undefined; from?: string | undefined; to?: string | undefined },
  page: { limit: number; beforeId?: number | undefined },
): Promise<AdminAuditRow[]> {
  const { rows } = await db.query<AdminAuditRow>(
    `SELECT * FROM admin_audit
     WHERE ($1::uuid IS NULL OR actor_id = $1) AND ($2::date IS NULL OR at >= $2::date)
       AND ($3::date IS NULL OR at < $3::date + 1) AND ($4::bigint IS NULL OR id < $4)
     ORDER BY id DESC LIMIT $5`,
    [filter.actorId ?? null, filter.from ?? null, filter.to ?? null, page.beforeId ?? null, page.limit + 1],
  );
  return rows;
}

import type { Queryable } from '@tripwise/platform/db';

export interface AuditEvent {
  event: string;
  userId?: string | null | undefined;
  actorId?: string | null | undefined;
  sessionId?: string | null | undefined;
  ip?: string | null | undefined;
  userAgent?: string | null | undefined;
  requestId?: string | null | undefined;
  details?: Record<string, unknown>;
}

export interface StoredAuditEvent extends Required<Omit<AuditEvent, 'details'>> {
  id: number;
  occurredAt: Date;
  details: Record<string, unknown>;
}

export async function insertAuditEvent(db: Queryable, e: AuditEvent): Promise<void> {
  await db.query(
    `INSERT INTO audit_events (event, user_id, actor_id, session_id, ip, user_agent, request_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.event,
      e.userId ?? null,
      e.actorId ?? null,
      e.sessionId ?? null,
      e.ip ?? null,
      e.userAgent?.slice(0, 400) ?? null,
      e.requestId ?? null,
      JSON.stringify(e.details ?? {}),
    ],
  );
}

export async function listAuditEvents(
  db: Queryable,
  query: {
    userId?: string | undefined;
    actorId?: string | undefined;
    event?: string | undefined;
    /** Calendar days (UTC), both included. */
    from?: string | undefined;
    to?: string | undefined;
    beforeId?: number | undefined;
    limit: number;
  },
): Promise<StoredAuditEvent[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  if (query.userId) {
    values.push(query.userId);
    where.push(`user_id = $${values.length}`);
  }
  if (query.actorId) {
    values.push(query.actorId);
    where.push(`actor_id = $${values.length}`);
  }
  if (query.event) {
    values.push(query.event);
    where.push(`event = $${values.length}`);
  }
  if (query.from) {
    values.push(query.from);
    where.push(`occurred_at >= $${values.length}::date`);
  }
  if (query.to) {
    values.push(query.to);
    where.push(`occurred_at < $${values.length}::date + 1`);
  }
  if (query.beforeId) {
    values.push(query.beforeId);
    where.push(`id < $${values.length}`);
  }
  values.push(query.limit);
  const { rows } = await db.query<{
    id: number;
    occurred_at: Date;
    event: string;
    user_id: string | null;
    actor_id: string | null;
    session_id: string | null;
    ip: string | null;
    user_agent: string | null;
    request_id: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${values.length}`,
    values,
  );
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at,
    event: r.event,
    userId: r.user_id,
    actorId: r.actor_id,
    sessionId: r.session_id,
    ip: r.ip,
    userAgent: r.user_agent,
    requestId: r.request_id,
    details: r.details,
  }));
}

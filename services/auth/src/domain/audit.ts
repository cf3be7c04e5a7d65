import type { Queryable } from '@tripwise/platform/db';
import { insertAuditEvent, type AuditEvent } from '../data/audit.repository.ts';
import { countAuditEvent } from '../auth.metrics.ts';
import type { RequestMeta } from './request-meta.ts';

/** Writes an audit event with where the request came from; inside the caller's transaction when given one. */
export async function recordAudit(db: Queryable, meta: RequestMeta | null, event: AuditEvent): Promise<void> {
  await insertAuditEvent(db, {
    ip: meta?.ip,
    userAgent: meta?.userAgent,
    requestId: meta?.requestId,
    ...event,
  });
  countAuditEvent(event);
}

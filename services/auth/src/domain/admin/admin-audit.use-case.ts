import type { Queryable } from '@tripwise/platform/db';
import type { StoredAuditEvent } from '../../data/audit.repository.ts';
import { findUserBriefs } from '../../data/user-brief.repository.ts';

/** Audit events with who they were about and who acted, by email (a deleted user keeps only their id). */
export async function auditWithPeople(db: Queryable, events: StoredAuditEvent[]) {
  const ids = [...new Set(events.flatMap((e) => [e.userId, e.actorId]).filter((id): id is string => Boolean(id)))];
  const people = new Map((ids.length ? await findUserBriefs(db, { ids }) : []).map((u) => [u.id, u]));
  const person = (id: string | null) => (id ? { id, email: people.get(id)?.email ?? null } : null);
  return events.map((e) => ({ ...e, user: person(e.userId), actor: person(e.actorId) }));
}

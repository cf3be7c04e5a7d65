import type { Queryable } from '@tripwise/platform/db';
import { decodeCursor, encodeCursor } from '@tripwise/platform/http';
import { z } from 'zod';
import { adminAuditPage } from '../data/admin-audit.repository.ts';

const cursorSchema = z.object({ id: z.number().int().positive() });

/** What admins did to bookings, newest first, in the audit log's shape (people by id: auth knows their emails). */
export async function adminBookingAudit(
  db: Queryable,
  filter: { actorId?: string | undefined; from?: string | undefined; to?: string | undefined },
  page: { limit: number; cursor?: string | undefined },
) {
  const beforeId = decodeCursor(cursorSchema, page.cursor)?.id;
  const rows = await adminAuditPage(db, filter, { limit: page.limit, beforeId });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({
      id: String(r.id),
      at: r.at,
      event: r.action,
      actor: { id: r.actor_id },
      user: r.user_id ? { id: r.user_id } : null,
      bookingId: r.booking_id,
      details: r.details,
    })),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ id: Number(last.id) }) : null,
  };
}

import type { Db } from '@tripwise/platform/db';
import { insertListingEvent } from '../../data/listing-events.repository.ts';
import { setReview, updateListing } from '../../data/listings.repository.ts';
import { deletePendingChange } from '../../data/listing-changes.repository.ts';
import type { ListingChanged } from './manage-listings.use-case.ts';

const NOTE = 'owner account deleted';

/**
 * An owner's account was deleted: nobody can manage their listings any more, so live and paused ones are suspended
 * and those waiting for review rejected, each with a note and in its history; admins may reinstate them (and give
 * them to another owner). Deleted listings stay as they are, kept for their bookings. Repeating it changes nothing.
 */
export async function suspendListingsOfDeletedOwner(db: Db, ownerId: string, changed: ListingChanged) {
  const touched = await db.transaction(async (tx) => {
    const rows: { kind: 'hotels' | 'cars'; id: number; status: string }[] = [];
    for (const kind of ['hotels', 'cars'] as const) {
      const found = await tx.query<{ id: number; status: string }>(
        `SELECT id, status::text AS status FROM ${kind}
         WHERE owner_id = $1 AND status IN ('active', 'paused', 'pending') FOR UPDATE`,
        [ownerId],
      );
      rows.push(...found.rows.map((r) => ({ kind, id: Number(r.id), status: r.status })));
    }
    for (const row of rows) {
      const rejected = row.status === 'pending';
      await updateListing(tx, row.kind, row.id, {}, rejected ? 'rejected' : 'suspended');
      await deletePendingChange(tx, row.kind, row.id);
      await setReview(tx, row.kind, row.id, {
        status: rejected ? 'rejected' : 'suspended',
        note: NOTE,
        decidedAt: new Date().toISOString(),
        decidedBy: { id: 'system' },
      });
      await insertListingEvent(tx, {
        kind: row.kind,
        listingId: row.id,
        actorId: null,
        actorRole: 'system',
        action: rejected ? 'rejected' : 'suspended',
        note: NOTE,
      });
    }
    return rows;
  });
  for (const row of touched) await changed(row.kind, row.id);
  return {
    suspended: touched.filter((r) => r.status !== 'pending').length,
    rejected: touched.filter((r) => r.status === 'pending').length,
  };
}

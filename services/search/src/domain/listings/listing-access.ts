import { assertSecondFactorIfAdmin } from '@tripwise/platform/http';
import type { Identity } from '@tripwise/platform/auth';
import type { Queryable } from '@tripwise/platform/db';
import { notFound } from '@tripwise/platform/errors';
import { findPendingChange } from '../../data/listing-changes.repository.ts';
import { insertListingEvent, type ListingEvent } from '../../data/listing-events.repository.ts';
import { findOwnership, listListings, roomsOf, type ListingKind } from '../../data/listings.repository.ts';
import { applyProposal } from './listing-changes.rules.ts';
import { photosOf } from '../../data/listing-photos.repository.ts';
import { ownerPhoto } from '../photos/photo-views.ts';
import { listingView } from './listing-views.ts';

/** An admin's powers over listings need the second factor: without it, the admin is refused, never let through. */
export const isAdmin = (who: Identity) => {
  assertSecondFactorIfAdmin(who);
  return who.role === 'admin';
};

/** The listing if the caller may manage it: its owner, or an admin. Anyone else is told it does not exist. */
export async function ownedOrFail(
  db: Queryable,
  kind: ListingKind,
  id: string,
  who: Identity,
  options: { forUpdate?: boolean } = {},
) {
  const listing = await findOwnership(db, kind, id, options);
  if (!listing || (!isAdmin(who) && listing.owner_id !== who.userId)) throw notFound('The listing');
  return listing;
}

/** The live listing as its owner or an admin sees it. */
export async function liveView(db: Queryable, kind: ListingKind, id: number) {
  const [row] = await listListings(db, kind, { limit: 1, beforeId: id + 1 });
  return listingView(kind, row!, kind === 'hotels' ? await roomsOf(db, id) : []);
}

/**
 * The live listing and the change of it waiting for review, if any (side by side). Photos: with a change waiting,
 * the live side has the approved ones and the proposed side all of them; otherwise all (a new listing's are
 * reviewed with it).
 */
export async function viewOf(db: Queryable, kind: ListingKind, id: number) {
  const live = await liveView(db, kind, id);
  const change = kind === 'flights' ? undefined : await findPendingChange(db, kind, id);
  const photos = kind === 'flights' ? [] : (await photosOf(db, kind, id)).map(ownerPhoto);
  const approved = photos.filter((p) => p.approved);
  return {
    ...live,
    ...(kind === 'flights' ? {} : { photos: change ? approved : photos }),
    pendingChange: change
      ? {
          submittedAt: change.submitted_at,
          proposed: { ...applyProposal(live, change.patch), photos },
          changedFields: change.changed_fields,
        }
      : null,
  };
}

/** Records who did what to a listing, in the caller's transaction. */
export function recordEvent(
  tx: Queryable,
  who: Identity,
  kind: ListingKind,
  listingId: number,
  event: Pick<ListingEvent, 'action' | 'note' | 'changedFields'>,
) {
  return insertListingEvent(tx, { kind, listingId, actorId: who.userId, actorRole: who.role, ...event });
}

import type { Identity } from '@tripwise/platform/auth';
import type { Queryable } from '@tripwise/platform/db';
import { deletePendingChange, findPendingChange, savePendingChange } from '../../data/listing-changes.repository.ts';
import {
  applyRoomChanges,
  setRoomPricesAndUnits,
  updateListing,
  type ListingOwnership,
  type ListingStatus,
} from '../../data/listings.repository.ts';
import { syncPhotoChange } from '../photos/photo-review.ts';
import { liveView, recordEvent } from './listing-access.ts';
import {
  changedFieldsOf,
  mergeProposals,
  splitOwnerEdit,
  type ChangeKind,
  type Proposal,
  type RoomInput,
} from './listing-changes.rules.ts';

/** Listings an admin has approved: what travelers read of them changes only through review. */
export const wasApproved = (status: ListingStatus) =>
  status === 'active' || status === 'paused' || status === 'suspended';

/**
 * An owner's edit of an approved listing: prices and unit counts are set at once; what travelers would read is kept
 * as the listing's pending change (folded into one already waiting) for an admin to approve.
 */
export async function submitOwnerChange(
  tx: Queryable,
  who: Identity,
  kind: ChangeKind,
  listing: ListingOwnership,
  patch: Record<string, unknown> & { rooms?: RoomInput[] | undefined },
): Promise<void> {
  const live = await liveView(tx, kind, listing.id);
  const { immediate, proposal } = splitOwnerEdit(kind, live, patch);
  if (kind === 'cars') await updateListing(tx, 'cars', listing.id, immediate);
  else if (immediate.rooms) await setRoomPricesAndUnits(tx, listing.id, immediate.rooms);
  const immediateFields = Object.keys(immediate);
  if (immediateFields.length > 0) {
    await recordEvent(tx, who, kind, listing.id, { action: 'edited', changedFields: immediateFields });
  }

  const previous = await findPendingChange(tx, kind, listing.id);
  const merged = mergeProposals(live, previous?.patch ?? {}, proposal, patch.rooms !== undefined);
  if (Object.keys(merged).length === 0) {
    if (previous) {
      await deletePendingChange(tx, kind, listing.id);
      await recordEvent(tx, who, kind, listing.id, { action: 'change-withdrawn' });
    }
    // Photos still waiting keep a change in the queue.
    await syncPhotoChange(tx, kind, listing);
    return;
  }
  const changedFields = changedFieldsOf(live, merged);
  await savePendingChange(tx, {
    kind,
    listing_id: listing.id,
    owner_id: listing.owner_id,
    patch: merged,
    changed_fields: changedFields,
  });
  await recordEvent(tx, who, kind, listing.id, { action: 'change-submitted', changedFields });
  await syncPhotoChange(tx, kind, listing);
}

/** An approved change goes live: its fields, and its room types renamed, resized or added. */
export async function applyPendingChange(tx: Queryable, kind: ChangeKind, listingId: number, proposal: Proposal) {
  const { rooms, ...fields } = proposal;
  await updateListing(tx, kind, listingId, fields);
  if (kind === 'hotels' && rooms) await applyRoomChanges(tx, listingId, rooms);
  await deletePendingChange(tx, kind, listingId);
}

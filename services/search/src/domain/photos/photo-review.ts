import type { Queryable } from '@tripwise/platform/db';
import { deletePendingChange, findPendingChange, savePendingChange } from '../../data/listing-changes.repository.ts';
import { countUnapproved } from '../../data/listing-photos.repository.ts';
import type { ListingOwnership } from '../../data/listings.repository.ts';

/** Listings travelers have seen approved: new photos of these wait for review as part of the listing's change. */
const APPROVED = new Set(['active', 'paused', 'suspended']);

/**
 * Keeps the listing's pending change in step with its photos waiting for review: `photos` is among its changed
 * fields while any waits, and a change that was only photos goes away with the last of them. A listing that was
 * never approved is reviewed whole, its photos with it.
 */
export async function syncPhotoChange(tx: Queryable, kind: 'hotels' | 'cars', listing: ListingOwnership) {
  if (!APPROVED.has(listing.status)) return;
  const waiting = await countUnapproved(tx, kind, listing.id);
  const change = await findPendingChange(tx, kind, listing.id);
  const others = (change?.changed_fields ?? []).filter((f) => f !== 'photos');
  if (waiting > 0) {
    if (change?.changed_fields.includes('photos')) return;
    await savePendingChange(tx, {
      kind,
      listing_id: listing.id,
      owner_id: listing.owner_id,
      patch: change?.patch ?? {},
      changed_fields: [...others, 'photos'],
    });
  } else if (change?.changed_fields.includes('photos')) {
    if (others.length === 0 && Object.keys(change.patch).length === 0) {
      await deletePendingChange(tx, kind, listing.id);
    } else {
      await savePendingChange(tx, { ...change, changed_fields: others });
    }
  }
}

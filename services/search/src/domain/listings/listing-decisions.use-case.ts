import type { ListingDecision } from '@tripwise/contracts';
import type { Identity } from '@tripwise/platform/auth';
import type { Db, Queryable } from '@tripwise/platform/db';
import { conflict, toProblem, type Problem } from '@tripwise/platform/errors';
import type { Logger } from '@tripwise/platform/logger';
import { deletePendingChange, findPendingChange } from '../../data/listing-changes.repository.ts';
import {
  setReview,
  updateListing,
  type ListingKind,
  type ListingOwnership,
  type ListingReview,
  type ListingStatus,
} from '../../data/listings.repository.ts';
import { approvePhotos, deleteUnapproved } from '../../data/listing-photos.repository.ts';
import { ownedOrFail, recordEvent, viewOf } from './listing-access.ts';
import type { ListingChanged } from './manage-listings.use-case.ts';
import { applyPendingChange } from './owner-changes.use-case.ts';

const invalid = (action: string, status: ListingStatus) =>
  conflict('invalid-transition', `A listing that is ${status} cannot be given "${action}".`);

/**
 * What a decision does to a listing: approve or reject a new one (or the change waiting on a live one), suspend a
 * live or paused one (hidden from search at once), reinstate a suspended one.
 */
async function apply(
  tx: Queryable,
  kind: ListingKind,
  listing: ListingOwnership,
  action: ListingDecision['action'],
): Promise<{ status?: ListingStatus; review: ListingReview['status']; changedFields?: string[]; dropped?: string[] }> {
  if (action === 'suspend' || action === 'reinstate') {
    const from: ListingStatus[] = action === 'suspend' ? ['active', 'paused'] : ['suspended'];
    if (!from.includes(listing.status)) throw invalid(action, listing.status);
    return action === 'suspend'
      ? { status: 'suspended', review: 'suspended' }
      : { status: 'active', review: 'reinstated' };
  }
  if (listing.status === 'pending') {
    // A new listing's photos are reviewed with it (a rejected one keeps them, for the owner to fix and resubmit).
    if (action === 'approve' && kind !== 'flights') await approvePhotos(tx, kind, listing.id);
    return action === 'approve' ? { status: 'active', review: 'approved' } : { status: 'rejected', review: 'rejected' };
  }
  const change = kind === 'flights' ? undefined : await findPendingChange(tx, kind, listing.id);
  if (!change) throw invalid(action, listing.status);
  let dropped: string[] = [];
  if (action === 'approve') {
    await applyPendingChange(tx, change.kind, listing.id, change.patch);
    await approvePhotos(tx, change.kind, listing.id);
  } else {
    await deletePendingChange(tx, change.kind, listing.id);
    dropped = await deleteUnapproved(tx, change.kind, listing.id);
  }
  return {
    review: action === 'approve' ? 'change-approved' : 'change-rejected',
    changedFields: change.changed_fields,
    dropped,
  };
}

/** An admin's decision on one listing, in one transaction, recorded in its history with the note to the owner. */
export async function decideListing(
  db: Db,
  who: Identity,
  kind: ListingKind,
  id: string,
  decision: ListingDecision,
  changed: ListingChanged,
  dropPhotoFiles: DropPhotoFiles = async () => {},
) {
  let dropped: string[] = [];
  const listingId = await db.transaction(async (tx) => {
    const listing = await ownedOrFail(tx, kind, id, who, { forUpdate: true });
    const outcome = await apply(tx, kind, listing, decision.action);
    dropped = outcome.dropped ?? [];
    if (outcome.status) await updateListing(tx, kind, listing.id, {}, outcome.status);
    const note = decision.note ?? null;
    await setReview(tx, kind, listing.id, {
      status: outcome.review,
      note,
      decidedAt: new Date().toISOString(),
      decidedBy: { id: who.userId },
    });
    await recordEvent(tx, who, kind, listing.id, {
      action: outcome.review,
      note,
      changedFields: outcome.changedFields,
    });
    return listing.id;
  });
  // The files of photos a rejected change proposed, once the rows are gone for good.
  if (dropped.length > 0) await dropPhotoFiles(dropped);
  await changed(kind, listingId);
  return viewOf(db, kind, listingId);
}

/** Removes stored photo files (of photos whose rows are gone). */
export type DropPhotoFiles = (fileKeys: string[]) => Promise<void>;

export type DecisionResult =
  | { kind: ListingKind; id: string; ok: true; listing: unknown }
  | { kind: ListingKind; id: string; ok: false; problem: Problem };

/** Many decisions, each in its own transaction: the answer says exactly which were applied. */
export async function decideMany(
  db: Db,
  who: Identity,
  decisions: (ListingDecision & { kind: ListingKind; id: string })[],
  changed: ListingChanged,
  logger: Logger,
  dropPhotoFiles?: DropPhotoFiles,
): Promise<{ results: DecisionResult[] }> {
  const results: DecisionResult[] = [];
  for (const { kind, id, ...decision } of decisions) {
    try {
      results.push({
        kind,
        id,
        ok: true,
        listing: await decideListing(db, who, kind, id, decision, changed, dropPhotoFiles),
      });
    } catch (err) {
      const { problem, known } = toProblem(err);
      if (!known) logger.error('a listing decision failed', { err, kind, id });
      results.push({ kind, id, ok: false, problem });
    }
  }
  return { results };
}

/** An owner pauses a live listing (out of search at once) and resumes it without review; admins may too. */
export async function setPaused(
  db: Db,
  who: Identity,
  kind: ListingKind,
  id: string,
  paused: boolean,
  changed: ListingChanged,
) {
  const listingId = await db.transaction(async (tx) => {
    const listing = await ownedOrFail(tx, kind, id, who, { forUpdate: true });
    if (listing.status !== (paused ? 'active' : 'paused')) {
      throw conflict(
        'not-pausable',
        paused
          ? `Only a live listing can be paused; this one is ${listing.status}.`
          : 'Only a paused listing can be resumed.',
      );
    }
    await updateListing(tx, kind, listing.id, {}, paused ? 'paused' : 'active');
    await recordEvent(tx, who, kind, listing.id, { action: paused ? 'paused' : 'resumed' });
    return listing.id;
  });
  await changed(kind, listingId);
  return viewOf(db, kind, listingId);
}

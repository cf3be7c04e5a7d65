import { z } from 'zod';
import type { Identity } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { AppError, conflict, notFound } from '@tripwise/platform/errors';
import { decodeCursor, encodeCursor } from '@tripwise/platform/http';
import type { PastBookingCheck } from '../../clients/booking.client.ts';
import { findOwnership } from '../../data/listings.repository.ts';
import {
  insertReview,
  isListed,
  listReviews,
  ratingOf,
  rollUpRating,
  writtenRatings,
  type ReviewKind,
  type ReviewRow,
} from '../../data/reviews.repository.ts';
import { ratingSpread } from './rating-spread.rules.ts';

const cursorSchema = z.object({ createdAt: z.string().max(40), id: z.number().int() });

const reviewView = (r: ReviewRow) => ({
  id: String(r.id),
  rating: r.rating,
  title: r.title,
  text: r.body,
  author: r.author_name,
  createdAt: r.created_at.toISOString(),
});

const LISTING_KIND = { hotel: 'hotels', car: 'cars', flight: 'flights' } as const;

/** Owners may stay at their own hotel, but never review it: a rating is what others say. */
async function assertNotOwnListing(db: Db, who: Identity, target: { kind: ReviewKind; id: string }): Promise<void> {
  const listing = await findOwnership(db, LISTING_KIND[target.kind], target.id);
  if (listing?.owner_id && listing.owner_id === who.userId) {
    throw new AppError('own-listing', 403, 'Forbidden', { detail: `Owners cannot review their own ${target.kind}.` });
  }
}

/**
 * A traveler's one review of a listing they have been to (the booking service says so), rolled up into the
 * listing's rating in the same transaction. A second review is a 409; no past booking, a 403.
 */
export async function postReview(
  db: Db,
  pastBooking: PastBookingCheck,
  who: Identity,
  target: { kind: ReviewKind; id: string },
  review: { rating: number; title?: string | undefined; text: string },
  changed: () => Promise<void>,
) {
  if (!(await isListed(db, target.kind, target.id))) throw notFound(`The ${target.kind}`);
  await assertNotOwnListing(db, who, target);
  const stay = await pastBooking(who.userId, target.kind, target.id);
  if (!stay.eligible || !stay.bookingId) {
    throw new AppError('no-past-booking', 403, 'Forbidden', {
      detail: `Only travelers whose booking of this ${target.kind} has ended may review it.`,
    });
  }
  const rollup = await db.transaction(async (tx) => {
    const added = await insertReview(tx, {
      kind: target.kind,
      listingId: target.id,
      userId: who.userId,
      bookingId: stay.bookingId!,
      rating: review.rating,
      title: review.title ?? null,
      body: review.text,
      authorName: stay.travelerName ?? 'A traveler',
    });
    if (!added) throw conflict('already-reviewed', `You have already reviewed this ${target.kind}.`);
    return rollUpRating(tx, target.kind, target.id, review.rating);
  });
  await changed();
  return { rating: rollup!.rating_tenths / 10, reviewCount: rollup!.review_count };
}

export async function reviewsOf(
  db: Db,
  target: { kind: ReviewKind; id: string },
  page: { limit: number; cursor?: string | undefined },
) {
  const summary = await ratingOf(db, target.kind, target.id);
  if (!summary) throw notFound(`The ${target.kind}`);
  const rows = await listReviews(db, target.kind, target.id, {
    limit: page.limit + 1,
    before: decodeCursor(cursorSchema, page.cursor),
  });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const written = await writtenRatings(db, target.kind, target.id);
  return {
    rating: summary.rating_tenths === null ? null : summary.rating_tenths / 10,
    reviewCount: summary.review_count,
    writtenCount: written.reduce((sum, w) => sum + w.count, 0),
    /** Every rating by its value, 10 first; see ratingSpread for the ones without a written review. */
    ratings: ratingSpread({ ratingTenths: summary.rating_tenths, reviewCount: summary.review_count, written }),
    items: items.map(reviewView),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ createdAt: last.cursor_at, id: last.id }) : null,
  };
}

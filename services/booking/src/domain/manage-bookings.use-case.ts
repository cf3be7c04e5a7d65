import { z } from 'zod';
import type { Identity } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { AppError, conflict, forbidden, notFound } from '@tripwise/platform/errors';
import { assertSecondFactorIfAdmin, decodeCursor, encodeCursor } from '@tripwise/platform/http';
import { SearchUnavailable } from '../clients/search.client.ts';
import {
  findBooking,
  listBookings,
  moveStep,
  type Booking,
  type BookingScope,
  type BookingStatus,
} from '../data/bookings.repository.ts';
import { billingOfBooking } from '../data/money.repository.ts';
import { insertAdminAudit } from '../data/admin-audit.repository.ts';
import { PaymentUnavailable } from '../payments/card-processor.ts';
import { driveBooking, type SagaDeps } from './booking-saga.ts';
import { bookingView, type Audience } from './booking-view.ts';
import { isLive, itemRefund } from './item-refund.rules.ts';

const cursorSchema = z.object({ createdAt: z.string().max(40), id: z.uuid() });
const isOwnerOf = (booking: Booking, who: Identity) => booking.items.some((i) => i.owner_id === who.userId);

/**
 * How this caller may see this booking: its traveler, an admin (signed in with the second factor), or the owner of
 * one of its listings.
 */
function audienceFor(booking: Booking, who: Identity): Audience | undefined {
  if (booking.user_id === who.userId) return { as: 'traveler' };
  if (who.role === 'admin') {
    assertSecondFactorIfAdmin(who);
    return { as: 'admin' };
  }
  if (who.role === 'owner' && isOwnerOf(booking, who)) return { as: 'owner', ownerId: who.userId };
  return undefined;
}

export async function getBooking(db: Db, who: Identity, id: string) {
  const booking = await findBooking(db, id);
  const audience = booking && audienceFor(booking, who);
  if (!booking || !audience) throw notFound('The booking');
  return bookingView(booking, audience, audience.as === 'owner' ? [] : await billingOfBooking(db, id));
}

export interface ListQuery {
  when: 'upcoming' | 'current' | 'past' | 'all';
  status?: BookingStatus | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** A page of bookings: the caller's own trips, or (`forListings`) those of an owner's listings, all for an admin. */
export async function listBookingsFor(db: Db, who: Identity, query: ListQuery, forListings = false, now = new Date()) {
  if (forListings && who.role === 'traveler') throw forbidden('Only owners and admins see bookings of listings.');
  if (forListings) assertSecondFactorIfAdmin(who);
  const scope: BookingScope = !forListings
    ? { userId: who.userId }
    : who.role === 'admin'
      ? { everyone: true }
      : { ownerId: who.userId };
  const before = decodeCursor(cursorSchema, query.cursor);
  const rows = await listBookings(db, scope, {
    when: query.when,
    status: query.status,
    today: now.toISOString().slice(0, 10),
    limit: query.limit + 1,
    before,
  });
  const page = rows.slice(0, query.limit);
  const audience: Audience = !forListings
    ? { as: 'traveler' }
    : who.role === 'admin'
      ? { as: 'admin' }
      : { as: 'owner', ownerId: who.userId };
  const last = page.at(-1);
  return {
    items: page.map((b) => bookingView(b, audience)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.cursor_at, id: last.id }) : null,
  };
}

/**
 * Cancels a confirmed booking per each item's policy (full, partial or no refund): the refund is worked out and
 * saved first, then the inventory is released and the money returned, each step idempotent, so a crash is finished
 * by recovery. Its traveler or an admin may cancel; cancelling twice answers the cancellation again.
 */
export async function cancelBooking(deps: SagaDeps, who: Identity, id: string, now = new Date()) {
  const booking = await findBooking(deps.db, id);
  const audience = booking && audienceFor(booking, who);
  if (!booking || !audience) throw notFound('The booking');
  if (audience.as === 'owner') throw forbidden("Owners cannot cancel a traveler's booking.");
  if (booking.status !== 'cancelled' && booking.step !== 'cancelling') {
    if (booking.status !== 'confirmed') {
      throw conflict('not-cancellable', `A ${booking.status} booking cannot be cancelled.`);
    }
    if (booking.step === 'cancelling-item') {
      throw conflict('cancellation-under-way', 'Another change to this trip is being finished: try again in a moment.');
    }
    // Items cancelled on their own were refunded then; the rest is refunded now.
    const live = booking.items.filter(isLive);
    const refunds = live.map((item) => ({ position: item.position, ...itemRefund(booking, item, now) }));
    if (refunds.every((r) => r.rule === 'started')) {
      throw new AppError('already-started', 409, 'Conflict', {
        detail: 'Every part of this trip has started: it can no longer be cancelled.',
      });
    }
    const refund = refunds.reduce((total, r) => total + r.amount, 0);
    await deps.db.transaction(async (tx) => {
      const moved = await moveStep(
        tx,
        id,
        { from: ['done'], to: 'cancelling', leaseSeconds: deps.leaseSeconds },
        {
          refund_minor: refund,
          outcome: { items: refunds.map((r) => ({ position: r.position, refund: r.amount, rule: r.rule })) },
        },
      );
      // An admin cancelling someone else's booking is on the record, with the refund it gave.
      if (moved && audience.as === 'admin') {
        await insertAdminAudit(tx, {
          actorId: who.userId,
          action: 'booking.cancelled',
          bookingId: id,
          userId: booking.user_id,
          details: { refund, currency: booking.currency },
        });
      }
    });
    deps.checkpoint('cancelling');
  }
  let status: 200 | 202 = 200;
  try {
    await driveBooking(deps, id);
  } catch (err) {
    if (!(err instanceof SearchUnavailable || err instanceof PaymentUnavailable)) throw err;
    deps.logger.warn('cancellation left for recovery to finish', { bookingId: id, err });
    status = 202;
  }
  return { status, booking: await getBooking(deps.db, who, id) };
}

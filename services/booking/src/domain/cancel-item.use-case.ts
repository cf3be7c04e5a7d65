import type { Identity } from '@tripwise/platform/auth';
import { AppError, conflict, notFound } from '@tripwise/platform/errors';
import { SearchUnavailable } from '../clients/search.client.ts';
import { findBooking, moveStep, startItemCancellation } from '../data/bookings.repository.ts';
import { PaymentUnavailable } from '../payments/card-processor.ts';
import { driveBooking, type SagaDeps } from './booking-saga.ts';
import { isLive, itemRefund } from './item-refund.rules.ts';
import { cancelBooking, getBooking } from './manage-bookings.use-case.ts';

/**
 * Cancels one item of a confirmed trip by its own policy, the rest staying booked: its refund is worked out and
 * saved with the booking moved to `cancelling-item`, then its inventory is released and its money returned, each
 * step idempotent, so a crash is finished by recovery. Cancelling the last item left cancels the whole trip.
 * Its traveler or an admin may cancel; cancelling an item twice answers the booking as it is.
 */
export async function cancelBookingItem(deps: SagaDeps, who: Identity, id: string, position: number, now = new Date()) {
  const booking = await findBooking(deps.db, id);
  const mine = booking && (booking.user_id === who.userId || who.role === 'admin');
  if (!booking || !mine) throw notFound('The booking');
  const item = booking.items.find((i) => i.position === position);
  if (!item) throw notFound('The item');
  if (!item.cancel_step) {
    if (booking.status !== 'confirmed') {
      throw conflict('not-cancellable', `A ${booking.status} booking cannot be cancelled.`);
    }
    if (booking.items.filter(isLive).length === 1) return cancelBooking(deps, who, id, now);
    const refund = itemRefund(booking, item, now);
    if (refund.rule === 'started') {
      throw new AppError('already-started', 409, 'Conflict', {
        detail: 'This part of the trip has started: it can no longer be cancelled.',
      });
    }
    // Both or neither: a booking in `cancelling-item` always has an item being cancelled.
    await deps.db.transaction(async (tx) => {
      const moved = await moveStep(tx, id, { from: ['done'], to: 'cancelling-item', leaseSeconds: deps.leaseSeconds });
      if (!moved || !(await startItemCancellation(tx, id, { position, refund: refund.amount, rule: refund.rule }))) {
        throw conflict(
          'cancellation-under-way',
          'Another change to this trip is being finished: try again in a moment.',
        );
      }
    });
    deps.checkpoint('item-cancelling');
  }
  let status: 200 | 202 = 200;
  try {
    await driveBooking(deps, id);
  } catch (err) {
    if (!(err instanceof SearchUnavailable || err instanceof PaymentUnavailable)) throw err;
    deps.logger.warn('an item cancellation left for recovery to finish', { bookingId: id, position, err });
    status = 202;
  }
  return { status, booking: await getBooking(deps.db, who, id) };
}

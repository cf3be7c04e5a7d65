import { countRecovery, awaitingRecovery } from '../booking.metrics.ts';
import { claimAbandoned, countAbandoned } from '../data/bookings.repository.ts';
import { driveBooking, type SagaDeps } from './booking-saga.ts';

/**
 * Takes over bookings whose worker is gone (a crash, a restart, a request that gave up on a slow dependency) and
 * drives each to its end: undone if the card was never authorised, finished otherwise, cancellations completed.
 */
export async function recoverAbandonedBookings(deps: SagaDeps, batch = 20): Promise<number> {
  const ids = await claimAbandoned(deps.db, batch, deps.leaseSeconds);
  for (const id of ids) {
    try {
      const booking = await driveBooking(deps, id);
      countRecovery(booking.status === 'failed' ? 'undone' : 'finished');
    } catch (err) {
      countRecovery('failed');
      deps.logger.warn('an abandoned booking could not be finished yet; will retry', { bookingId: id, err });
    }
  }
  awaitingRecovery.set(await countAbandoned(deps.db));
  if (ids.length > 0) deps.logger.info('abandoned bookings taken over', { count: ids.length });
  return ids.length;
}

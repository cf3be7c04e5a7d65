import type { Db } from '@tripwise/platform/db';
import type { Logger } from '@tripwise/platform/logger';
import { pendingHolds, removePendingHold } from '../../data/seed-record.repository.ts';
import { holdItemOfRow } from '../booking-saga.ts';
import { atOnce } from './at-once.ts';
import { InventoryConflict } from '../../clients/search.client.ts';
import type { SeedSearch } from './seed-search.ts';

/** Long enough to confirm right after placing, short enough that an interrupted hold soon expires. */
const HOLD_TTL_SECONDS = 600;
const BATCH = 200;

export interface HoldsOptions {
  logger: Logger;
  /** Holds placed at once. */
  concurrency: number;
  /** Called after each hold (tests interrupt the seeding there). */
  held?: () => void;
}

/**
 * Places and confirms, through search's hold routes, the hold of each upcoming seeded booking (named by the
 * booking's id, as the booking saga names it), so that search's availability counts them. Each is idempotent; a row
 * of booking_seed_holds is deleted once its hold is confirmed, so an interrupted run is finished by the next one.
 */
export async function placeSeedHolds(db: Db, search: SeedSearch, scale: string, options: HoldsOptions) {
  let placed = 0;
  let failed = 0;
  for (;;) {
    const pending = await pendingHolds(db, scale, BATCH);
    if (pending.length === 0) break;
    await atOnce(pending, options.concurrency, async ({ bookingId, items }) => {
      try {
        await search.placeHold(bookingId, items.map(holdItemOfRow), HOLD_TTL_SECONDS);
        await search.confirmHold(bookingId);
        placed += 1;
      } catch (err) {
        // Sold out since the seed counted it (someone booked meanwhile), or an expired hold: nothing more to do.
        if (!(err instanceof InventoryConflict)) throw err;
        options.logger.error('a seeded booking could not hold its inventory', { bookingId, err });
        failed += 1;
      }
      await removePendingHold(db, scale, bookingId);
      options.held?.();
    });
  }
  return { placed, failed };
}

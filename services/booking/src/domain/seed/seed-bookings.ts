import type { Db, Queryable } from '@tripwise/platform/db';
import { AppError } from '@tripwise/platform/errors';
import type { Logger } from '@tripwise/platform/logger';
import {
  addPendingHolds,
  findBookingSeed,
  lockBookingSeeding,
  recordBookingSeed,
  type BookingSeedRecord,
} from '../../data/seed-record.repository.ts';
import { analyzeSeededTables, stageSeedMoney, writeStagedBilling, writeStagedSales } from '../../data/seed.writer.ts';
import { BOOKING_SCALES, type BookingScale, type BookingScaleName } from './booking-scale.ts';
import { emptyTally, seedChunk } from './seed-chunk.ts';
import { dayOf } from './seed-dates.ts';
import { placeSeedHolds } from './seed-holds.ts';
import type { SeedSearch } from './seed-search.ts';
import { loadWorld, planAll } from './seed-world.ts';

export const DEFAULT_SEED = 1;
/** Plans built and written at a time: a few queries to search each, and memory stays flat. */
const CHUNK = 4_000;
const PROGRESS_EVERY = 20_000;
/** Calls to search at once. */
const CONCURRENCY = 4;

/** Points of a seeding where tests interrupt it. */
export type SeedStage = 'written' | 'hold-placed';

export interface SeedBookingsOptions {
  /** A named scale, or a custom one (tests); `demo` by default. */
  scale?: BookingScaleName | BookingScale;
  /** Same seed, same inventory and same `now`: same rows. */
  seed?: number;
  /** Bookings are made over the scale's days before this instant; the current time by default. */
  now?: Date;
  logger: Logger;
  checkpoint?: (stage: SeedStage) => void;
}

export interface SeedBookingsResult extends BookingSeedRecord {
  /** False when the scale had already been seeded: nothing was written, and the counts are the earlier ones. */
  seeded: boolean;
  /** Holds placed in search by this run, and those that could not be (logged). */
  holdsPlaced: number;
  holdsFailed: number;
  durationMs: number;
}

async function writeSeed(
  tx: Queryable,
  search: SeedSearch,
  run: { scale: BookingScale; seed: number; now: Date; logger: Logger },
): Promise<BookingSeedRecord> {
  const { scale, seed, now, logger } = run;
  const today = dayOf(now.getTime());
  const loaded = await loadWorld(search, today, CONCURRENCY);
  const plans = planAll(scale, seed, now, loaded);
  logger.info('seeding bookings', {
    scale: scale.name,
    travelers: plans.travelers,
    bookings: plans.count,
    flights: loaded.world.window,
  });
  const tally = emptyTally();
  await stageSeedMoney(tx);
  const context = { now, today, capacity: loaded.capacity, tally };
  for (let start = 0; start < plans.count; start += CHUNK) {
    const before = tally.bookings;
    await seedChunk(tx, loaded.world, plans.plansOf(start, start + CHUNK), context);
    if (Math.floor(before / PROGRESS_EVERY) !== Math.floor(tally.bookings / PROGRESS_EVERY)) {
      logger.info('bookings written', { bookings: tally.bookings, of: plans.count });
    }
  }
  const billingRecords = await writeStagedBilling(tx);
  await writeStagedSales(tx);
  const record: BookingSeedRecord = {
    scale: scale.name,
    seed,
    through: now,
    users: tally.users.size,
    bookings: tally.bookings,
    items: tally.items,
    billingRecords,
    holds: tally.holds.length,
  };
  await recordBookingSeed(tx, record);
  await addPendingHolds(tx, scale.name, tally.holds);
  if (tally.skipped > 0) logger.info('bookings left out', { skipped: tally.skipped, reason: 'no flight or no room' });
  return record;
}

/**
 * Fills the booking tables with two years of bookings of search's inventory (asked of search over HTTP), once per scale: travelers booking
 * flights, stays, rentals and trips, paying, sometimes cancelling, billed and counted in the sales, exactly as the
 * booking service records them. Everything is written in one transaction (an interrupted seeding leaves nothing);
 * then the upcoming bookings' holds are placed in search, which a later run finishes if this one is interrupted.
 */
export async function seedBookings(
  db: Db,
  search: SeedSearch,
  options: SeedBookingsOptions,
): Promise<SeedBookingsResult> {
  const scale = typeof options.scale === 'object' ? options.scale : BOOKING_SCALES[options.scale ?? 'demo'];
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    throw new RangeError(`seed must be an integer from 0 to 2147483647, not ${seed}`);
  }
  if (scale.name === 'large' && db.kind !== 'postgres') {
    // A hundred thousand bookings of a million flights belong in PostgreSQL, like search's large inventory.
    throw new AppError('needs-postgres', 409, 'The large scale needs PostgreSQL', {
      detail: 'Start the stack with DATABASE_URL (a PostgreSQL database) to seed the large scale.',
    });
  }
  const now = options.now ?? new Date();
  const started = performance.now();
  const earlier = await findBookingSeed(db, scale.name);
  const outcome = earlier
    ? { ...earlier, seeded: false }
    : await db.transaction(async (tx) => {
        await lockBookingSeeding(tx);
        // A large seeding writes a hundred thousand bookings in this one transaction: no statement limit here.
        if (db.kind === 'postgres') await tx.query('SET LOCAL statement_timeout = 0');
        const justSeeded = await findBookingSeed(tx, scale.name);
        if (justSeeded) return { ...justSeeded, seeded: false };
        const record = await writeSeed(tx, search, { scale, seed, now, logger: options.logger });
        options.checkpoint?.('written');
        return { ...record, seeded: true };
      });
  if (outcome.seeded) await analyzeSeededTables(db);
  const holds = await placeSeedHolds(db, search, scale.name, {
    logger: options.logger,
    concurrency: CONCURRENCY,
    held: () => options.checkpoint?.('hold-placed'),
  });
  const result = {
    ...outcome,
    holdsPlaced: holds.placed,
    holdsFailed: holds.failed,
    durationMs: Math.round(performance.now() - started),
  };
  options.logger.info(result.seeded ? 'bookings seeded' : 'bookings already seeded', { ...result, backend: db.kind });
  return result;
}

import type { Db } from '@tripwise/platform/db';
import type { Logger } from '@tripwise/platform/logger';
import {
  analyzeInventory,
  findInventorySeed,
  lockInventorySeeding,
  recordInventorySeed,
  type InventorySeedRecord,
} from '../../data/inventory-seed.repository.ts';
import { recordGeneratedDay } from '../../data/flight-days.repository.ts';
import { writeCars, writeFlights, writeHotels } from '../../data/inventory.writer.ts';
import { demoReviewsOf } from './demo-reviews.ts';
import { generateCars } from './generate-cars.ts';
import { generateFlights } from './generate-flights.ts';
import { generateHotels } from './generate-hotels.ts';
import { INVENTORY_SCALES, type InventoryScale, type InventoryScaleName } from './inventory-scale.ts';
import { isoDateToUtcMs, todayUtc } from '@tripwise/travel-data';

export const DEFAULT_SEED = 1;

export interface SeedInventoryOptions {
  /** A named scale, or a custom one (tests); `demo` by default. */
  scale?: InventoryScaleName | InventoryScale;
  /** Same seed and start date, same rows. */
  seed?: number;
  /** The first day of flights, `YYYY-MM-DD`; today (UTC) by default. */
  startDate?: string;
  /**
   * Days of flights written now (the scale's whole window by default); the rolling window (roll-window.use-case.ts)
   * adds the others, so a first start can serve the next days while the later ones are still being written.
   */
  flightDays?: number;
  logger: Logger;
}

export interface SeedInventoryResult extends InventorySeedRecord {
  /** False when the scale had already been seeded: nothing was written, and the counts are the earlier ones. */
  seeded: boolean;
  durationMs: number;
}

/**
 * Fills the inventory with generated flights, hotels and cars, once per scale: if inventory_seed already has
 * the scale, nothing happens. Everything is written in one transaction, so an interrupted seeding leaves no
 * half inventory behind and the next start simply tries again.
 */
export async function seedInventory(db: Db, options: SeedInventoryOptions): Promise<SeedInventoryResult> {
  const scale = typeof options.scale === 'object' ? options.scale : INVENTORY_SCALES[options.scale ?? 'demo'];
  const seed = options.seed ?? DEFAULT_SEED;
  const startDate = options.startDate ?? todayUtc();
  isoDateToUtcMs(startDate);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    throw new RangeError(`seed must be an integer from 0 to 2147483647, not ${seed}`);
  }
  const started = performance.now();
  const earlier = await findInventorySeed(db, scale.name);
  const outcome =
    earlier ??
    (await db.transaction(async (tx) => {
      await lockInventorySeeding(tx);
      const justSeeded = await findInventorySeed(tx, scale.name);
      if (justSeeded) return { ...justSeeded, seeded: false };
      const perDay = new Map<string, number>();
      const counted = function* () {
        for (const leg of generateFlights(scale, seed, startDate, {
          days: Math.min(scale.days, options.flightDays ?? scale.days),
        })) {
          perDay.set(leg.departDate, (perDay.get(leg.departDate) ?? 0) + 1);
          yield leg;
        }
      };
      const flights = await writeFlights(tx, counted());
      // The rolling window (roll-window.use-case.ts) carries on from these days.
      for (const [day, count] of perDay) await recordGeneratedDay(tx, { day, flights: count, scale: scale.name, seed });
      const hotels = await writeHotels(tx, generateHotels(scale, seed), demoReviewsOf);
      const cars = await writeCars(tx, generateCars(scale, seed, startDate));
      const record = { scale: scale.name, seed, startDate, flights, hotels, cars };
      await recordInventorySeed(tx, record);
      return { ...record, seeded: true };
    }));
  if ('seeded' in outcome && outcome.seeded) await analyzeInventory(db);
  const result = { seeded: false, ...outcome, durationMs: Math.round(performance.now() - started) };
  if (result.seeded) {
    options.logger.info('inventory seeded', { ...result, backend: db.kind });
  } else {
    options.logger.info('inventory already seeded', { ...result, backend: db.kind });
  }
  return result;
}

import { seedCalendar } from '@tripwise/travel-data';
import { flightsOnDay } from '@tripwise/travel-data/network';
import type { Db } from '@tripwise/platform/db';
import type { Logger } from '@tripwise/platform/logger';
import {
  clearGeneratedDay,
  generatedDays,
  lockFlightDays,
  recordGeneratedDay,
  removePastFlights,
} from '../../data/flight-days.repository.ts';
import { findInventorySeed } from '../../data/inventory-seed.repository.ts';
import { writeFlights } from '../../data/inventory.writer.ts';
import { timetableOf } from './generate-flights.ts';
import { INVENTORY_SCALES, type InventoryScale } from './inventory-scale.ts';

/** Days kept behind today: a flight that left "yesterday" in one time zone may still be in the air. */
export const KEEP_PAST_DAYS = 2;
const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Writes one day of generated flights in one transaction, and records it; returns how many. */
export async function writeFlightDay(
  db: Db,
  day: string,
  source: { scale: InventoryScale; seed: number; pricedOn: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    await lockFlightDays(tx);
    if ((await generatedDays(tx, day, day)).has(day)) return 0;
    await clearGeneratedDay(tx, day);
    const legs = flightsOnDay(timetableOf(source.scale, source.seed), day, source.seed, source.pricedOn);
    const flights = await writeFlights(tx, legs);
    await recordGeneratedDay(tx, { day, flights, scale: source.scale.name, seed: source.seed });
    return flights;
  });
}

export interface RollResult {
  added: string[];
  removedFlights: number;
}

/**
 * Keeps the generated flights a window ahead of today: the days missing from today to `scale.days - 1` days ahead
 * are generated (priced as put on sale today), and flights of days more than KEEP_PAST_DAYS behind are removed
 * unless a booking's hold names them. Only an inventory seeded with a named scale rolls (a custom scale is a
 * test's own). `dayChanged` is told each day added, so what searches hold of it is read again.
 */
export async function rollFlightWindow(
  db: Db,
  deps: {
    logger: Logger;
    now?: Date;
    dayChanged?: (day: string) => Promise<void>;
    /** The scales that roll (the named ones by default; a test passes its own). */
    scales?: readonly InventoryScale[];
    /** Only the days up to this many ahead (the rest are left for a later roll); the whole window by default. */
    daysAhead?: number;
  },
): Promise<RollResult> {
  const today = (deps.now ?? new Date()).toISOString().slice(0, 10);
  let found: { scale: InventoryScale; seed: number } | undefined;
  for (const scale of deps.scales ?? Object.values(INVENTORY_SCALES)) {
    const record = await findInventorySeed(db, scale.name);
    if (record) found ??= { scale, seed: record.seed };
  }
  if (!found) return { added: [], removedFlights: 0 };
  const { scale } = found;
  const last = addDays(today, scale.days - 1);
  const have = await generatedDays(db, today, last);
  const added: string[] = [];
  for (const { date } of seedCalendar(today, Math.min(scale.days, deps.daysAhead ?? scale.days))) {
    if (have.has(date)) continue;
    const flights = await writeFlightDay(db, date, { scale, seed: found.seed, pricedOn: today });
    if (flights > 0) {
      added.push(date);
      await deps.dayChanged?.(date);
    }
  }
  const removedFlights = await removePastFlights(db, addDays(today, -KEEP_PAST_DAYS));
  if (added.length || removedFlights) {
    deps.logger.info('flight window rolled', { added: added.length, removedFlights, today });
  }
  return { added, removedFlights };
}

import type { Queryable } from '@tripwise/platform/db';

/** What inventory_seed remembers of a seeding, so that a restart does not seed the same scale again. */
export interface InventorySeedRecord {
  scale: string;
  seed: number;
  startDate: string;
  flights: number;
  hotels: number;
  cars: number;
}

export async function findInventorySeed(db: Queryable, scale: string): Promise<InventorySeedRecord | undefined> {
  const { rows } = await db.query<InventorySeedRecord>(
    `SELECT scale, seed, start_date AS "startDate", flights, hotels, cars FROM inventory_seed WHERE scale = $1`,
    [scale],
  );
  return rows[0];
}

/**
 * Two instances starting together queue here, and the second then finds the first one's record. The lock is asked
 * for again every half second rather than waited for in one statement: a seeding takes minutes, far longer than the
 * per-statement limits every query runs under.
 */
export async function lockInventorySeeding(tx: Queryable, options: { maxWaitMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.maxWaitMs ?? 30 * 60_000);
  for (;;) {
    const { rows } = await tx.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.inventory_seed')) AS locked`,
    );
    if (rows[0]?.locked) return;
    if (Date.now() > deadline) throw new Error('another instance has been seeding the inventory for too long');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function recordInventorySeed(tx: Queryable, record: InventorySeedRecord): Promise<void> {
  await tx.query(
    `INSERT INTO inventory_seed (scale, seed, start_date, flights, hotels, cars) VALUES ($1, $2, $3, $4, $5, $6)`,
    [record.scale, record.seed, record.startDate, record.flights, record.hotels, record.cars],
  );
}

/**
 * Refreshes the planner's statistics of the tables a seeding filled. Until autovacuum gets to them (minutes later
 * on PostgreSQL, never on PGlite) the planner believes they are as empty as the migration left them and picks
 * plans for empty tables: nested scans of a million flights.
 */
export async function analyzeInventory(db: Queryable): Promise<void> {
  await db.query('ANALYZE flights, flight_cabins, hotels, room_types, room_nights, cars, car_days');
}

import type { Queryable } from '@tripwise/platform/db';

/** The days that have generated flights (see 0009_flight_days.sql), from `from` to `to` included. */
export async function generatedDays(db: Queryable, from: string, to: string): Promise<Set<string>> {
  const { rows } = await db.query<{ day: string }>(
    `SELECT day::text AS day FROM flight_days WHERE day >= $1::date AND day <= $2::date`,
    [from, to],
  );
  return new Set(rows.map((r) => r.day));
}

export async function recordGeneratedDay(
  tx: Queryable,
  day: { day: string; flights: number; scale: string; seed: number },
): Promise<void> {
  await tx.query(
    `INSERT INTO flight_days (day, flights, scale, seed) VALUES ($1, $2, $3, $4)
     ON CONFLICT (day) DO UPDATE SET flights = EXCLUDED.flights, scale = EXCLUDED.scale, seed = EXCLUDED.seed,
                                     generated_at = now()`,
    [day.day, day.flights, day.scale, day.seed],
  );
}

// A flight a hold names (a booking, past or present) is kept: the booking's listing and reviews still point at it.
const NOT_HELD = `NOT EXISTS (SELECT 1 FROM hold_items h WHERE h.kind = 'flight' AND h.listing_id = f.id)`;

/**
 * Clears a day before it is generated (again): flights from an older generator there go, those a booking holds
 * are only withdrawn from sale. Flights owners or admins listed themselves are left.
 */
export async function clearGeneratedDay(tx: Queryable, day: string): Promise<void> {
  await tx.query(
    `UPDATE flights f SET status = 'removed', updated_at = now()
     WHERE f.depart_date = $1::date AND f.owner_id IS NULL AND f.status = 'active' AND NOT (${NOT_HELD})`,
    [day],
  );
  await tx.query(`DELETE FROM flights f WHERE f.depart_date = $1::date AND f.owner_id IS NULL AND ${NOT_HELD}`, [day]);
}

/** Removes the flights of days before `before` that no hold names; returns how many went. */
export async function removePastFlights(db: Queryable, before: string): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM flights f WHERE f.depart_date < $1::date AND f.owner_id IS NULL AND ${NOT_HELD}`,
    [before],
  );
  await db.query(`DELETE FROM flight_days WHERE day < $1::date`, [before]);
  return rowCount;
}

/** Only one instance rolls the window at a time; the others find the days written when they get the lock. */
export async function lockFlightDays(tx: Queryable): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.flight_days'))`);
}

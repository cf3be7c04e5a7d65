import type { Queryable } from '@tripwise/platform/db';

/**
 * Gives the demo owner some of the seeded hotels and cars (a few per city, so its pages and reports have
 * variety), once: an owner who has any listing, even a deleted one, is left as they are.
 */
export async function assignDemoListings(
  tx: Queryable,
  ownerId: string,
  counts: { hotels: number; cars: number },
): Promise<{ hotels: number; cars: number; assigned: boolean }> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM hotels WHERE owner_id = $1) + (SELECT count(*) FROM cars WHERE owner_id = $1) AS n`,
    [ownerId],
  );
  if (Number(rows[0]?.n ?? 0) > 0) return { hotels: 0, cars: 0, assigned: false };
  const hotels = await tx.query(
    `UPDATE hotels SET owner_id = $1 WHERE id IN (
       SELECT id FROM (SELECT DISTINCT ON (city_code) id, city_code FROM hotels
                       WHERE owner_id IS NULL AND status = 'active' ORDER BY city_code, id) firsts
       ORDER BY id LIMIT $2)`,
    [ownerId, counts.hotels],
  );
  const cars = await tx.query(
    `UPDATE cars SET owner_id = $1 WHERE id IN (
       SELECT id FROM (SELECT DISTINCT ON (location_code) id, location_code FROM cars
                       WHERE owner_id IS NULL AND status = 'active' ORDER BY location_code, id) firsts
       ORDER BY id LIMIT $2)`,
    [ownerId, counts.cars],
  );
  return { hotels: hotels.rowCount, cars: cars.rowCount, assigned: true };
}

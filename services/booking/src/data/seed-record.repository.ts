import type { Queryable } from '@tripwise/platform/db';
import type { ItemRow } from './bookings.repository.ts';

/** What booking_seed remembers of a seeding, so that running it again does nothing. */
export interface BookingSeedRecord {
  scale: string;
  seed: number;
  through: Date;
  users: number;
  bookings: number;
  items: number;
  billingRecords: number;
  holds: number;
}

export async function findBookingSeed(db: Queryable, scale: string): Promise<BookingSeedRecord | undefined> {
  const { rows } = await db.query<BookingSeedRecord>(
    `SELECT scale, seed, through, users, bookings, items, billing_records AS "billingRecords", holds
     FROM booking_seed WHERE scale = $1`,
    [scale],
  );
  return rows[0];
}

/** Two seeders started together queue here; the second then finds the first one's record. */
export async function lockBookingSeeding(tx: Queryable): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.booking_seed'))`);
}

export async function recordBookingSeed(tx: Queryable, r: BookingSeedRecord): Promise<void> {
  await tx.query(
    `INSERT INTO booking_seed (scale, seed, through, users, bookings, items, billing_records, holds)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [r.scale, r.seed, r.through, r.users, r.bookings, r.items, r.billingRecords, r.holds],
  );
}

export async function addPendingHolds(
  tx: Queryable,
  scale: string,
  holds: { bookingId: string; positions: number[] }[],
): Promise<void> {
  if (holds.length === 0) return;
  // Ragged arrays cannot be unnested: the positions travel as text ('{0,2}').
  await tx.query(
    `INSERT INTO booking_seed_holds (scale, booking_id, positions)
     SELECT $1, u.booking_id, u.positions::smallint[] FROM unnest($2::uuid[], $3::text[]) AS u(booking_id, positions)`,
    [scale, holds.map((h) => h.bookingId), holds.map((h) => `{${h.positions.join(',')}}`)],
  );
}

/** The next pending holds of a seeding, with the items of their bookings that search holds. */
export async function pendingHolds(
  db: Queryable,
  scale: string,
  limit: number,
): Promise<{ bookingId: string; items: ItemRow[] }[]> {
  const { rows } = await db.query<{ booking_id: string; items: (ItemRow & { booking_id?: string })[] }>(
    `SELECT h.booking_id, jsonb_agg(to_jsonb(i) ORDER BY i.position) AS items
     FROM (SELECT booking_id, positions FROM booking_seed_holds WHERE scale = $1 ORDER BY booking_id LIMIT $2) h
     JOIN booking_items i ON i.booking_id = h.booking_id AND i.position = ANY(h.positions)
     GROUP BY h.booking_id ORDER BY h.booking_id`,
    [scale, limit],
  );
  return rows.map((r) => ({
    bookingId: r.booking_id,
    items: r.items.map(({ booking_id: _, ...item }) => ({
      ...item,
      listing_id: String(item.listing_id),
      parent_id: item.parent_id === null ? null : String(item.parent_id),
    })),
  }));
}

export async function removePendingHold(db: Queryable, scale: string, bookingId: string): Promise<void> {
  await db.query('DELETE FROM booking_seed_holds WHERE scale = $1 AND booking_id = $2', [scale, bookingId]);
}

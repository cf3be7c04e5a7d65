import type { Queryable } from '@tripwise/platform/db';
import { busiestDay } from './hold-listings.repository.ts';

export type { HoldItem } from '@tripwise/contracts';

export interface HoldRow {
  id: string;
  status: 'held' | 'confirmed' | 'released' | 'expired';
  expires_at: Date;
}

export interface StoredItem {
  position: number;
  kind: 'flight' | 'room' | 'car';
  listing_id: number;
  cabin: string | null;
  first_day: string | null;
  last_day: string | null;
  quantity: number;
  unit_price_minor: number;
  /** Set when this item alone was given back (one item of a trip cancelled). */
  released_at?: Date | null;
}

/** Creates the hold unless one with this id exists (a retry): returns whether this call created it. */
export async function insertHold(tx: Queryable, id: string, expiresAt: Date): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO holds (id, status, expires_at) VALUES ($1, 'held', $2) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [id, expiresAt],
  );
  return rowCount > 0;
}

export async function findHold(db: Queryable, id: string): Promise<(HoldRow & { items: StoredItem[] }) | undefined> {
  const { rows } = await db.query<HoldRow>('SELECT id, status, expires_at FROM holds WHERE id = $1', [id]);
  if (!rows[0]) return undefined;
  const items = await db.query<StoredItem>(
    `SELECT position, kind, listing_id, cabin, first_day, last_day, quantity, unit_price_minor, released_at FROM hold_items
     WHERE hold_id = $1 ORDER BY position`,
    [id],
  );
  return { ...rows[0], items: items.rows };
}

export async function insertHoldItem(tx: Queryable, holdId: string, item: Omit<StoredItem, 'listing_id'> & { listing_id: string }) {
  await tx.query(
    `INSERT INTO hold_items (hold_id, position, kind, listing_id, cabin, first_day, last_day, quantity, unit_price_minor)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [holdId, item.position, item.kind, item.listing_id, item.cabin, item.first_day, item.last_day, item.quantity, item.unit_price_minor],
  );
}

/** Takes seats if that many are free: one conditional UPDATE, so two holds can never take the last seat twice. */
export async function takeSeats(tx: Queryable, flightId: string, cabin: string, seats: number): Promise<number | undefined> {
  const { rows } = await tx.query<{ price_minor: number }>(
    `UPDATE flight_cabins c SET seats_taken = seats_taken + $3
     FROM flights f
     WHERE c.flight_id = $1 AND c.cabin = $2 AND f.id = c.flight_id AND f.status = 'active'
       AND c.seats_total - c.seats_taken >= $3
     RETURNING c.price_minor`,
    [flightId, cabin, seats],
  );
  return rows[0]?.price_minor;
}

/**
 * Takes units of a room type (or a car) on every day of a range if each day has them. The listing's row is
 * locked first, so concurrent holds on it run one after the other and each sees the other's counts.
 */
export async function takeDays(
  tx: Queryable,
  target: 'room' | 'car',
  listingId: string,
  firstDay: string,
  lastDay: string,
  quantity: number,
): Promise<number | undefined> {
  const t = target === 'room'
    ? { listing: 'room_types', price: 'nightly_price_minor', days: 'room_nights', key: 'room_type_id', day: 'night', active: `EXISTS (SELECT 1 FROM hotels h WHERE h.id = l.hotel_id AND h.status = 'active')` }
    : { listing: 'cars', price: 'daily_price_minor', days: 'car_days', key: 'car_id', day: 'day', active: `l.status = 'active'` };
  const locked = await tx.query<{ units: number; price: number }>(
    `SELECT l.units, l.${t.price} AS price FROM ${t.listing} l WHERE l.id = $1 AND ${t.active} FOR UPDATE`,
    [listingId],
  );
  const listing = locked.rows[0];
  if (!listing) return undefined;
  if ((await busiestDay(tx, target, listingId, firstDay, lastDay)) + quantity > listing.units) return undefined;
  await tx.query(
    `INSERT INTO ${t.days} (${t.key}, ${t.day}, taken)
     SELECT $1, d::date, $4 FROM generate_series($2::date, $3::date, interval '1 day') d
     ON CONFLICT (${t.key}, ${t.day}) DO UPDATE SET taken = ${t.days}.taken + EXCLUDED.taken`,
    [listingId, firstDay, lastDay, quantity],
  );
  return listing.price;
}

/** Gives back what an item took. */
export async function giveBack(tx: Queryable, item: StoredItem): Promise<void> {
  if (item.kind === 'flight') {
    await tx.query('UPDATE flight_cabins SET seats_taken = greatest(0, seats_taken - $3) WHERE flight_id = $1 AND cabin = $2', [
      item.listing_id,
      item.cabin,
      item.quantity,
    ]);
    return;
  }
  const [days, key, day] = item.kind === 'room' ? ['room_nights', 'room_type_id', 'night'] : ['car_days', 'car_id', 'day'];
  await tx.query(
    `UPDATE ${days} SET taken = greatest(0, taken - $4) WHERE ${key} = $1 AND ${day} >= $2::date AND ${day} <= $3::date`,
    [item.listing_id, item.first_day, item.last_day, item.quantity],
  );
}

/** Which item of a hold: its kind, listing and (rooms and cars) first day. */
export interface ItemMatch {
  kind: 'flight' | 'room' | 'car';
  listingId: string;
  firstDay?: string | undefined;
}

/**
 * Marks the first matching item of a hold that is still taken as given back: the item when this call did it,
 * undefined when none is (already given back, or never held).
 */
export async function markItemReleased(tx: Queryable, holdId: string, match: ItemMatch): Promise<StoredItem | undefined> {
  const { rows } = await tx.query<StoredItem>(
    `UPDATE hold_items SET released_at = now()
     WHERE hold_id = $1 AND position = (
       SELECT position FROM hold_items WHERE hold_id = $1 AND kind = $2 AND listing_id = $3
         AND ($4::date IS NULL OR first_day = $4::date) AND released_at IS NULL ORDER BY position LIMIT 1)
     RETURNING position, kind, listing_id, cabin, first_day, last_day, quantity, unit_price_minor, released_at`,
    [holdId, match.kind, match.listingId, match.firstDay ?? null],
  );
  return rows[0];
}

/** Moves a hold from one status to another, only if it is still in the first: the one place status changes. */
export async function transition(tx: Queryable, id: string, from: HoldRow['status'][], to: HoldRow['status'], onlyUnexpired = false) {
  const { rowCount } = await tx.query(
    `UPDATE holds SET status = $3, updated_at = now()
     WHERE id = $1 AND status = ANY($2::text[]) ${onlyUnexpired ? 'AND expires_at > now()' : ''} RETURNING id`,
    [id, from, to],
  );
  return rowCount > 0;
}

/** Expired holds, claimed so that several instances' sweepers never release the same one twice. */
export async function expiredHoldIds(tx: Queryable, limit: number): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM holds WHERE status = 'held' AND expires_at <= now() ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
  return rows.map((r) => r.id);
}

import type { Queryable } from '@tripwise/platform/db';
import type { Booking } from './bookings.repository.ts';

/**
 * Adds a booking's items to the day it was made: +1 booking, its units and revenue when confirmed; when cancelled,
 * −1 booking, its units, and the revenue refunded (`refunded[position]`, before tax).
 */
export async function addSales(
  tx: Queryable,
  booking: Pick<Booking, 'created_at' | 'items'>,
  change: { sign: 1 | -1; revenueOf: (position: number) => number },
): Promise<void> {
  const day = booking.created_at.toISOString().slice(0, 10);
  const items = booking.items;
  await tx.query(
    `INSERT INTO sales_daily (day, kind, listing_id, parent_id, owner_id, provider_kind, provider_id, provider_name, title,
       city, bookings, units_sold, revenue_minor)
     SELECT $1::date, * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::uuid[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::int[], $12::int[], $13::bigint[])
     ON CONFLICT (day, kind, listing_id) DO UPDATE SET bookings = sales_daily.bookings + EXCLUDED.bookings,
       units_sold = sales_daily.units_sold + EXCLUDED.units_sold, revenue_minor = sales_daily.revenue_minor + EXCLUDED.revenue_minor`,
    [
      day,
      items.map((i) => i.kind),
      items.map((i) => i.listing_id),
      items.map((i) => i.parent_id),
      items.map((i) => i.owner_id),
      items.map((i) => i.provider_kind),
      items.map((i) => i.provider_id),
      items.map((i) => i.provider_name),
      items.map((i) => i.title),
      items.map((i) => i.city),
      items.map(() => change.sign),
      items.map((i) => change.sign * i.quantity * i.units),
      items.map((i) => change.sign * change.revenueOf(i.position)),
    ],
  );
}

export interface SalesFilter {
  from: string;
  /** Exclusive. */
  to: string;
  ownerId?: string | undefined;
}

const scope = (filter: SalesFilter) => ['day >= $1::date AND day < $2::date AND ($3::uuid IS NULL OR owner_id = $3)', [filter.from, filter.to, filter.ownerId ?? null]] as const;
const ITEM_KIND = { hotel: 'room', car: 'car', flight: 'flight' } as const;

export async function topProperties(db: Queryable, filter: SalesFilter, limit: number) {
  const [where, params] = scope(filter);
  const { rows } = await db.query<{ hotel_id: number; name: string; city: string; bookings: number; revenue: number }>(
    `SELECT parent_id AS hotel_id, max(title) AS name, max(city) AS city, sum(bookings)::int AS bookings,
            sum(revenue_minor)::bigint AS revenue
     FROM sales_daily WHERE kind = 'room' AND ${where} GROUP BY parent_id ORDER BY revenue DESC, parent_id LIMIT $4`,
    [...params, limit],
  );
  return rows;
}

export async function revenueByCity(db: Queryable, filter: SalesFilter) {
  const [where, params] = scope(filter);
  const { rows } = await db.query<{ city: string; bookings: number; revenue: number }>(
    `SELECT city, sum(bookings)::int AS bookings, sum(revenue_minor)::bigint AS revenue
     FROM sales_daily WHERE ${where} GROUP BY city ORDER BY revenue DESC, city`,
    params,
  );
  return rows;
}

export async function topProviders(db: Queryable, filter: SalesFilter, limit: number) {
  const [where, params] = scope(filter);
  const { rows } = await db.query<{ kind: string; id: string; name: string; units_sold: number; revenue: number }>(
    `SELECT provider_kind AS kind, provider_id AS id, max(provider_name) AS name, sum(units_sold)::int AS units_sold,
            sum(revenue_minor)::bigint AS revenue
     FROM sales_daily WHERE ${where} GROUP BY provider_kind, provider_id ORDER BY units_sold DESC, revenue DESC LIMIT $4`,
    [...params, limit],
  );
  return rows;
}

export async function salesOverTime(
  db: Queryable,
  filter: SalesFilter & { kind?: 'hotel' | 'car' | 'flight' | undefined },
  interval: 'day' | 'week' | 'month',
) {
  const [where, params] = scope(filter);
  const { rows } = await db.query<{ period: string; bookings: number; revenue: number }>(
    `SELECT to_char(date_trunc('${interval}', day), 'YYYY-MM-DD') AS period, sum(bookings)::int AS bookings,
            sum(revenue_minor)::bigint AS revenue
     FROM sales_daily WHERE ${where} AND ($4::text IS NULL OR kind = $4) GROUP BY 1 ORDER BY 1`,
    [...params, filter.kind ? ITEM_KIND[filter.kind] : null],
  );
  return rows;
}

/**
 * Bookings made and cancelled per period (by the day each was made), with what cancellations refunded: of an
 * owner's listings (bookings with an item of theirs) or of the marketplace.
 */
export async function cancellationsOverTime(db: Queryable, filter: SalesFilter, interval: 'day' | 'week' | 'month') {
  const { rows } = await db.query<{ period: string; bookings: number; cancellations: number; refunded: number }>(
    `SELECT to_char(date_trunc('${interval}', b.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS period,
            count(*)::int AS bookings,
            count(*) FILTER (WHERE b.status = 'cancelled')::int AS cancellations,
            coalesce(sum(b.refund_minor) FILTER (WHERE b.status = 'cancelled'), 0)::bigint AS refunded
     FROM bookings b
     WHERE b.created_at >= $1::date AND b.created_at < $2::date AND b.status IN ('confirmed', 'cancelled')
       AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM booking_items i WHERE i.booking_id = b.id AND i.owner_id = $3))
     GROUP BY 1 ORDER BY 1`,
    [filter.from, filter.to, filter.ownerId ?? null],
  );
  return rows;
}

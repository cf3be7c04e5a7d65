import type { Queryable } from '@tripwise/platform/db';

export type PricedKind = 'flight' | 'room' | 'car';

export interface PricedUnit {
  kind: PricedKind;
  listing_id: number;
  unit: string;
  current: number;
  base: number;
  fraction_left: number;
  /** The cached searches it shows in: a departure date, or a city / location code. */
  scope: string;
  /** What a deal or a watch needs to know of the listing: route and date, hotel and city, place; units left. */
  context: Record<string, unknown>;
}

const SAMPLES: Record<PricedKind, string> = {
  flight: `SELECT 'flight' AS kind, c.flight_id AS listing_id, c.cabin AS unit, c.price_minor AS current,
             coalesce(c.base_price_minor, c.price_minor) AS base,
             CASE WHEN c.seats_total = 0 THEN 0 ELSE (c.seats_total - c.seats_taken)::float8 / c.seats_total END AS fraction_left,
             f.depart_date::text AS scope,
             json_build_object('origin', f.origin, 'destination', f.destination, 'date', f.depart_date, 'airline', f.airline,
               'flightNumber', f.flight_number, 'refundable', f.refundable, 'left', c.seats_total - c.seats_taken) AS context
           FROM flight_cabins c JOIN flights f ON f.id = c.flight_id
           WHERE c.flight_id >= $1 AND f.status = 'active' AND f.depart_at > now() ORDER BY c.flight_id LIMIT $2`,
  room: `SELECT 'room' AS kind, rt.id AS listing_id, '' AS unit, rt.nightly_price_minor AS current,
           coalesce(rt.base_price_minor, rt.nightly_price_minor) AS base,
           CASE WHEN rt.units <= 1 THEN 0 ELSE 1 END::float8 AS fraction_left, h.city_code AS scope,
           json_build_object('hotelId', h.id, 'name', h.name, 'room', rt.name, 'city', h.city_code, 'cityName', h.city,
             'stars', h.stars, 'amenities', h.amenities, 'refundWindowHours', h.policies -> 'refundWindowHours',
             'left', rt.units) AS context
         FROM room_types rt JOIN hotels h ON h.id = rt.hotel_id
         WHERE rt.id >= $1 AND h.status = 'active' ORDER BY rt.id LIMIT $2`,
  car: `SELECT 'car' AS kind, id AS listing_id, '' AS unit, daily_price_minor AS current,
          coalesce(base_price_minor, daily_price_minor) AS base,
          CASE WHEN units <= 1 THEN 0 ELSE 1 END::float8 AS fraction_left, location_code AS scope,
          json_build_object('company', company, 'carClass', car_class, 'model', model, 'location', location_code,
            'cityName', city, 'freeCancellationHours', policies -> 'freeCancellationHours', 'left', units) AS context
        FROM cars WHERE id >= $1 AND status = 'active' ORDER BY id LIMIT $2`,
};
const ID_RANGE: Record<PricedKind, string> = {
  flight: 'SELECT min(flight_id) AS lo, max(flight_id) AS hi FROM flight_cabins',
  room: 'SELECT min(id) AS lo, max(id) AS hi FROM room_types',
  car: 'SELECT min(id) AS lo, max(id) AS hi FROM cars',
};

/**
 * A run of units starting at a random id: cheap at any table size (an index range, never ORDER BY random()),
 * and over many ticks every unit gets its turn.
 */
export async function sampleUnits(db: Queryable, kind: PricedKind, count: number, random: () => number): Promise<PricedUnit[]> {
  const range = (await db.query<{ lo: number | null; hi: number | null }>(ID_RANGE[kind])).rows[0];
  if (!range || range.lo === null || range.hi === null) return [];
  const start = range.lo + Math.floor(random() * (range.hi - range.lo + 1));
  const { rows } = await db.query<PricedUnit>(SAMPLES[kind], [start, count]);
  return rows;
}

/** A live car, or a live hotel's room types, as the market prices them (none while a listing is not active). */
export async function pricedUnitsOfListing(db: Queryable, kind: 'car' | 'room', listingId: number): Promise<PricedUnit[]> {
  const ids =
    kind === 'car'
      ? [listingId]
      : (await db.query<{ id: number }>('SELECT id FROM room_types WHERE hotel_id = $1 ORDER BY id', [listingId])).rows.map((r) => Number(r.id));
  const units: PricedUnit[] = [];
  for (const id of ids) {
    const { rows } = await db.query<PricedUnit>(SAMPLES[kind], [id, 1]);
    if (rows[0] && Number(rows[0].listing_id) === id) units.push(rows[0]);
  }
  return units;
}

/** An owner's price is the unit's new base (the market drifts around it), recorded in the history. */
export async function setOwnerPrice(tx: Queryable, unit: PricedUnit): Promise<void> {
  await tx.query(
    unit.kind === 'room'
      ? 'UPDATE room_types SET base_price_minor = nightly_price_minor WHERE id = $1'
      : 'UPDATE cars SET base_price_minor = daily_price_minor WHERE id = $1',
    [unit.listing_id],
  );
  await tx.query(`INSERT INTO price_history (kind, listing_id, unit, price_minor, reason) VALUES ($1, $2, $3, $4, 'owner')`, [
    unit.kind,
    unit.listing_id,
    unit.unit,
    unit.current,
  ]);
}

/** Writes the event announcing a price change, in the change's transaction; returns its id. */
export async function addPriceEvent(tx: Queryable, event: Record<string, unknown>): Promise<number> {
  const { rows } = await tx.query<{ id: number }>('INSERT INTO price_events (event) VALUES ($1) RETURNING id', [JSON.stringify(event)]);
  return rows[0]!.id;
}

/** Price events after an id, oldest first: how a consumer catches up. */
export async function priceEventsAfter(db: Queryable, afterId: number, limit: number) {
  const { rows } = await db.query<{ id: number; event: Record<string, unknown> }>(
    'SELECT id, event FROM price_events WHERE id > $1 ORDER BY id LIMIT $2',
    [afterId, limit],
  );
  return rows.map((r) => ({ ...r.event, id: r.id }));
}

/** The newest event alone (none when the market never moved): where a new consumer starts. */
export async function latestPriceEvent(db: Queryable) {
  const { rows } = await db.query<{ id: number; event: Record<string, unknown> }>('SELECT id, event FROM price_events ORDER BY id DESC LIMIT 1');
  return rows.map((r) => ({ ...r.event, id: r.id }));
}

/** Events are kept a week: long enough for any consumer to catch up after downtime. */
export async function forgetOldPriceEvents(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM price_events WHERE created_at < now() - interval '7 days'`);
}

/** Sets the new price (remembering the base it reverts to) and records it in the history. */
export async function applyPrice(tx: Queryable, unit: PricedUnit, price: number, reason: string): Promise<void> {
  if (unit.kind === 'flight') {
    await tx.query(
      `UPDATE flight_cabins SET price_minor = $3, base_price_minor = coalesce(base_price_minor, price_minor) WHERE flight_id = $1 AND cabin = $2`,
      [unit.listing_id, unit.unit, price],
    );
  } else if (unit.kind === 'room') {
    await tx.query(
      `UPDATE room_types SET nightly_price_minor = $2, base_price_minor = coalesce(base_price_minor, nightly_price_minor) WHERE id = $1`,
      [unit.listing_id, price],
    );
  } else {
    await tx.query(
      `UPDATE cars SET daily_price_minor = $2, base_price_minor = coalesce(base_price_minor, daily_price_minor) WHERE id = $1`,
      [unit.listing_id, price],
    );
  }
  await tx.query(`INSERT INTO price_history (kind, listing_id, unit, price_minor, reason) VALUES ($1, $2, $3, $4, $5)`, [
    unit.kind,
    unit.listing_id,
    unit.unit,
    price,
    reason,
  ]);
}

export interface PriceTrend {
  /** The latest recorded prices, oldest first (at most 30). */
  points: { at: string; price: number; reason: string }[];
  /** Averages of the prices recorded in the last 30 and 60 days (null when none was). */
  avg30: number | null;
  avg60: number | null;
}

/**
 * The price trends of many units in one grouped read over the (kind, listing, unit, time) index, keyed
 * `listingId:unit`: of the listings named, or of every room type of a hotel. Units whose price never moved have
 * no entry.
 */
export async function priceTrends(
  db: Queryable,
  kind: PricedKind,
  listings: (number | string)[] | { roomsOfHotel: number | string },
): Promise<Map<string, PriceTrend>> {
  const ids = Array.isArray(listings) ? '$2::bigint[]' : 'ARRAY(SELECT id FROM room_types WHERE hotel_id = $2::bigint)';
  const { rows } = await db.query<{
    listing_id: string;
    unit: string;
    avg30: string | null;
    avg60: string;
    points: { at: string; price: number; reason: string }[];
  }>(
    `SELECT listing_id::text, unit,
            round(avg(price_minor) FILTER (WHERE at > now() - interval '30 days')) AS avg30,
            round(avg(price_minor)) AS avg60,
            to_jsonb((array_agg(jsonb_build_object('at', at, 'price', price_minor, 'reason', reason) ORDER BY at DESC))[1:30]) AS points
     FROM price_history
     WHERE kind = $1 AND listing_id = ANY(${ids}) AND at > now() - interval '60 days'
     GROUP BY listing_id, unit`,
    [kind, Array.isArray(listings) ? listings.map(String) : String(listings.roomsOfHotel)],
  );
  return new Map(
    rows.map((r) => [
      `${r.listing_id}:${r.unit}`,
      {
        points: r.points.reverse(),
        avg30: r.avg30 === null ? null : Number(r.avg30),
        avg60: Number(r.avg60),
      },
    ]),
  );
}

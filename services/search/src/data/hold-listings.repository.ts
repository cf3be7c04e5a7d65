import type { Queryable } from '@tripwise/platform/db';

export interface FlightListingRow {
  id: number;
  airline: string;
  flight_number: string;
  origin: string;
  destination: string;
  depart_at: Date;
  arrive_at: Date;
  refundable: boolean;
  owner_id: string | null;
  cabins: Record<string, { price: number; left: number }>;
}

export interface RoomListingRow {
  id: number;
  name: string;
  units: number;
  price: number;
  hotel_id: number;
  hotel_name: string;
  city_code: string;
  city: string;
  policies: Record<string, unknown>;
  owner_id: string | null;
}

export interface CarListingRow {
  id: number;
  company: string;
  model: string;
  car_class: string;
  location_code: string;
  city: string;
  units: number;
  price: number;
  policies: Record<string, unknown>;
  owner_id: string | null;
}

/** Active flights with each cabin's price and seats left, by id. */
export async function activeFlights(db: Queryable, ids: string[]): Promise<Map<string, FlightListingRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<FlightListingRow>(
    `SELECT f.id, f.airline, f.flight_number, f.origin, f.destination, f.depart_at, f.arrive_at, f.refundable,
            f.owner_id::text AS owner_id,
            jsonb_object_agg(c.cabin, jsonb_build_object('price', c.price_minor, 'left', c.seats_total - c.seats_taken)) AS cabins
     FROM flights f JOIN flight_cabins c ON c.flight_id = f.id
     WHERE f.id = ANY($1::bigint[]) AND f.status = 'active' GROUP BY f.id`,
    [ids],
  );
  return new Map(rows.map((r) => [String(r.id), r]));
}

/** Room types of active hotels, with their hotel, by id. */
export async function activeRooms(db: Queryable, ids: string[]): Promise<Map<string, RoomListingRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<RoomListingRow>(
    `SELECT rt.id, rt.name, rt.units, rt.nightly_price_minor AS price, h.id AS hotel_id, h.name AS hotel_name,
            h.city_code, h.city, h.policies, h.owner_id::text AS owner_id
     FROM room_types rt JOIN hotels h ON h.id = rt.hotel_id
     WHERE rt.id = ANY($1::bigint[]) AND h.status = 'active'`,
    [ids],
  );
  return new Map(rows.map((r) => [String(r.id), r]));
}

export async function activeCars(db: Queryable, ids: string[]): Promise<Map<string, CarListingRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<CarListingRow>(
    `SELECT id, company, model, car_class, location_code, city, units, daily_price_minor AS price, policies,
            owner_id::text AS owner_id
     FROM cars WHERE id = ANY($1::bigint[]) AND status = 'active'`,
    [ids],
  );
  return new Map(rows.map((r) => [String(r.id), r]));
}

/** The most units of a room type (or car) already taken on any day of a range (0 when none). */
export async function busiestDay(
  db: Queryable,
  target: 'room' | 'car',
  listingId: string,
  firstDay: string,
  lastDay: string,
): Promise<number> {
  const [days, key, day] = target === 'room' ? ['room_nights', 'room_type_id', 'night'] : ['car_days', 'car_id', 'day'];
  const { rows } = await db.query<{ taken: number | null }>(
    `SELECT max(taken) AS taken FROM ${days} WHERE ${key} = $1 AND ${day} >= $2::date AND ${day} <= $3::date`,
    [listingId, firstDay, lastDay],
  );
  return rows[0]?.taken ?? 0;
}

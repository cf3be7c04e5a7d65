import type { FlightOnDay, SeedCar, SeedRoomType, SeedWorldView } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';

/*
 * What the booking seed is told of the inventory (over /internal/seed-world), to book real listings in the right
 * proportions. Read only: the seed takes inventory through the hold routes, as the booking service does.
 */

/** The days search has flights for: flights before `from` are no longer (or not yet) listed. */
async function flightWindow(db: Queryable): Promise<{ from: string; to: string } | undefined> {
  const { rows } = await db.query<{ from: string | null; to: string | null }>(
    `SELECT min(depart_date) AS "from", max(depart_date) AS "to" FROM flights WHERE status = 'active'`,
  );
  const [row] = rows;
  return row?.from && row.to ? { from: row.from, to: row.to } : undefined;
}

/** How many flights each route has in the window: what travelers' destinations are weighted by. */
async function routeFrequencies(db: Queryable) {
  const { rows } = await db.query<{ origin: string; destination: string; flights: number }>(
    `SELECT origin, destination, count(*)::int AS flights FROM flights WHERE status = 'active'
     GROUP BY origin, destination ORDER BY origin, destination`,
  );
  return rows;
}

async function seedRoomTypes(db: Queryable): Promise<SeedRoomType[]> {
  const { rows } = await db.query<SeedRoomType>(
    `SELECT rt.id, rt.hotel_id, trim(h.city_code) AS city_code, rt.capacity, rt.units,
            (h.review_count + 20 * h.stars)::int AS popularity
     FROM room_types rt JOIN hotels h ON h.id = rt.hotel_id
     WHERE h.status = 'active' AND rt.units > 0 ORDER BY rt.hotel_id, rt.id`,
  );
  return rows;
}

async function seedCars(db: Queryable): Promise<SeedCar[]> {
  const { rows } = await db.query<SeedCar>(
    `SELECT id, trim(location_code) AS location_code, units,
            coalesce((policies ->> 'minimumDriverAge')::int, 0) AS minimum_age
     FROM cars WHERE status = 'active' AND units > 0 ORDER BY id`,
  );
  return rows;
}

/** Rooms (or cars) already taken per day from `from` on: what upcoming bookings must fit beside. */
async function takenDays(db: Queryable, target: 'room' | 'car', from: string) {
  const [table, key, day] =
    target === 'room' ? ['room_nights', 'room_type_id', 'night'] : ['car_days', 'car_id', 'day'];
  const { rows } = await db.query<{ listing_id: number; day: string; taken: number }>(
    `SELECT ${key} AS listing_id, ${day} AS day, taken FROM ${table} WHERE ${day} >= $1::date AND taken > 0`,
    [from],
  );
  return rows;
}

/** The active flights of each route on each day asked for, by id. */
export async function flightsOn(
  db: Queryable,
  keys: { origin: string; destination: string; day: string }[],
): Promise<FlightOnDay[]> {
  if (keys.length === 0) return [];
  const { rows } = await db.query<FlightOnDay>(
    // One index lookup per key, however many keys and whatever the statistics say: the LIMIT keeps the planner from
    // turning the LATERAL into a join that reads (and sorts) every flight.
    `SELECT f.id, trim(f.origin) AS origin, trim(f.destination) AS destination, f.depart_date, f.duration_min,
            (SELECT jsonb_object_agg(c.cabin, c.seats_total - c.seats_taken) FROM flight_cabins c
             WHERE c.flight_id = f.id) AS cabins
     FROM unnest($1::bpchar[], $2::bpchar[], $3::date[]) AS k(origin, destination, day)
     CROSS JOIN LATERAL (SELECT * FROM flights WHERE origin = k.origin AND destination = k.destination
                           AND depart_date = k.day AND status = 'active' LIMIT 100) f
     ORDER BY f.id`,
    [keys.map((k) => k.origin), keys.map((k) => k.destination), keys.map((k) => k.day)],
  );
  return rows;
}

/** Everything the seed books from, in one answer. */
export async function seedWorld(db: Queryable, takenSince: string): Promise<SeedWorldView> {
  const [window, routes, rooms, cars, roomsTaken, carsTaken] = await Promise.all([
    flightWindow(db),
    routeFrequencies(db),
    seedRoomTypes(db),
    seedCars(db),
    takenDays(db, 'room', takenSince),
    takenDays(db, 'car', takenSince),
  ]);
  return { window: window ?? null, routes, rooms, cars, roomsTaken, carsTaken };
}

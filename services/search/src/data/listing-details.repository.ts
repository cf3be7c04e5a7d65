import type { Queryable } from '@tripwise/platform/db';

const isId = (id: string) => /^\d{1,18}$/.test(id);

export async function findFlight(db: Queryable, id: string) {
  if (!isId(id)) return undefined;
  const { rows } = await db.query<{
    id: number;
    airline: string;
    flight_number: string;
    origin: string;
    destination: string;
    via: string | null;
    stops: number;
    depart_at: Date;
    arrive_at: Date;
    duration_min: number;
    refundable: boolean;
    rating_tenths: number | null;
    review_count: number;
    cabins: { cabin: string; priceMinor: number; seatsLeft: number }[];
  }>(
    `SELECT f.id, f.airline, f.flight_number, f.origin, f.destination, f.via, f.stops, f.depart_at, f.arrive_at,
            f.duration_min, f.refundable, f.rating_tenths, f.review_count,
            coalesce(json_agg(json_build_object('cabin', c.cabin, 'priceMinor', c.price_minor,
              'seatsLeft', c.seats_total - c.seats_taken) ORDER BY c.price_minor) FILTER (WHERE c.cabin IS NOT NULL), '[]') AS cabins
     FROM flights f LEFT JOIN flight_cabins c ON c.flight_id = f.id
     WHERE f.id = $1 AND f.status = 'active' GROUP BY f.id`,
    [id],
  );
  return rows[0];
}

export async function findHotel(db: Queryable, id: string, stay?: { checkIn: string; checkOut: string }) {
  if (!isId(id)) return undefined;
  const { rows } = await db.query<{
    id: number;
    name: string;
    city_code: string;
    city: string;
    country: string;
    address: string;
    neighborhood: string;
    latitude: number;
    longitude: number;
    stars: number;
    rating_tenths: number;
    review_count: number;
    amenities: string[];
    policies: Record<string, unknown>;
    description: string;
    rooms: { id: number; name: string; capacity: number; units: number; nightlyPriceMinor: number; roomsLeft: number | null }[];
  }>(
    `SELECT h.id, h.name, h.city_code, h.city, h.country, h.address, h.neighborhood, h.latitude, h.longitude, h.stars,
            h.rating_tenths, h.review_count, h.amenities, h.policies, h.description,
            coalesce((SELECT json_agg(json_build_object('id', rt.id, 'name', rt.name, 'capacity', rt.capacity,
                'units', rt.units, 'nightlyPriceMinor', rt.nightly_price_minor,
                'roomsLeft', CASE WHEN $2::date IS NULL THEN NULL ELSE rt.units - coalesce((
                   SELECT max(taken) FROM room_nights rn
                   WHERE rn.room_type_id = rt.id AND rn.night >= $2::date AND rn.night < $3::date), 0) END)
              ORDER BY rt.nightly_price_minor)
             FROM room_types rt WHERE rt.hotel_id = h.id), '[]') AS rooms
     FROM hotels h WHERE h.id = $1 AND h.status = 'active'`,
    [id, stay?.checkIn ?? null, stay?.checkOut ?? null],
  );
  return rows[0];
}

export async function findCar(db: Queryable, id: string) {
  if (!isId(id)) return undefined;
  const { rows } = await db.query<{
    id: number;
    company: string;
    location_code: string;
    city: string;
    car_class: string;
    model: string;
    year: number;
    transmission: string;
    seats: number;
    units: number;
    daily_price_minor: number;
    policies: Record<string, unknown>;
    rating_tenths: number | null;
    review_count: number;
  }>(
    `SELECT id, company, location_code, city, car_class, model, year, transmission, seats, units, daily_price_minor, policies,
            rating_tenths, review_count
     FROM cars WHERE id = $1 AND status = 'active'`,
    [id],
  );
  return rows[0];
}

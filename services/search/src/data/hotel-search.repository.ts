import type { HotelFacets, HotelPolicies } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';

export type HotelSort = 'price' | 'rating' | 'stars' | 'distance';

export interface HotelCriteria {
  cityCode?: string | undefined;
  /** Distances are measured from here: the given point, or the centre of the city's hotels. */
  near?: { latitude: number; longitude: number; radiusKm?: number | undefined } | undefined;
  checkIn: string;
  checkOut: string;
  guests: number;
  rooms: number;
  minNightly?: number | undefined;
  maxNightly?: number | undefined;
  stars?: number[] | undefined;
  minRatingTenths?: number | undefined;
  amenities?: string[] | undefined;
  neighborhood?: string | undefined;
  freeCancellation?: boolean | undefined;
  sort: HotelSort;
  limit: number;
  after?: { key: number; id: number } | undefined;
}

export interface HotelRow {
  id: number;
  name: string;
  city_code: string;
  city: string;
  address: string;
  neighborhood: string;
  latitude: number;
  longitude: number;
  stars: number;
  rating_tenths: number;
  review_count: number;
  amenities: string[];
  policies: HotelPolicies;
  nightly_minor: number;
  rooms_left: number;
  distance_km: number;
  total: number;
}

const DISTANCE = `2 * 6371 * asin(sqrt(power(sin(radians(h.latitude - $7) / 2), 2)
  + cos(radians($7)) * cos(radians(h.latitude)) * power(sin(radians(h.longitude - $8) / 2), 2)))`;

/**
 * The hotels of the city (or within the radius) that have, for this party, a room type free on EVERY night of the
 * stay, each with the cheapest such room's nightly price. Only the candidates' rooms and nights are read: each
 * hotel's room types, and each room type's nights, are looked up by index (an aggregate in a LATERAL subquery is
 * never flattened into a join, so the planner cannot trade the lookups for a scan of every room in the world).
 * Only the columns that filters, sorts and facets need are carried; the page's rows get the rest at the end.
 */
function matchedHotels(c: HotelCriteria): string {
  // Both branches name every parameter: PostgreSQL refuses a statement with a parameter it never sees.
  const place = c.cityCode
    ? `h.city_code = $1 AND $6::float8 > 0`
    : `$1::text IS NULL AND h.latitude BETWEEN $7 - $6 / 111.0 AND $7 + $6 / 111.0 AND ${DISTANCE} <= $6`;
  return `
    candidates AS (
      SELECT h.id, h.neighborhood, h.stars, h.rating_tenths, h.amenities, ${DISTANCE} AS distance_km
      FROM hotels h WHERE h.status = 'active' AND ${place}),
    matched AS (
      SELECT c.*, a.nightly_minor, a.rooms_left FROM candidates c
      CROSS JOIN LATERAL (
        SELECT min(rt.nightly_price_minor) AS nightly_minor, max(rt.units - coalesce(t.taken, 0)) AS rooms_left
        FROM room_types rt
        CROSS JOIN LATERAL (
          SELECT max(rn.taken) AS taken FROM room_nights rn
          WHERE rn.room_type_id = rt.id AND rn.night >= $2::date AND rn.night < $3::date) t
        WHERE rt.hotel_id = c.id AND rt.capacity * $5 >= $4 AND rt.units - coalesce(t.taken, 0) >= $5) a
      WHERE a.nightly_minor IS NOT NULL)`;
}

function baseParams(c: HotelCriteria, center: { latitude: number; longitude: number }): unknown[] {
  return [c.cityCode ?? null, c.checkIn, c.checkOut, c.guests, c.rooms, c.near?.radiusKm ?? 1_000, center.latitude, center.longitude];
}

/** The middle of a city's hotels: where "distance" is measured from when no point is given. */
export async function cityCenter(db: Queryable, cityCode: string): Promise<{ latitude: number; longitude: number } | undefined> {
  const { rows } = await db.query<{ latitude: number | null; longitude: number | null }>(
    `SELECT avg(latitude) AS latitude, avg(longitude) AS longitude FROM hotels WHERE city_code = $1 AND status = 'active'`,
    [cityCode],
  );
  const row = rows[0];
  return row && row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : undefined;
}

const SORT: Record<HotelSort, { key: string; direction: 'ASC' | 'DESC' }> = {
  price: { key: 'nightly_minor', direction: 'ASC' },
  rating: { key: 'rating_tenths', direction: 'DESC' },
  stars: { key: 'stars', direction: 'DESC' },
  distance: { key: 'distance_km', direction: 'ASC' },
};

export interface HotelPage {
  rows: HotelRow[];
  facets: HotelFacets;
}

/**
 * One page of hotels matching every filter, in the requested order, with the total count, and the facets of the
 * hotels with rooms free before filters: both from one statement, so the availability of every hotel in the city
 * (the costly part) is worked out once.
 */
export async function searchHotelPage(
  db: Queryable,
  c: HotelCriteria,
  center: { latitude: number; longitude: number },
): Promise<HotelPage> {
  const params = baseParams(c, center);
  const where: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (c.minNightly !== undefined) add((p) => `nightly_minor >= ${p}`, c.minNightly);
  if (c.maxNightly !== undefined) add((p) => `nightly_minor <= ${p}`, c.maxNightly);
  if (c.stars?.length) add((p) => `stars = ANY(${p}::smallint[])`, c.stars);
  if (c.minRatingTenths !== undefined) add((p) => `rating_tenths >= ${p}`, c.minRatingTenths);
  if (c.amenities?.length) add((p) => `amenities @> ${p}::text[]`, c.amenities);
  if (c.neighborhood) add((p) => `lower(neighborhood) = lower(${p})`, c.neighborhood);
  if (c.freeCancellation !== undefined) {
    add((p) => `('free_cancellation' = ANY(amenities)) = ${p}`, c.freeCancellation);
  }
  const { key, direction } = SORT[c.sort];
  let page = '';
  if (c.after) {
    params.push(c.after.key, c.after.id);
    const op = direction === 'ASC' ? '>' : '<';
    // Descending sorts page on (key DESC, id ASC): past the last key, or the same key and a higher id.
    page = `WHERE ${key} ${op} $${params.length - 1} OR (${key} = $${params.length - 1} AND id > $${params.length})`;
  }
  params.push(c.limit + 1);
  const { rows } = await db.query<HotelPage>(
    `WITH ${matchedHotels(c)},
     inside AS MATERIALIZED (SELECT * FROM matched),
     filtered AS (SELECT *, count(*) OVER () AS total FROM inside ${where.length ? `WHERE ${where.join(' AND ')}` : ''}),
     page AS (SELECT * FROM filtered ${page} ORDER BY ${key} ${direction}, id LIMIT $${params.length})
     SELECT
       coalesce((SELECT json_agg(r ORDER BY r.${key} ${direction}, r.id) FROM (
          SELECT p.id, h.name, h.city_code, h.city, h.address, p.neighborhood, h.latitude, h.longitude, p.stars,
                 p.rating_tenths, h.review_count, p.amenities, h.policies, p.distance_km, p.nightly_minor, p.rooms_left,
                 p.total
          FROM page p JOIN hotels h ON h.id = p.id) r), '[]') AS rows,
       json_build_object(
         'stars', coalesce((SELECT json_agg(s ORDER BY s.stars DESC) FROM (
            SELECT stars, count(*)::int AS count, min(nightly_minor)::bigint AS "minNightly" FROM inside GROUP BY stars) s), '[]'),
         'amenities', coalesce((SELECT json_agg(a ORDER BY a.count DESC, a.amenity) FROM (
            SELECT unnest(amenities) AS amenity, count(*)::int AS count FROM inside GROUP BY 1) a), '[]'),
         'neighborhoods', coalesce((SELECT json_agg(n ORDER BY n.count DESC, n.neighborhood) FROM (
            SELECT neighborhood, count(*)::int AS count FROM inside GROUP BY 1) n), '[]'),
         'nightly', (SELECT json_build_object('min', min(nightly_minor), 'max', max(nightly_minor)) FROM inside)
       ) AS facets`,
    params,
  );
  return rows[0]!;
}

// The search use case asks for the page and for the facets at the same moment; while one statement is answering
// a question, the same question (same criteria, same centre, same database) waits for that answer instead of
// running it again. Nothing is kept once it is answered.
const inFlight = new WeakMap<Queryable, Map<string, Promise<HotelPage>>>();

function sharedHotelPage(
  db: Queryable,
  c: HotelCriteria,
  center: { latitude: number; longitude: number },
): Promise<HotelPage> {
  let pending = inFlight.get(db);
  if (!pending) {
    pending = new Map<string, Promise<HotelPage>>();
    inFlight.set(db, pending);
  }
  const key = JSON.stringify([c, center]);
  const running = pending.get(key);
  if (running) return running;
  const answer = searchHotelPage(db, c, center).finally(() => pending.delete(key));
  pending.set(key, answer);
  return answer;
}

/** One page of hotels matching every filter, in the requested order, with the total count. */
export async function searchHotelRows(
  db: Queryable,
  c: HotelCriteria,
  center: { latitude: number; longitude: number },
): Promise<HotelRow[]> {
  return (await sharedHotelPage(db, c, center)).rows;
}

/** Stars, amenities, neighbourhoods and prices among the hotels with rooms free, before filters. */
export async function hotelFacets(
  db: Queryable,
  c: HotelCriteria,
  center: { latitude: number; longitude: number },
): Promise<HotelFacets> {
  return (await sharedHotelPage(db, c, center)).facets;
}

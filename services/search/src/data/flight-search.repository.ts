import type { Queryable } from '@tripwise/platform/db';
import type { Cabin, FlightFacets } from '@tripwise/contracts';

export type FlightSort = 'best' | 'price' | 'duration' | 'departure';

export interface FlightCriteria {
  origins: string[];
  destinations: string[];
  date: string;
  cabin: Cabin;
  passengers: number;
  /** Local clocks: departures in the origin's zone, arrivals in the destination's. */
  originTimeZone: string;
  destinationTimeZone: string;
  maxPricePerPerson?: number | undefined;
  maxStops?: number | undefined;
  airlines?: string[] | undefined;
  departAfter?: string | undefined;
  departBefore?: string | undefined;
  arriveAfter?: string | undefined;
  arriveBefore?: string | undefined;
  maxDurationMin?: number | undefined;
  refundable?: boolean | undefined;
  sort: FlightSort;
  limit: number;
  after?: { key: number | string; id: number } | undefined;
}

export interface FlightRow {
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
  price_minor: number;
  seats_left: number;
  depart_local: string;
  arrive_local: string;
  best: number;
  total: number;
}

// Cabin seats still free for this party, on this day, on this route: the set every filter and facet starts from.
// The codes are compared as char(3), the columns' own type: compared as text, no index on them could be used.
const BASE = `
  SELECT f.id, f.airline, f.flight_number, f.origin, f.destination, f.via, f.stops, f.depart_at, f.arrive_at,
         f.duration_min, f.refundable, c.price_minor, c.seats_total - c.seats_taken AS seats_left,
         timezone($5, f.depart_at)::time AS depart_local, timezone($6, f.arrive_at)::time AS arrive_local
  FROM flights f JOIN flight_cabins c ON c.flight_id = f.id AND c.cabin = $4
  WHERE f.origin = ANY($1::bpchar[]) AND f.destination = ANY($2::bpchar[]) AND f.depart_date = $3::date
    AND f.status = 'active' AND c.seats_total - c.seats_taken >= $7`;

const SORT_KEY: Record<FlightSort, string> = {
  best: 'best',
  price: 'price_minor',
  duration: 'duration_min',
  departure: 'depart_at',
};

function baseParams(c: FlightCriteria): unknown[] {
  return [c.origins, c.destinations, c.date, c.cabin, c.originTimeZone, c.destinationTimeZone, c.passengers];
}

/** One page of flights matching every filter, in the requested order, with the total count. */
export async function searchFlightRows(db: Queryable, c: FlightCriteria): Promise<FlightRow[]> {
  const params = baseParams(c);
  const where: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (c.maxPricePerPerson !== undefined) add((p) => `price_minor <= ${p}`, c.maxPricePerPerson);
  if (c.maxStops !== undefined) add((p) => `stops <= ${p}`, c.maxStops);
  if (c.airlines?.length) add((p) => `airline = ANY(${p}::text[])`, c.airlines);
  if (c.departAfter) add((p) => `depart_local >= ${p}::time`, c.departAfter);
  if (c.departBefore) add((p) => `depart_local <= ${p}::time`, c.departBefore);
  if (c.arriveAfter) add((p) => `arrive_local >= ${p}::time`, c.arriveAfter);
  if (c.arriveBefore) add((p) => `arrive_local <= ${p}::time`, c.arriveBefore);
  if (c.maxDurationMin !== undefined) add((p) => `duration_min <= ${p}`, c.maxDurationMin);
  if (c.refundable !== undefined) add((p) => `refundable = ${p}`, c.refundable);
  const key = SORT_KEY[c.sort];
  let page = '';
  if (c.after) {
    params.push(c.after.key, c.after.id);
    const cast = c.sort === 'departure' ? '::timestamptz' : c.sort === 'best' ? '::float8' : '::bigint';
    page = `WHERE (${key}, id) > ($${params.length - 1}${cast}, $${params.length}::bigint)`;
  }
  params.push(c.limit + 1);
  const { rows } = await db.query<FlightRow>(
    `WITH filtered AS (SELECT * FROM (${BASE}) base ${where.length ? `WHERE ${where.join(' AND ')}` : ''}),
     scored AS (
       SELECT *, price_minor::float8 / min(price_minor) OVER () + 0.6 * duration_min::float8 / min(duration_min) OVER ()
                 + 0.25 * stops AS best,
              count(*) OVER () AS total
       FROM filtered)
     SELECT * FROM scored ${page} ORDER BY ${key}, id LIMIT $${params.length}`,
    params,
  );
  return rows;
}

/** What the day offers on this route before filters: airlines, stops, times of day, price range. */
export async function flightFacets(db: Queryable, c: FlightCriteria): Promise<FlightFacets> {
  const { rows } = await db.query<{ facets: FlightFacets }>(
    `WITH base AS (${BASE})
     SELECT json_build_object(
       'airlines', coalesce((SELECT json_agg(a ORDER BY a."minPrice", a.code) FROM (
          SELECT airline AS code, count(*)::int AS count, min(price_minor)::bigint AS "minPrice" FROM base GROUP BY airline) a), '[]'),
       'stops', coalesce((SELECT json_agg(s ORDER BY s.stops) FROM (
          SELECT stops, count(*)::int AS count, min(price_minor)::bigint AS "minPrice" FROM base GROUP BY stops) s), '[]'),
       'timesOfDay', coalesce((SELECT json_agg(t ORDER BY array_position(ARRAY['night', 'morning', 'afternoon', 'evening'], t.bucket)) FROM (
          SELECT CASE WHEN depart_local < '06:00' THEN 'night' WHEN depart_local < '12:00' THEN 'morning'
                      WHEN depart_local < '18:00' THEN 'afternoon' ELSE 'evening' END AS bucket, count(*)::int AS count
          FROM base GROUP BY 1) t), '[]'),
       'price', (SELECT json_build_object('min', min(price_minor), 'max', max(price_minor)) FROM base)
     ) AS facets`,
    baseParams(c),
  );
  return rows[0]!.facets;
}

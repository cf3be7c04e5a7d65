import type { Queryable } from '@tripwise/platform/db';
import type { FlightLegSource, Leg, LegWanted } from './leg.ts';

// Active flights with the cabin and enough seats in it, on the days asked for. The codes are compared as char(3),
// the columns' own type: compared as text, no index on them could be used. Each of the three questions has its index
// (route and day; origin and day; destination and day).
const LEGS = (where: string) => `
  SELECT f.id::float8 AS id, f.airline::text AS airline, f.flight_number AS "flightNumber", f.origin::text AS origin,
         f.destination::text AS destination,
         f.depart_date::text AS "departDate", extract(epoch FROM f.depart_at) * 1000 AS "departMs",
         extract(epoch FROM f.arrive_at) * 1000 AS "arriveMs", f.duration_min AS "durationMin", f.refundable,
         c.price_minor::float8 AS fare, c.seats_total - c.seats_taken AS "seatsLeft", f.stops, f.via::text AS via
  FROM flights f JOIN flight_cabins c ON c.flight_id = f.id AND c.cabin = $1
  WHERE ${where} AND f.depart_date = ANY($2::date[]) AND f.status = 'active' AND c.seats_total - c.seats_taken >= $3`;

/** Legs read from the database for every search (the cache off). */
export function sqlLegSource(db: Queryable): FlightLegSource {
  const read = async (where: string, dates: readonly string[], w: LegWanted, ...codes: (readonly string[])[]) => {
    if (codes.some((list) => list.length === 0) || dates.length === 0) return [];
    const { rows } = await db.query<Leg>(LEGS(where), [w.cabin, dates, w.passengers, ...codes]);
    return rows.map((r) => ({ ...r, departMs: Number(r.departMs), arriveMs: Number(r.arriveMs) }));
  };
  return {
    between: (origins, destinations, dates, w) =>
      read(`f.origin = ANY($4::bpchar[]) AND f.destination = ANY($5::bpchar[])`, dates, w, origins, destinations),
    from: (origins, dates, w) => read(`f.origin = ANY($4::bpchar[])`, dates, w, origins),
    to: (destinations, dates, w) => read(`f.destination = ANY($4::bpchar[])`, dates, w, destinations),
  };
}

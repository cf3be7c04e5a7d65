import type { Queryable } from '@tripwise/platform/db';

/** A cabin as [cabin, fare in minor units, seats left]. */
export type DayCabinTuple = [cabin: string, fare: number, seatsLeft: number];

/**
 * A flight as [id, airline, flight number, origin, destination, via, stops, departure and arrival in ms since the
 * epoch, duration in minutes, refundable, cabins].
 */
export type DayFlightTuple = [
  id: number,
  airline: string,
  flightNumber: string,
  origin: string,
  destination: string,
  via: string | null,
  stops: number,
  departMs: number,
  arriveMs: number,
  durationMin: number,
  refundable: boolean,
  cabins: DayCabinTuple[] | null,
];

/**
 * Every active flight departing on a day (by the origin's calendar), by id, with its cabins' fares and seats: one
 * statement (the day's index, then each flight's cabins by key), answered as one JSON text, which parses many
 * times faster than thousands of rows of typed columns would.
 */
export async function loadDayFlights(db: Queryable, date: string): Promise<DayFlightTuple[]> {
  const { rows } = await db.query<{ flights: string }>(
    `SELECT coalesce(json_agg(json_build_array(
              f.id, f.airline, f.flight_number, f.origin, f.destination, f.via, f.stops,
              extract(epoch FROM f.depart_at) * 1000, extract(epoch FROM f.arrive_at) * 1000, f.duration_min,
              f.refundable,
              (SELECT json_agg(json_build_array(c.cabin, c.price_minor, c.seats_total - c.seats_taken))
               FROM flight_cabins c WHERE c.flight_id = f.id)
            ) ORDER BY f.id), '[]')::text AS flights
     FROM flights f WHERE f.depart_date = $1::date AND f.status = 'active'`,
    [date],
  );
  return JSON.parse(rows[0]!.flights) as DayFlightTuple[];
}

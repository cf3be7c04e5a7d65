import type { Queryable } from '@tripwise/platform/db';

export interface DayFlightRow {
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
}

export interface DayCabinRow {
  flight_id: number;
  cabin: string;
  price_minor: number;
  seats_left: number;
}

const DAY_FLIGHT_IDS = `ARRAY(SELECT id FROM flights WHERE depart_date = $1::date AND status = 'active')`;

/** Every active flight departing on a day (by the origin's calendar), by id, and their cabins' fares and seats. */
export async function loadDayFlights(
  db: Queryable,
  date: string,
): Promise<{ flights: DayFlightRow[]; cabins: DayCabinRow[] }> {
  const [flights, cabins] = await Promise.all([
    db.query<DayFlightRow>(
      `SELECT id, airline::text AS airline, flight_number, origin::text AS origin, destination::text AS destination,
              via::text AS via, stops, depart_at, arrive_at, duration_min, refundable
       FROM flights WHERE depart_date = $1::date AND status = 'active' ORDER BY id`,
      [date],
    ),
    db.query<DayCabinRow>(
      `SELECT flight_id, cabin, price_minor, seats_total - seats_taken AS seats_left
       FROM flight_cabins WHERE flight_id = ANY(${DAY_FLIGHT_IDS})`,
      [date],
    ),
  ]);
  return { flights: flights.rows, cabins: cabins.rows };
}

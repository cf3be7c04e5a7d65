import type { FlightFacets, TimeOfDay } from '@tripwise/contracts';
import { wallClockIn } from '@tripwise/travel-data';
import type { DayCabinRow, DayFlightRow } from '../../data/day-flights.repository.ts';
import type { FlightCriteria, FlightRow, FlightSort } from '../../data/flight-search.repository.ts';

const CABINS = ['economy', 'premium_economy', 'business', 'first'] as const;

/**
 * A day's flights as a search sees them, held in memory (see held-scopes.ts for when it is read again): the rows,
 * the flights of each route, and each flight's fare and seats left per cabin (cabin c of flight i at i * 4 + c;
 * no fare: no such cabin).
 */
export interface DayFlights {
  flights: DayFlightRow[];
  byRoute: Map<string, number[]>;
  fare: Float64Array;
  seatsLeft: Float64Array;
  /** Wall-clock times already worked out, by flight, time zone and end ("d" departure, "a" arrival). */
  localTimes: Map<string, string>;
}

export function dayFlightsFrom(rows: { flights: DayFlightRow[]; cabins: DayCabinRow[] }): DayFlights {
  const indexOf = new Map<number, number>();
  const byRoute = new Map<string, number[]>();
  rows.flights.forEach((f, i) => {
    indexOf.set(Number(f.id), i);
    const route = f.origin + f.destination;
    const list = byRoute.get(route);
    if (list) list.push(i);
    else byRoute.set(route, [i]);
  });
  const fare = new Float64Array(rows.flights.length * CABINS.length);
  const seatsLeft = new Float64Array(rows.flights.length * CABINS.length);
  for (const c of rows.cabins) {
    const i = indexOf.get(Number(c.flight_id));
    const cabin = CABINS.indexOf(c.cabin as (typeof CABINS)[number]);
    // A cabin of a flight added after the flights were read, or of an unknown class, is left out.
    if (i === undefined || cabin < 0) continue;
    fare[i * CABINS.length + cabin] = Number(c.price_minor);
    seatsLeft[i * CABINS.length + cabin] = c.seats_left;
  }
  return { flights: rows.flights, byRoute, fare, seatsLeft, localTimes: new Map() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:MM:SS` on the zone's clocks, as the database's `timezone(zone, at)::time` reads. */
function clockTime(day: DayFlights, i: number, end: 'd' | 'a', timeZone: string): string {
  const key = `${i}${end}${timeZone}`;
  let time = day.localTimes.get(key);
  if (time === undefined) {
    const f = day.flights[i]!;
    const clock = wallClockIn(timeZone, end === 'd' ? f.depart_at : f.arrive_at);
    time = `${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
    day.localTimes.set(key, time);
  }
  return time;
}

/** A filter's `HH:MM` compared as the database compares times: to the second. */
const asClock = (time: string) => (time.length === 5 ? `${time}:00` : time);

/** The flights of the route this day with the cabin's seats free for the party: where filters and facets start. */
function base(day: DayFlights, c: FlightCriteria): Omit<FlightRow, 'best' | 'total'>[] {
  const cabin = CABINS.indexOf(c.cabin);
  const rows: Omit<FlightRow, 'best' | 'total'>[] = [];
  for (const origin of c.origins) {
    for (const destination of c.destinations) {
      for (const i of day.byRoute.get(origin + destination) ?? []) {
        const slot = i * CABINS.length + cabin;
        if (!day.fare[slot] || day.seatsLeft[slot]! < c.passengers) continue;
        const f = day.flights[i]!;
        rows.push({
          ...f,
          id: Number(f.id),
          price_minor: day.fare[slot],
          seats_left: day.seatsLeft[slot]!,
          depart_local: clockTime(day, i, 'd', c.originTimeZone),
          arrive_local: clockTime(day, i, 'a', c.destinationTimeZone),
        });
      }
    }
  }
  return rows;
}

const SORT_KEY: Record<FlightSort, (row: FlightRow) => number> = {
  best: (r) => r.best,
  price: (r) => r.price_minor,
  duration: (r) => r.duration_min,
  departure: (r) => r.depart_at.getTime(),
};

/** The same page as searchFlightRows (flight-search.repository.ts), from a day held in memory. */
export function dayFlightRows(day: DayFlights, c: FlightCriteria): FlightRow[] {
  const airlines = c.airlines?.length ? new Set(c.airlines) : undefined;
  const filtered = base(day, c).filter(
    (r) =>
      (c.maxPricePerPerson === undefined || r.price_minor <= c.maxPricePerPerson) &&
      (c.maxStops === undefined || r.stops <= c.maxStops) &&
      (!airlines || airlines.has(r.airline)) &&
      (!c.departAfter || r.depart_local >= asClock(c.departAfter)) &&
      (!c.departBefore || r.depart_local <= asClock(c.departBefore)) &&
      (!c.arriveAfter || r.arrive_local >= asClock(c.arriveAfter)) &&
      (!c.arriveBefore || r.arrive_local <= asClock(c.arriveBefore)) &&
      (c.maxDurationMin === undefined || r.duration_min <= c.maxDurationMin) &&
      (c.refundable === undefined || r.refundable === c.refundable),
  );
  const minPrice = Math.min(...filtered.map((r) => r.price_minor));
  const minDuration = Math.min(...filtered.map((r) => r.duration_min));
  const total = filtered.length;
  const scored = filtered.map((r): FlightRow => ({
    ...r,
    best: r.price_minor / minPrice + (0.6 * r.duration_min) / minDuration + 0.25 * r.stops,
    total,
  }));
  const key = SORT_KEY[c.sort];
  const after = c.after && {
    key: c.sort === 'departure' ? Date.parse(String(c.after.key)) : Number(c.after.key),
    id: c.after.id,
  };
  return scored
    .filter((r) => !after || key(r) > after.key || (key(r) === after.key && r.id > after.id))
    .sort((x, y) => key(x) - key(y) || x.id - y.id)
    .slice(0, c.limit + 1);
}

const BUCKETS: TimeOfDay[] = ['night', 'morning', 'afternoon', 'evening'];
const bucketOf = (time: string): TimeOfDay =>
  time < '06:00' ? 'night' : time < '12:00' ? 'morning' : time < '18:00' ? 'afternoon' : 'evening';

/** The same facets as flightFacets (flight-search.repository.ts), from a day held in memory. */
export function dayFlightFacets(day: DayFlights, c: FlightCriteria): FlightFacets {
  const rows = base(day, c);
  const group = <K>(keyOf: (r: (typeof rows)[number]) => K) => {
    const groups = new Map<K, { count: number; minPrice: number }>();
    for (const r of rows) {
      const g = groups.get(keyOf(r));
      if (g) {
        g.count++;
        g.minPrice = Math.min(g.minPrice, r.price_minor);
      } else groups.set(keyOf(r), { count: 1, minPrice: r.price_minor });
    }
    return [...groups];
  };
  const prices = rows.map((r) => r.price_minor);
  return {
    airlines: group((r) => r.airline)
      .map(([code, g]) => ({ code, ...g }))
      .sort((x, y) => x.minPrice - y.minPrice || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0)),
    stops: group((r) => r.stops)
      .map(([stops, g]) => ({ stops, ...g }))
      .sort((x, y) => x.stops - y.stops),
    timesOfDay: group((r) => bucketOf(r.depart_local))
      .map(([bucket, g]) => ({ bucket, count: g.count }))
      .sort((x, y) => BUCKETS.indexOf(x.bucket) - BUCKETS.indexOf(y.bucket)),
    price: rows.length ? { min: Math.min(...prices), max: Math.max(...prices) } : { min: null, max: null },
  };
}

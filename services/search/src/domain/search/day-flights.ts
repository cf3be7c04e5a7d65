import type { FlightFacets, TimeOfDay } from '@tripwise/contracts';
import type { DayFlightTuple } from '../../data/day-flights.repository.ts';
import type { FlightCriteria, FlightRow, FlightSort } from '../../data/flight-search.repository.ts';
import { codePointOrder, countAndLeast, rangeOf } from './facet-groups.ts';
import { localTime } from './places.rules.ts';

const CABINS = ['economy', 'premium_economy', 'business', 'first'] as const;

/**
 * A day's flights as a search sees them, held in memory (see held-scopes.ts for when it is read again): columns
 * rather than an object per flight (a few dozen objects per day instead of tens of thousands, little for the
 * garbage collector to walk), the flights of each route, and each flight's fare and seats left per cabin (cabin c
 * of flight i at i * 4 + c; no fare: no such cabin).
 */
export interface DayFlights {
  count: number;
  id: Float64Array;
  airline: string[];
  flightNumber: string[];
  origin: string[];
  destination: string[];
  via: (string | null)[];
  stops: Uint8Array;
  departMs: Float64Array;
  arriveMs: Float64Array;
  durationMin: Float64Array;
  refundable: Uint8Array;
  byRoute: Map<string, number[]>;
  fare: Float64Array;
  seatsLeft: Float64Array;
}

export function dayFlightsFrom(flights: DayFlightTuple[]): DayFlights {
  const count = flights.length;
  // Codes repeat thousands of times a day: one string each.
  const codes = new Map<string, string>();
  const code = (value: string) => codes.get(value) ?? (codes.set(value, value), value);
  const day: DayFlights = {
    count,
    id: new Float64Array(count),
    airline: new Array<string>(count),
    flightNumber: new Array<string>(count),
    origin: new Array<string>(count),
    destination: new Array<string>(count),
    via: new Array<string | null>(count),
    stops: new Uint8Array(count),
    departMs: new Float64Array(count),
    arriveMs: new Float64Array(count),
    durationMin: new Float64Array(count),
    refundable: new Uint8Array(count),
    byRoute: new Map(),
    fare: new Float64Array(count * CABINS.length),
    seatsLeft: new Float64Array(count * CABINS.length),
  };
  flights.forEach((f, i) => {
    const [id, airline, flightNumber, origin, destination, via, stops, departMs, arriveMs, durationMin, refundable] = f;
    day.id[i] = id;
    day.airline[i] = code(airline);
    day.flightNumber[i] = flightNumber;
    day.origin[i] = code(origin);
    day.destination[i] = code(destination);
    day.via[i] = via === null ? null : code(via);
    day.stops[i] = stops;
    day.departMs[i] = departMs;
    day.arriveMs[i] = arriveMs;
    day.durationMin[i] = durationMin;
    day.refundable[i] = refundable ? 1 : 0;
    const route = origin + destination;
    const list = day.byRoute.get(route);
    if (list) list.push(i);
    else day.byRoute.set(route, [i]);
    for (const [cabin, fare, seatsLeft] of f[11] ?? []) {
      const c = CABINS.indexOf(cabin as (typeof CABINS)[number]);
      if (c < 0) continue;
      day.fare[i * CABINS.length + c] = fare;
      day.seatsLeft[i * CABINS.length + c] = seatsLeft;
    }
  });
  return day;
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
        rows.push({
          id: day.id[i]!,
          airline: day.airline[i]!,
          flight_number: day.flightNumber[i]!,
          origin: day.origin[i]!,
          destination: day.destination[i]!,
          via: day.via[i]!,
          stops: day.stops[i]!,
          depart_at: new Date(day.departMs[i]!),
          arrive_at: new Date(day.arriveMs[i]!),
          duration_min: day.durationMin[i]!,
          refundable: day.refundable[i] === 1,
          price_minor: day.fare[slot],
          seats_left: day.seatsLeft[slot]!,
          depart_local: localTime(day.departMs[i]!, c.originTimeZone),
          arrive_local: localTime(day.arriveMs[i]!, c.destinationTimeZone),
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
  const price = (r: (typeof rows)[number]) => r.price_minor;
  return {
    airlines: countAndLeast(rows, (r) => r.airline, price)
      .map(({ key, count, least }) => ({ code: key, count, minPrice: least }))
      .sort((x, y) => x.minPrice - y.minPrice || codePointOrder(x.code, y.code)),
    stops: countAndLeast(rows, (r) => r.stops, price)
      .map(({ key, count, least }) => ({ stops: key, count, minPrice: least }))
      .sort((x, y) => x.stops - y.stops),
    timesOfDay: countAndLeast(rows, (r) => bucketOf(r.depart_local), price)
      .map(({ key, count }) => ({ bucket: key, count }))
      .sort((x, y) => BUCKETS.indexOf(x.bucket) - BUCKETS.indexOf(y.bucket)),
    price: rangeOf(rows.map(price)),
  };
}

import { CABINS } from '@tripwise/contracts';
import type { DayFlightTuple } from '../../data/day-flights.repository.ts';
import type { Leg, LegWanted } from './leg.ts';

/**
 * A day's flights as searches read them, kept in memory (see memory-scopes.ts for when it is read again): columns
 * rather than an object per flight (a few dozen objects per day instead of tens of thousands, little for the
 * garbage collector to walk), the flights of each route, origin and destination, and each flight's fare and seats
 * left per cabin (cabin c of flight i at i * 4 + c; no fare: no such cabin).
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
  byOrigin: Map<string, number[]>;
  byDestination: Map<string, number[]>;
  fare: Float64Array;
  seatsLeft: Float64Array;
}

function push(index: Map<string, number[]>, key: string, i: number): void {
  const list = index.get(key);
  if (list) list.push(i);
  else index.set(key, [i]);
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
    byOrigin: new Map(),
    byDestination: new Map(),
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
    push(day.byRoute, origin + destination, i);
    push(day.byOrigin, origin, i);
    push(day.byDestination, destination, i);
    for (const [cabin, fare, seatsLeft] of f[11] ?? []) {
      const c = CABINS.indexOf(cabin as (typeof CABINS)[number]);
      if (c < 0) continue;
      day.fare[i * CABINS.length + c] = fare;
      day.seatsLeft[i * CABINS.length + c] = seatsLeft;
    }
  });
  return day;
}

/** The flights at these indices that sell the cabin with seats for the party, as legs. */
export function legsAt(day: DayFlights, date: string, indices: Iterable<number>, w: LegWanted, out: Leg[]): void {
  const cabin = CABINS.indexOf(w.cabin);
  for (const i of indices) {
    const slot = i * CABINS.length + cabin;
    if (!day.fare[slot] || day.seatsLeft[slot]! < w.passengers) continue;
    out.push({
      id: day.id[i]!,
      airline: day.airline[i]!,
      flightNumber: day.flightNumber[i]!,
      origin: day.origin[i]!,
      destination: day.destination[i]!,
      departDate: date,
      departMs: day.departMs[i]!,
      arriveMs: day.arriveMs[i]!,
      durationMin: day.durationMin[i]!,
      refundable: day.refundable[i] === 1,
      fare: day.fare[slot],
      seatsLeft: day.seatsLeft[slot]!,
      stops: day.stops[i]!,
      via: day.via[i]!,
    });
  }
}

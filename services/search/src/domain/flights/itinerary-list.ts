import type { FlightFacets, TimeOfDay } from '@tripwise/contracts';
import { airportByCode } from '@tripwise/travel-data';
import { codePointOrder, countAndLeast, rangeOf } from '../search/facet-groups.ts';
import { localTime } from '../search/places.rules.ts';
import type { Itinerary } from './build-itineraries.ts';

export type FlightSort = 'best' | 'price' | 'duration' | 'departure';

/** The filters of one direction of a trip. Times are `HH:MM` on local clocks (departure at the origin, arrival at the destination). */
export interface ItineraryFilters {
  maxPrice?: number | undefined;
  maxStops?: number | undefined;
  airlines?: readonly string[] | undefined;
  via?: readonly string[] | undefined;
  maxLayoverMin?: number | undefined;
  separateTickets?: boolean | undefined;
  departAfter?: string | undefined;
  departBefore?: string | undefined;
  arriveAfter?: string | undefined;
  arriveBefore?: string | undefined;
  maxDurationMin?: number | undefined;
  refundable?: boolean | undefined;
}

const zoneOf = (code: string) => airportByCode(code)?.timeZone ?? 'UTC';
export const departClock = (it: Itinerary) => localTime(it.departMs, zoneOf(it.legs[0]!.origin)).slice(0, 5);
export const arriveClock = (it: Itinerary) =>
  localTime(it.arriveMs, zoneOf(it.legs[it.legs.length - 1]!.destination)).slice(0, 5);
export const airlinesOf = (it: Itinerary) => [...new Set(it.legs.map((l) => l.airline))];

export function matches(it: Itinerary, f: ItineraryFilters): boolean {
  if (f.maxPrice !== undefined && it.price > f.maxPrice) return false;
  if (f.maxStops !== undefined && it.stops > f.maxStops) return false;
  if (f.airlines?.length && !it.legs.every((l) => f.airlines!.includes(l.airline))) return false;
  if (f.via?.length && !it.layovers.every((l) => f.via!.includes(l.airport))) return false;
  if (f.maxLayoverMin !== undefined && it.layovers.some((l) => l.minutes > f.maxLayoverMin!)) return false;
  if (f.separateTickets === false && it.separateTickets) return false;
  if (f.maxDurationMin !== undefined && it.durationMin > f.maxDurationMin) return false;
  if (f.refundable !== undefined && it.refundable !== f.refundable) return false;
  if (f.departAfter || f.departBefore) {
    const at = departClock(it);
    if ((f.departAfter && at < f.departAfter) || (f.departBefore && at > f.departBefore)) return false;
  }
  if (f.arriveAfter || f.arriveBefore) {
    const at = arriveClock(it);
    if ((f.arriveAfter && at < f.arriveAfter) || (f.arriveBefore && at > f.arriveBefore)) return false;
  }
  return true;
}

/**
 * "Best" weighs price and time as KAYAK's does (documented in the README): the price relative to the cheapest, plus
 * 0.6 × the duration relative to the shortest, plus 0.25 a stop, 0.2 for separate tickets, 0.1 for a night at a
 * hub. Lower is better: the cheapest nonstop that is also the fastest scores 1.6.
 */
export function bestScores(list: readonly Itinerary[]): Map<string, number> {
  const minPrice = Math.min(...list.map((i) => i.price));
  const minDuration = Math.min(...list.map((i) => i.durationMin));
  return new Map(
    list.map((i) => [
      i.id,
      i.price / minPrice +
        (0.6 * i.durationMin) / minDuration +
        0.25 * i.stops +
        (i.separateTickets ? 0.2 : 0) +
        (i.overnight ? 0.1 : 0),
    ]),
  );
}

/** A sort key per itinerary for the sort asked for (smaller first); ties go by departure, then id. */
export function sortKeyOf(list: readonly Itinerary[], sort: FlightSort): (it: Itinerary) => number {
  if (sort === 'best') {
    const scores = bestScores(list);
    return (it) => scores.get(it.id)!;
  }
  if (sort === 'price') return (it) => it.price;
  if (sort === 'duration') return (it) => it.durationMin;
  return (it) => it.departMs;
}

export function sorted(list: readonly Itinerary[], sort: FlightSort): Itinerary[] {
  const key = sortKeyOf(list, sort);
  const keys = new Map(list.map((it) => [it.id, key(it)]));
  return [...list].sort(
    (x, y) => keys.get(x.id)! - keys.get(y.id)! || x.departMs - y.departMs || codePointOrder(x.id, y.id),
  );
}

const BUCKETS: TimeOfDay[] = ['night', 'morning', 'afternoon', 'evening'];
const bucketOf = (time: string): TimeOfDay =>
  time < '06:00' ? 'night' : time < '12:00' ? 'morning' : time < '18:00' ? 'afternoon' : 'evening';

/** What the itineraries offer before filters; `priceOf` is what is shown (a round trip's price, for outbounds). */
export function facetsOf(
  list: readonly Itinerary[],
  priceOf: (it: Itinerary) => number = (it) => it.price,
): FlightFacets {
  const perAirline = list.flatMap((it) => airlinesOf(it).map((airline) => ({ it, airline })));
  const perLayover = list.flatMap((it) =>
    [...new Set(it.layovers.map((l) => l.airport))].map((airport) => ({ it, airport })),
  );
  return {
    airlines: countAndLeast(
      perAirline,
      (r) => r.airline,
      (r) => priceOf(r.it),
    )
      .map(({ key, count, least }) => ({ code: key, count, minPrice: least }))
      .sort((x, y) => x.minPrice - y.minPrice || codePointOrder(x.code, y.code)),
    stops: countAndLeast([...list], (it) => it.stops, priceOf)
      .map(({ key, count, least }) => ({ stops: key, count, minPrice: least }))
      .sort((x, y) => x.stops - y.stops),
    timesOfDay: countAndLeast([...list], (it) => bucketOf(departClock(it)), priceOf)
      .map(({ key, count }) => ({ bucket: key, count }))
      .sort((x, y) => BUCKETS.indexOf(x.bucket) - BUCKETS.indexOf(y.bucket)),
    price: rangeOf(list.map(priceOf)),
    layoverAirports: countAndLeast(
      perLayover,
      (r) => r.airport,
      (r) => priceOf(r.it),
    )
      .map(({ key, count, least }) => ({ code: key, count, minPrice: least }))
      .sort((x, y) => y.count - x.count || codePointOrder(x.code, y.code)),
    durationMin: rangeOf(list.map((it) => it.durationMin)),
  };
}

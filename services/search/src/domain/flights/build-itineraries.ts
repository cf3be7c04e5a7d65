import { airportByCode } from '@tripwise/travel-data';
import type { Cabin } from '@tripwise/contracts';
import { localDate } from '../search/places.rules.ts';
import { canStopAt, connectionBetween, tripLimits, kmBetween, type Layover } from './connection.rules.ts';
import type { FlightLegSource, Leg } from './leg.ts';

/** One priced, bookable trip from origin to destination: a nonstop leg, or legs joined by sellable connections. */
export interface Itinerary {
  /** Its legs' ids joined by `-`: the same legs are the same itinerary (a nonstop's id is its flight's). */
  id: string;
  legs: Leg[];
  layovers: Layover[];
  departMs: number;
  arriveMs: number;
  /** From the first departure to the last arrival. */
  durationMin: number;
  stops: number;
  /** Per person: the legs' fares added up, in the cabin asked for. */
  price: number;
  seatsLeft: number;
  refundable: boolean;
  separateTickets: boolean;
  overnight: boolean;
}

export interface TripAsked {
  origins: readonly string[];
  destinations: readonly string[];
  /** The departure day, on the origin's calendar. */
  date: string;
  cabin: Cabin;
  passengers: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Two stops only on long trips abroad, and only while fewer options than this have one stop or none. */
const TWO_STOPS_FROM_KM = 5_000;
const TWO_STOPS_BELOW = 10;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/**
 * The days a connecting leg may leave on, by its own airport's calendar: the trip's day or the next (a search then
 * reads two days of flights, not four; a connection after a night flight still leaves the next day).
 */
export const connectingDays = (date: string) => [0, 1].map((d) => addDays(date, d));

const zoneOf = (code: string) => airportByCode(code)?.timeZone ?? 'UTC';
const localDay = (ms: number, airport: string) => localDate(new Date(ms), zoneOf(airport));

function itineraryOf(legs: Leg[], layovers: Layover[]): Itinerary {
  const first = legs[0]!;
  const last = legs[legs.length - 1]!;
  return {
    id: legs.map((l) => l.id).join('-'),
    legs,
    layovers,
    departMs: first.departMs,
    arriveMs: last.arriveMs,
    durationMin: Math.round((last.arriveMs - first.departMs) / MINUTE_MS),
    stops: legs.length - 1 + legs.reduce((sum, l) => sum + l.stops, 0),
    price: legs.reduce((sum, l) => sum + l.fare, 0),
    seatsLeft: Math.min(...legs.map((l) => l.seatsLeft)),
    refundable: legs.every((l) => l.refundable),
    separateTickets: layovers.some((l) => l.separateTickets),
    overnight: layovers.some((l) => l.overnight),
  };
}

/** Legs grouped by origin, each group in departure order: where a connection's next leg is looked up. */
function byOrigin(legs: readonly Leg[]): Map<string, Leg[]> {
  const groups = new Map<string, Leg[]>();
  for (const leg of legs) {
    const group = groups.get(leg.origin);
    if (group) group.push(leg);
    else groups.set(leg.origin, [leg]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.departMs - b.departMs || a.id - b.id);
  return groups;
}

/** The legs of a group leaving at or after `ms` (the group is in departure order). */
function leavingFrom(group: readonly Leg[], ms: number): Leg[] {
  let lo = 0;
  let hi = group.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (group[mid]!.departMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return group.slice(lo);
}

/** Joins `first` to each leg of `next` (in departure order) that makes a sellable connection within the limits. */
function* joined(
  path: { legs: Leg[]; layovers: Layover[] },
  next: readonly Leg[],
  origin: string,
): Generator<{ legs: Leg[]; layovers: Layover[] }> {
  const prev = path.legs[path.legs.length - 1]!;
  for (const leg of leavingFrom(next, prev.arriveMs + 30 * MINUTE_MS)) {
    const limits = tripLimits(origin, leg.destination);
    if (leg.departMs - prev.arriveMs > 12 * 60 * MINUTE_MS) break;
    const layover = connectionBetween(prev, leg, limits, localDay);
    if (!layover) continue;
    if (path.legs.some((l) => l.origin === leg.destination)) continue;
    const km = [...path.legs, leg].reduce((sum, l) => sum + kmBetween(l.origin, l.destination), 0);
    if (km > limits.maxKm) continue;
    if ((leg.arriveMs - path.legs[0]!.departMs) / MINUTE_MS > limits.maxMinutes) continue;
    yield { legs: [...path.legs, leg], layovers: [...path.layovers, layover] };
  }
}

/**
 * Every itinerary for the trip asked: the nonstops, the one-stop connections between a leg leaving the origin that
 * day and a leg reaching the destination, and on long trips abroad with few of those, two-stop ones through a
 * middle leg. Only connections connection.rules.ts allows; prices are per person in the cabin asked for.
 */
export async function findItineraries(source: FlightLegSource, trip: TripAsked): Promise<Itinerary[]> {
  const wanted = { cabin: trip.cabin, passengers: trip.passengers };
  const later = connectingDays(trip.date);
  const [nonstops, firsts, lasts] = await Promise.all([
    source.between(trip.origins, trip.destinations, [trip.date], wanted),
    source.from(trip.origins, [trip.date], wanted),
    source.to(trip.destinations, later, wanted),
  ]);
  const destinations = new Set(trip.destinations);
  const origins = new Set(trip.origins);
  const found = nonstops.map((leg) => itineraryOf([leg], []));
  const starts = firsts.filter(
    (f) =>
      !destinations.has(f.destination) &&
      trip.destinations.some((d) => canStopAt(f.destination, f.origin, d, tripLimits(f.origin, d))),
  );
  const ends = byOrigin(lasts.filter((l) => !origins.has(l.origin)));
  for (const first of starts) {
    for (const path of joined({ legs: [first], layovers: [] }, ends.get(first.destination) ?? [], first.origin)) {
      found.push(itineraryOf(path.legs, path.layovers));
    }
  }
  const longAbroad = trip.origins.some((o) =>
    trip.destinations.some((d) => tripLimits(o, d).international && tripLimits(o, d).directKm >= TWO_STOPS_FROM_KM),
  );
  if (longAbroad && found.length < TWO_STOPS_BELOW) {
    const middles = byOrigin(
      await source.between([...new Set(starts.map((f) => f.destination))], [...ends.keys()], later, wanted),
    );
    for (const first of starts) {
      for (const two of joined({ legs: [first], layovers: [] }, middles.get(first.destination) ?? [], first.origin)) {
        const stop = two.legs[1]!.destination;
        if (origins.has(stop) || destinations.has(stop)) continue;
        for (const path of joined(two, ends.get(stop) ?? [], first.origin)) {
          found.push(itineraryOf(path.legs, path.layovers));
        }
      }
    }
  }
  return found;
}

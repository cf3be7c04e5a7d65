import { airportByCode, greatCircleKm } from '@tripwise/travel-data';
import { blockMinutes, cityCodeOf, minimumConnectMinutes, sellsThrough } from '@tripwise/travel-data/network';
import type { Leg } from './leg.ts';

/*
 * What makes a connection one that a travel site should sell (documented in the README):
 * - at least the airport's minimum connecting time (domestic or international, see travel-data's
 *   connect-times.ts), and an hour more when the two flights are on separate tickets (bags are collected and
 *   checked in again);
 * - at most 6 hours between flights on a domestic trip, 12 abroad (a night at a hub on a long trip);
 * - no detour: the legs' distance at most 1.5 × the direct distance + 400 km (on short trips, up to 2,000 km: a
 *   hop through a nearby hub is what travel sites offer there), and the whole trip at most twice the nonstop
 *   flying time + 3 hours (and never 14 hours more than it; a short trip may take 6 hours);
 * - never back through the origin's or the destination's city;
 * - a later leg leaves on the trip's day or the next, by its own airport's calendar (build-itineraries.ts).
 */
export const MAX_LAYOVER_MIN = { domestic: 6 * 60, international: 12 * 60 };
export const SEPARATE_TICKETS_EXTRA_MIN = 60;
const DETOUR_FACTOR = 1.5;
const DETOUR_SLACK_KM = 400;
const SHORT_TRIP_MAX_KM = 2_000;
const SHORT_TRIP_MAX_MINUTES = 6 * 60;
/** A connection this much over the minimum is called short: tight but legal. */
const SHORT_MARGIN_MIN = 20;
const MINUTE_MS = 60_000;

const countryOf = (code: string) => airportByCode(code)?.country ?? code;

const kmCache = new Map<string, number>();
export function kmBetween(a: string, b: string): number {
  const key = a < b ? a + b : b + a;
  let km = kmCache.get(key);
  if (km === undefined) {
    const [x, y] = [airportByCode(a), airportByCode(b)];
    km = x && y ? greatCircleKm(x, y) : 0;
    kmCache.set(key, km);
  }
  return km;
}

/** The limits of one trip (origin to destination airports): what any itinerary between them must keep to. */
export interface TripLimits {
  international: boolean;
  maxKm: number;
  maxMinutes: number;
  directKm: number;
}

const limitsCache = new Map<string, TripLimits>();
export function tripLimits(origin: string, destination: string): TripLimits {
  const key = `${origin}-${destination}`;
  let limits = limitsCache.get(key);
  if (!limits) {
    const directKm = kmBetween(origin, destination);
    const [a, b] = [airportByCode(origin), airportByCode(destination)];
    const block = a && b ? blockMinutes(a, b, directKm) : 60;
    limits = {
      international: countryOf(origin) !== countryOf(destination),
      directKm,
      maxKm: Math.max(DETOUR_FACTOR * directKm + DETOUR_SLACK_KM, SHORT_TRIP_MAX_KM),
      maxMinutes: Math.max(Math.min(2 * block + 180, block + 14 * 60), SHORT_TRIP_MAX_MINUTES),
    };
    limitsCache.set(key, limits);
  }
  return limits;
}

export interface Layover {
  airport: string;
  minutes: number;
  /** The traveler spends the night at the airport's city (the flights are on different local days there). */
  overnight: boolean;
  /** Within 20 minutes of the minimum connecting time. */
  short: boolean;
  /** The two flights are sold on separate tickets. */
  separateTickets: boolean;
}

/** The minutes a connection from `first` to `next` must and may last, by the rules above. */
export function layoverLimits(
  first: Leg,
  next: Leg,
  limits: TripLimits,
): { minimum: number; maximum: number; separateTickets: boolean } {
  const international =
    countryOf(first.origin) !== countryOf(first.destination) || countryOf(next.origin) !== countryOf(next.destination);
  const separateTickets = !sellsThrough(first.airline, next.airline);
  const minimum =
    minimumConnectMinutes(next.origin, international) + (separateTickets ? SEPARATE_TICKETS_EXTRA_MIN : 0);
  const maximum = limits.international ? MAX_LAYOVER_MIN.international : MAX_LAYOVER_MIN.domestic;
  return { minimum, maximum, separateTickets };
}

/** The layover between two legs if it is one that may be sold (see above), else undefined. */
export function connectionBetween(
  first: Leg,
  next: Leg,
  limits: TripLimits,
  localDay: (ms: number, airport: string) => string,
): Layover | undefined {
  if (first.destination !== next.origin) return undefined;
  const minutes = (next.departMs - first.arriveMs) / MINUTE_MS;
  const { minimum, maximum, separateTickets } = layoverLimits(first, next, limits);
  if (minutes < minimum || minutes > maximum) return undefined;
  return {
    airport: next.origin,
    minutes,
    overnight: localDay(first.arriveMs, next.origin) !== localDay(next.departMs, next.origin),
    short: minutes < minimum + SHORT_MARGIN_MIN,
    separateTickets,
  };
}

/** Whether a leg may be a stop on the way: not back to the origin's or destination's city, not a detour alone. */
export function canStopAt(airport: string, origin: string, destination: string, limits: TripLimits): boolean {
  const city = cityCodeOf(airport);
  if (city === cityCodeOf(origin) || city === cityCodeOf(destination)) return false;
  return kmBetween(origin, airport) + kmBetween(airport, destination) <= limits.maxKm;
}

import { utcOffsetMinutes } from '../time/zoned-time.ts';
import type { Rng } from '../seeded-random.ts';
import type { AirlineProfile } from './airline-profiles.ts';
import { CONNECTING_HUB, hubStrength } from './hubs.ts';
import type { NetworkAirport } from './network-airports.ts';

/*
 * When a carrier's flights on a route leave, in minutes after local midnight at the origin. Three patterns, as real
 * timetables have them:
 * - banks: a network carrier's hub sends its flights out in waves (every BANK_SPACING minutes from 06:30) and
 *   brings them in 35–60 minutes before a wave, so that passengers change planes between the two;
 * - red-eyes: on long routes the clock works against eastbound travelers (LAX–JFK loses three hours), so one of
 *   a carrier's transcontinental flights leaves late in the evening and lands at dawn, and flights from North
 *   America to Europe leave in the evening and land the next morning;
 * - elsewhere, departures spread over the day.
 * Every departure falls between 05:30 and 23:30 (never in a daylight-saving gap), and every arrival between 05:00
 * and 00:30 local: airports near cities close at night.
 */

const FIRST_BANK = 6 * 60 + 30;
const LAST_BANK = 21 * 60 + 30;
const BANK_SPACING = 80;
const EARLIEST = 5 * 60 + 30;
const LATEST = 23 * 60 + 30;
const DAY = 24 * 60;

/** Standard (January) offsets: a timetable is planned once; daylight saving moves both ends alike, mostly. */
const REFERENCE_INSTANT = Date.UTC(2027, 0, 15, 12);
const offsetOf = (airport: NetworkAirport) => utcOffsetMinutes(airport.timeZone, REFERENCE_INSTANT);

/** The local time at the destination when a flight leaving at `depart` (origin clock) lands, 0–1439. */
export function arrivalMinute(from: NetworkAirport, to: NetworkAirport, depart: number, block: number): number {
  return (((depart + block + offsetOf(to) - offsetOf(from)) % DAY) + DAY) % DAY;
}

const arrivesInDaytime = (arrival: number) => arrival >= 5 * 60 || arrival <= 30;
const round5 = (minute: number) => Math.round(minute / 5) * 5;

function banks(): number[] {
  const out: number[] = [];
  for (let t = FIRST_BANK; t <= LAST_BANK; t += BANK_SPACING) out.push(t);
  return out;
}
const BANKS = banks();

/** `count` of `items`, evenly spaced, in order. */
function spread<T>(items: readonly T[], count: number, rng: Rng): T[] {
  if (items.length === 0) return [];
  const offset = rng.next();
  return Array.from(
    { length: count },
    (_, i) => items[Math.floor(((i + offset) * items.length) / count) % items.length]!,
  );
}

function isConnectingHub(profile: AirlineProfile, airport: NetworkAirport): boolean {
  if (profile.lowCost) return false;
  return hubStrength(profile.airline.code, profile.airline.hubs, airport.code) >= CONNECTING_HUB;
}

function candidates(from: NetworkAirport, to: NetworkAirport, block: number, profile: AirlineProfile): number[] {
  const ok = (depart: number) =>
    depart >= EARLIEST && depart <= LATEST && arrivesInDaytime(arrivalMinute(from, to, depart, block));
  if (isConnectingHub(profile, from)) return BANKS.filter(ok);
  if (isConnectingHub(profile, to)) {
    // Land 35–60 minutes before one of the hub's waves.
    const shift = offsetOf(from) - offsetOf(to);
    return BANKS.map((bank) => round5(bank - 45 - block + shift)).filter(ok);
  }
  const all: number[] = [];
  for (let t = 6 * 60; t <= 22 * 60; t += 30) if (ok(t)) all.push(t);
  return all;
}

/** North America to Europe (or across the Atlantic eastbound generally): overnight. */
function overnightEastbound(from: NetworkAirport, to: NetworkAirport, km: number): boolean {
  const east = ((to.longitude - from.longitude + 540) % 360) - 180 > 0;
  return km > 3_000 && east && from.longitude < -30 && to.longitude > -30;
}

/** Departure minutes of a carrier's `count` daily flights on the route (local at the origin), sorted. */
export function departureMinutes(
  route: { from: NetworkAirport; to: NetworkAirport; km: number },
  profile: AirlineProfile,
  block: number,
  count: number,
  rng: Rng,
): number[] {
  const { from, to, km } = route;
  let slots = candidates(from, to, block, profile);
  if (overnightEastbound(from, to, km)) {
    const evening = slots.filter((t) => t >= 16 * 60 + 30);
    slots = evening.length ? evening : [17 * 60 + 30, 19 * 60, 20 * 60 + 30, 22 * 60];
  }
  if (slots.length === 0) slots = [9 * 60, 13 * 60, 17 * 60];
  const times = spread(slots, count, rng).map((t) => Math.min(LATEST, Math.max(EARLIEST, round5(t + rng.int(0, 20)))));
  // One red-eye among a carrier's flights across a continent eastbound, when it flies the route twice or more.
  const eastbound = ((to.longitude - from.longitude + 540) % 360) - 180 > 0;
  if (km > 3_000 && eastbound && from.country === to.country && count >= 2) {
    const redEye = round5(21 * 60 + 45 + rng.int(0, 75));
    if (arrivesInDaytime(arrivalMinute(from, to, redEye, block))) times[times.length - 1] = redEye;
  }
  return times.sort((a, b) => a - b);
}

import type { Rng } from './seeded-random.ts';

/** A jet's average speed over the ground along real airways, km/h. */
export const CRUISE_KMH = 800;
/** Taxi out and in, climb and approach: what even the shortest hop costs on top of cruising. */
export const GROUND_AND_CLIMB_MIN = 40;
/** How much the jet streams (west to east) shorten eastbound legs and lengthen westbound ones. */
export const WIND_EFFECT = 0.06;

interface Point {
  latitude: number;
  longitude: number;
}

/** Positive when the shorter way from `from` to `to` heads east. */
function eastward(from: Point, to: Point): number {
  const delta = to.longitude - from.longitude;
  return ((delta + 540) % 360) - 180;
}

/**
 * Scheduled block time of one leg: cruise at CRUISE_KMH plus ground and climb time, a few percent shorter
 * eastbound and longer westbound on longer legs, rounded to 5 minutes as timetables are.
 */
export function blockMinutes(from: Point, to: Point, km: number): number {
  const wind = km < 1_500 ? 1 : eastward(from, to) > 0 ? 1 - WIND_EFFECT : 1 + WIND_EFFECT;
  const minutes = GROUND_AND_CLIMB_MIN + (km / CRUISE_KMH) * 60 * wind;
  return Math.max(5, Math.round(minutes / 5) * 5);
}

/** A connection of 45 min to 3 h, more often short: airlines sell the tight ones first. */
export function layoverMinutes(rng: Rng): number {
  return 45 + Math.round((rng.next() ** 1.6 * 135) / 5) * 5;
}

/**
 * Departure times of a route's services, spread from early morning to late evening with some jitter, in
 * minutes after local midnight (05:30–23:30, so none falls in a daylight-saving gap).
 */
export function departureMinutes(count: number, rng: Rng): number[] {
  const first = 6 * 60;
  const span = 16 * 60;
  return Array.from({ length: count }, (_, i) => {
    const minute = first + ((i + 0.5) * span) / count + rng.int(-40, 40);
    return Math.min(23 * 60 + 30, Math.max(5 * 60 + 30, Math.round(minute / 5) * 5));
  });
}

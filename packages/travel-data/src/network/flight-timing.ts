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

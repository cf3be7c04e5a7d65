import { greatCircleKm } from '../geo.ts';
import { AIRLINE_PROFILES, type AirlineProfile } from './airline-profiles.ts';
import { hubStrength } from './hubs.ts';
import type { NetworkAirport } from './network-airports.ts';

/** A pair flown nonstop, one way, and how often each of its carriers flies it in a week. */
export interface PlannedRoute {
  from: NetworkAirport;
  to: NetworkAirport;
  km: number;
  carriers: { profile: AirlineProfile; weekly: number }[];
}

/** Closer than this, travelers take the train or drive (and JFK–LGA is one city). */
const MIN_ROUTE_KM = 250;
/** Long-haul nonstops from a foreign hub go only to airports this big (or to another hub of the carrier). */
const LONG_HAUL_KM = 4_000;
const LONG_HAUL_MAX_RANK = 60;
/*
 * The frequency model (calibrated in CALIBRATION.md): daily nonstops each way grow with the product of the two
 * airports' traffic (gravity), more where airlines bank connections at either end (a hub's flights carry
 * connecting passengers as well as local ones), and fall slowly with distance (bigger aircraft fly the long
 * routes, and fewer people travel far). Abroad only each airport's international share counts.
 */
export const FREQUENCY_MODEL = {
  domesticScale: 55,
  internationalScale: 60,
  hubBoost: 1,
  /** A low-cost carrier's share of a pair against a network carrier with a base of the same size there. */
  lowCostShare: 0.5,
};
export type FrequencyModel = typeof FREQUENCY_MODEL;
/** Carriers that fly abroad from their bases, but only a few long routes: their share of an international pair. */
const ABROAD_SHARE: Record<string, number> = { B6: 0.25, AS: 0.3, WN: 0.2, NK: 0.3, F9: 0.3 };
/** Below this many a day (after scaling) a pair is flown a few times a week; below a third of it, not at all. */
const DAILY = 0.8;

function distanceFactor(km: number, domestic: boolean): number {
  return domestic ? (1_500 / Math.max(km, 1_500)) ** 0.6 : (2_500 / Math.max(km, 2_500)) ** 0.7;
}

/** Which carriers may fly the pair nonstop: from a base of theirs, within range, and never a foreign domestic hop. */
function eligible(a: NetworkAirport, b: NetworkAirport, km: number, model: FrequencyModel) {
  return AIRLINE_PROFILES.flatMap((profile) => {
    const { code, hubs } = profile.airline;
    const at = { a: hubStrength(code, hubs, a.code), b: hubStrength(code, hubs, b.code) };
    if (at.a === 0 && at.b === 0) return [];
    if (km > profile.rangeKm) return [];
    if (a.country === b.country && profile.country !== a.country) return [];
    const otherRank = at.a > 0 ? b.rank : a.rank;
    if (km > LONG_HAUL_KM && !(at.a > 0 && at.b > 0) && otherRank > LONG_HAUL_MAX_RANK) return [];
    // A low-cost carrier's base flies to the big airports, not to every one.
    if (profile.lowCost && Math.max(a.rank, b.rank) > 75 && Math.min(at.a, at.b) === 0) return [];
    const abroad = a.country === b.country ? 1 : (ABROAD_SHARE[code] ?? 1);
    const share =
      (at.a + at.b + (at.a > 0 && at.b > 0 ? 0.5 : 0)) * (profile.lowCost ? model.lowCostShare : 1) * abroad;
    // Only a network carrier's hub banks connections that add flights beyond the local demand.
    const hub = profile.lowCost ? 0 : Math.max(at.a, at.b);
    return [{ profile, share, hub }];
  });
}

/** Daily nonstops each way on the pair, all carriers together, before the scale's factor. */
export function dailyNonstops(
  a: NetworkAirport,
  b: NetworkAirport,
  km: number,
  hubs: number,
  model: FrequencyModel = FREQUENCY_MODEL,
): number {
  const domestic = a.country === b.country;
  const gravity = domestic
    ? model.domesticScale * a.localWeight * b.localWeight
    : model.internationalScale * a.localWeight * a.internationalShare * b.localWeight * b.internationalShare;
  return gravity * (1 + model.hubBoost * hubs) * distanceFactor(km, domestic);
}

/** How many times a week a carrier with `perDay` flights a day flies: whole days, or a few days a week. */
function weeklyOf(perDay: number): number {
  if (perDay >= DAILY) return Math.round(perDay) * 7;
  return perDay * 7 >= 2.5 ? Math.min(6, Math.round(perDay * 7)) : 0;
}

/**
 * Every pair flown nonstop, both ways, with each carrier's weekly frequency: the pair's daily nonstops shared out
 * by how big each carrier's bases at its ends are. `frequencyFactor` scales every pair (the demo flies a share of
 * the real frequencies, the benchmark all of them).
 */
export function planRoutes(
  airports: readonly NetworkAirport[],
  frequencyFactor: number,
  model: FrequencyModel = FREQUENCY_MODEL,
): PlannedRoute[] {
  const routes: PlannedRoute[] = [];
  for (const [i, a] of airports.entries()) {
    for (const b of airports.slice(i + 1)) {
      if (a.cityCode === b.cityCode) continue;
      const km = greatCircleKm(a, b);
      if (km < MIN_ROUTE_KM) continue;
      const carriers = eligible(a, b, km, model);
      if (carriers.length === 0) continue;
      const hubs = Math.max(...carriers.map((c) => c.hub));
      const perDay = dailyNonstops(a, b, km, hubs, model) * frequencyFactor;
      const shares = carriers.reduce((sum, c) => sum + c.share, 0);
      let flown = carriers
        .map((c) => ({ profile: c.profile, weekly: weeklyOf((perDay * c.share) / shares) }))
        .filter((c) => c.weekly > 0);
      // A pair busy enough for a daily flight but split too thin among carriers goes to the biggest of them.
      if (flown.length === 0 && weeklyOf(perDay) > 0) {
        const top = carriers.reduce((x, y) => (y.share > x.share ? y : x));
        flown = [{ profile: top.profile, weekly: weeklyOf(perDay) }];
      }
      if (flown.length === 0) continue;
      routes.push({ from: a, to: b, km, carriers: flown }, { from: b, to: a, km, carriers: flown });
    }
  }
  return routes;
}

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
  domesticScale: 60,
  internationalScale: 45,
  hubBoost: 0.8,
  /** A low-cost carrier's share of a pair against a network carrier with a base of the same size there. */
  lowCostShare: 0.4,
};
/** Southwest's bases are big point-to-point operations: its share counts more than another low-cost carrier's. */
const LOW_COST_SHARE: Record<string, number> = { WN: 2.5 };
/**
 * A country's busiest airports are linked at least this often, whatever the model says of the pair (the 30 busiest
 * US airports all have nonstops between each other where they are far enough apart to fly).
 */
const TRUNK_RANKS = 30;
const TRUNK_DAILY = 5;

/** Southwest also sells connections through its bases (about a third of its passengers at Midway connect). */
const LOW_COST_CONNECTING: Record<string, number> = { WN: 0.5 };
export type FrequencyModel = typeof FREQUENCY_MODEL;
/** Carriers that fly abroad from their bases, but only a few long routes: their share of an international pair. */
const ABROAD_SHARE: Record<string, number> = { B6: 0.25, AS: 0.3, WN: 0.2, NK: 0.3, F9: 0.3 };

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
    if (profile.lowCost && Math.min(at.a, at.b) === 0 && (at.a > 0 ? b : a).rank > 75) return [];
    const abroad = a.country === b.country ? 1 : (ABROAD_SHARE[code] ?? 1);
    const lowCost = profile.lowCost ? model.lowCostShare * (LOW_COST_SHARE[code] ?? 1) : 1;
    const share = (at.a + at.b + (at.a > 0 && at.b > 0 ? 0.5 : 0)) * lowCost * abroad;
    // A network carrier's hub (and, half as much, a Southwest base) carries connecting passengers too.
    const connecting = profile.lowCost ? (LOW_COST_CONNECTING[code] ?? 0) : 1;
    const hub = { a: at.a * connecting, b: at.b * connecting };
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

/** The TRUNK_RANKS busiest airports of each country. */
function trunkAirports(airports: readonly NetworkAirport[]): Set<string> {
  const byCountry = Map.groupBy(airports, (a) => a.country);
  return new Set(
    [...byCountry.values()].flatMap((list) =>
      [...list]
        .sort((x, y) => x.rank - y.rank)
        .slice(0, TRUNK_RANKS)
        .map((a) => a.code),
    ),
  );
}

/** How many times a week a carrier with `perDay` flights a day flies: never fewer than a few times a week. */
function weeklyOf(perDay: number): number {
  return perDay * 7 >= 2.5 ? Math.round(perDay * 7) : 0;
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
  internationalFactor = frequencyFactor,
): PlannedRoute[] {
  const routes: PlannedRoute[] = [];
  const trunk = trunkAirports(airports);
  for (const [i, a] of airports.entries()) {
    for (const b of airports.slice(i + 1)) {
      if (a.cityCode === b.cityCode) continue;
      const km = greatCircleKm(a, b);
      if (km < MIN_ROUTE_KM) continue;
      const carriers = eligible(a, b, km, model);
      if (carriers.length === 0) continue;
      // Connections feed a pair from both ends when both are hubs (ATL–CLT: Delta's and American's).
      const hubs = Math.max(...carriers.map((c) => c.hub.a)) + Math.max(...carriers.map((c) => c.hub.b));
      const scaled =
        dailyNonstops(a, b, km, hubs, model) * (a.country === b.country ? frequencyFactor : internationalFactor);
      const isTrunk = trunk.has(a.code) && trunk.has(b.code) && a.country === b.country;
      const perDay = isTrunk ? Math.max(TRUNK_DAILY, Math.round(scaled)) : scaled;
      const shares = carriers.reduce((sum, c) => sum + c.share, 0);
      let flown = carriers
        .map((c) => ({ profile: c.profile, weekly: weeklyOf((perDay * c.share) / shares) }))
        .filter((c) => c.weekly > 0);
      // A pair busy enough for a few flights a week but split too thin among carriers goes to the biggest of them.
      if (flown.length === 0 && weeklyOf(perDay) > 0) {
        const top = carriers.reduce((x, y) => (y.share > x.share ? y : x));
        flown = [{ profile: top.profile, weekly: weeklyOf(perDay) }];
      }
      // A trunk pair is flown every day alike: whole daily flights, the biggest carrier making up what rounding lost.
      if (isTrunk) {
        flown = flown.map((c) => ({ ...c, weekly: Math.round(c.weekly / 7) * 7 })).filter((c) => c.weekly > 0);
        if (flown.length === 0) {
          const top = carriers.reduce((x, y) => (y.share > x.share ? y : x));
          flown = [{ profile: top.profile, weekly: 0 }];
        }
        const short = perDay * 7 - flown.reduce((sum, c) => sum + c.weekly, 0);
        if (short > 0) flown.sort((x, y) => y.weekly - x.weekly)[0]!.weekly += short;
      }
      if (flown.length === 0) continue;
      routes.push({ from: a, to: b, km, carriers: flown }, { from: b, to: a, km, carriers: flown });
    }
  }
  return routes;
}

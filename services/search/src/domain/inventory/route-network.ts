import { AIRLINES, greatCircleKm } from '@tripwise/travel-data';
import type { NetworkAirport } from './network-airports.ts';

export interface Route {
  from: NetworkAirport;
  to: NetworkAirport;
  km: number;
  /** How much traffic the pair draws; frequencies are shared out by it (see routeTraffic). */
  weight: number;
}

/** Closer than this, travelers take the train or drive (and JFK–LGA is one city). */
const MIN_ROUTE_KM = 250;
/**
 * The busiest airports are all linked with each other, at home and (for the international gateways among them)
 * abroad, whatever the partner lists say: JFK–LAX and LHR–SIN exist although neither is the other's top pick.
 */
const TRUNK_RANK = 25;
const GATEWAY_SHARE = 0.5;

function isTrunk(a: NetworkAirport, b: NetworkAirport): boolean {
  if (a.rank > TRUNK_RANK || b.rank > TRUNK_RANK) return false;
  return a.country === b.country || Math.min(a.internationalShare, b.internationalShare) >= GATEWAY_SHARE;
}

const sharesAnAirline = (a: string, b: string) =>
  AIRLINES.some((airline) => airline.hubs.includes(a) && airline.hubs.includes(b));

/**
 * How strongly an airport wants a partner, to choose routes: a gravity model in which traffic grows with the
 * size of both (their international part for a trip abroad) and falls with distance; pairs an airline links
 * hub to hub draw more.
 */
function pairScore(a: NetworkAirport, b: NetworkAirport, km: number): number {
  const hubs = sharesAnAirline(a.code, b.code) ? 1.5 : 1;
  const distance = Math.max(km, 400) / 1000;
  if (a.country === b.country) return (a.weight * b.weight * hubs) / distance ** 0.5;
  // Distance deters less abroad: people fly far anyway (JFK–LHR outweighs JFK–YUL).
  const international = a.weight * a.internationalShare * b.weight * b.internationalShare;
  return (international * hubs) / distance ** 0.75;
}

/**
 * How many flights a chosen route gets, relative to the others. Distance matters much less here: long-haul
 * aircraft are bigger, but JFK–LHR is still flown about as often as ATL–DFW.
 */
function routeTraffic(a: NetworkAirport, b: NetworkAirport, km: number): number {
  const abroad = a.country === b.country ? 1 : Math.sqrt(a.internationalShare * b.internationalShare);
  return (a.weight * b.weight * abroad) / (Math.max(km, 400) / 1000) ** 0.3;
}

/**
 * Each airport picks its most important partners, half of them at home (when it has any) and the rest abroad;
 * a pair picked by either end is flown both ways, and so is every trunk pair.
 */
export function buildRouteNetwork(airports: readonly NetworkAirport[], partnersPerAirport: number): Route[] {
  const pairs = new Map<string, { a: NetworkAirport; b: NetworkAirport; km: number }>();
  for (const a of airports) {
    const candidates = airports
      .filter((b) => b.code !== a.code && b.cityCode !== a.cityCode)
      .map((b) => ({ b, km: greatCircleKm(a, b) }))
      .filter(({ km }) => km >= MIN_ROUTE_KM)
      .map(({ b, km }) => ({ b, km, score: pairScore(a, b, km) }))
      .sort((x, y) => y.score - x.score || x.b.rank - y.b.rank);
    const domestic = candidates.filter((c) => c.b.country === a.country).slice(0, Math.ceil(partnersPerAirport / 2));
    const international = candidates
      .filter((c) => c.b.country !== a.country)
      .slice(0, partnersPerAirport - domestic.length);
    const trunk = candidates.filter((c) => isTrunk(a, c.b));
    for (const { b, km } of [...domestic, ...international, ...trunk]) {
      const key = a.rank < b.rank ? `${a.code}-${b.code}` : `${b.code}-${a.code}`;
      if (!pairs.has(key)) pairs.set(key, { a, b, km });
    }
  }
  return [...pairs.keys()].sort().flatMap((key) => {
    const { a, b, km } = pairs.get(key)!;
    const weight = routeTraffic(a, b, km);
    return [
      { from: a, to: b, km, weight },
      { from: b, to: a, km, weight },
    ];
  });
}

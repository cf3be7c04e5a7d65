import { airportByCode, greatCircleKm } from '@tripwise/travel-data';
import { AIRLINE_PROFILES, type AirlineProfile } from './airline-profiles.ts';
import { cityCodeOf } from './network-airports.ts';
import type { Route } from './route-network.ts';

/** One way a carrier can sell a route: nonstop, or connecting at one of its hubs. */
export interface FlightOption {
  profile: AirlineProfile;
  via: string | null;
  legsKm: readonly number[];
  /** Share of the route's frequencies, relative to the other options of the same kind. */
  weight: number;
}

/** Airports ranked below this do not get long-haul nonstops from a foreign hub; they connect instead. */
const LONG_HAUL_KM = 4_000;
const LONG_HAUL_MAX_RANK = 50;
const MAX_ONE_STOP_OPTIONS = 3;
/** A nonstop exists and the trip is this short: nobody sells a connection. */
const NO_CONNECTIONS_BELOW_KM = 700;

/**
 * Whether the carrier flies a leg between two airports: from one of its hubs, within its fleet's range, and,
 * when the leg is long-haul, to an airport big enough (`otherRank`: the rank of the end that is not its hub).
 */
function canFlyLeg(profile: AirlineProfile, a: string, b: string, km: number, otherRank: number): boolean {
  const hubAt = (code: string) => profile.airline.hubs.includes(code);
  if ((!hubAt(a) && !hubAt(b)) || km > profile.rangeKm) return false;
  return km < LONG_HAUL_KM || (hubAt(a) && hubAt(b)) || otherRank <= LONG_HAUL_MAX_RANK;
}

function nonstopOptions(route: Route): FlightOption[] {
  const { from, to, km } = route;
  return AIRLINE_PROFILES.filter((p) => {
    const hubAtFrom = p.airline.hubs.includes(from.code);
    const otherRank = hubAtFrom ? to.rank : from.rank;
    return canFlyLeg(p, from.code, to.code, km, otherRank);
  }).map((profile) => {
    const both = profile.airline.hubs.includes(from.code) && profile.airline.hubs.includes(to.code);
    return { profile, via: null, legsKm: [km], weight: both ? 2 : 1 };
  });
}

/**
 * Connections at a hub of the operating carrier that is roughly on the way; a domestic trip connects at home,
 * and a carrier never connects two airports of a foreign country.
 */
function oneStopOptions(route: Route): FlightOption[] {
  const { from, to, km } = route;
  const domestic = from.country === to.country;
  const options: (FlightOption & { detour: number })[] = [];
  for (const profile of AIRLINE_PROFILES) {
    if (domestic && profile.country !== from.country) continue;
    for (const hubCode of profile.airline.hubs) {
      const hub = airportByCode(hubCode);
      if (!hub || [cityCodeOf(from.code), cityCodeOf(to.code)].includes(cityCodeOf(hubCode))) continue;
      if (domestic && hub.country !== from.country) continue;
      const leg1 = greatCircleKm(from, hub);
      const leg2 = greatCircleKm(hub, to);
      if (leg1 < 200 || leg2 < 200 || leg1 + leg2 > km * 1.25 + 300) continue;
      if (!canFlyLeg(profile, from.code, hubCode, leg1, from.rank)) continue;
      if (!canFlyLeg(profile, hubCode, to.code, leg2, to.rank)) continue;
      options.push({ profile, via: hubCode, legsKm: [leg1, leg2], weight: 1, detour: (leg1 + leg2) / km });
    }
  }
  return options
    .sort((a, b) => a.detour - b.detour || a.profile.airline.code.localeCompare(b.profile.airline.code))
    .slice(0, MAX_ONE_STOP_OPTIONS)
    .map(({ detour: _detour, ...option }) => option);
}

export function flightOptions(route: Route): { nonstop: FlightOption[]; oneStop: FlightOption[] } {
  const nonstop = nonstopOptions(route);
  const oneStop = nonstop.length > 0 && route.km < NO_CONNECTIONS_BELOW_KM ? [] : oneStopOptions(route);
  return { nonstop, oneStop };
}

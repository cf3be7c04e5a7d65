import { BUSY_AIRPORTS, METRO_AREAS, airportByCode } from '@tripwise/travel-data';

export interface NetworkAirport {
  code: string;
  /** The metro code when the airport belongs to one (JFK → NYC), else its own code: what searches name. */
  cityCode: string;
  country: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  /** 1 for the busiest airport. */
  rank: number;
  /** Relative traffic, falling with rank: what routes, frequencies and hotel counts are weighted by. */
  weight: number;
  /** The share of its passengers that fly abroad: Atlanta is the busiest airport, but mostly for domestic trips. */
  internationalShare: number;
}

/** Rough share of international passengers, by country, where it is far from "nearly all". */
const INTERNATIONAL_SHARE_BY_COUNTRY: Record<string, number> = {
  'United States': 0.12,
  China: 0.25,
  India: 0.25,
  Japan: 0.3,
  Brazil: 0.3,
  Mexico: 0.35,
  Australia: 0.4,
  Canada: 0.5,
  Indonesia: 0.25,
  Turkey: 0.6,
};
/** Gateways whose share differs from their country's. */
const INTERNATIONAL_SHARE_BY_AIRPORT: Record<string, number> = {
  JFK: 0.55,
  MIA: 0.5,
  EWR: 0.35,
  LAX: 0.35,
  SFO: 0.35,
  IAD: 0.4,
  IAH: 0.25,
  BOS: 0.25,
  ORD: 0.2,
  NRT: 0.9,
  PVG: 0.5,
  CUN: 0.7,
};
const DEFAULT_INTERNATIONAL_SHARE = 0.9;

const METRO_OF = new Map(METRO_AREAS.flatMap((metro) => metro.airports.map((code) => [code, metro.code] as const)));

export function cityCodeOf(airportCode: string): string {
  return METRO_OF.get(airportCode) ?? airportCode;
}

/** The `count` busiest airports that the reference data knows well enough to schedule (coordinates and zone). */
export function networkAirports(count: number): NetworkAirport[] {
  return BUSY_AIRPORTS.slice(0, count).flatMap((code, i): NetworkAirport[] => {
    const airport = airportByCode(code);
    if (!airport?.timeZone) return [];
    const rank = i + 1;
    const internationalShare =
      INTERNATIONAL_SHARE_BY_AIRPORT[code] ??
      INTERNATIONAL_SHARE_BY_COUNTRY[airport.country] ??
      DEFAULT_INTERNATIONAL_SHARE;
    return [
      {
        code,
        cityCode: cityCodeOf(code),
        country: airport.country,
        latitude: airport.latitude,
        longitude: airport.longitude,
        timeZone: airport.timeZone,
        rank,
        // Yearly passengers fall roughly exponentially down the list: the 100th airport has a tenth of the first's.
        weight: Math.exp(-(rank - 1) / 42),
        internationalShare,
      },
    ];
  });
}

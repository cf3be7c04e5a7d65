import { airportByCode } from '../airports.ts';
import { BUSY_AIRPORTS } from '../busy-airports.ts';
import { METRO_AREAS } from '../metro-areas.ts';

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
  /**
   * Its traffic that starts or ends there (weight less the passengers who only change planes): what the demand
   * between two airports grows with. A hub's connecting passengers add flights through the hub boost instead.
   */
  localWeight: number;
}

/**
 * Share of passengers who start or end their trip at the airport, where it is far from all: the big connecting
 * hubs (six in ten passengers on ATL–MCO connect elsewhere, per the DOT data in CALIBRATION.md); rounded.
 */
const LOCAL_SHARE: Record<string, number> = {
  ATL: 0.4,
  DFW: 0.45,
  CLT: 0.3,
  ORD: 0.55,
  DEN: 0.6,
  IAH: 0.5,
  DTW: 0.5,
  MSP: 0.5,
  SLC: 0.5,
  PHL: 0.6,
  PHX: 0.7,
  MIA: 0.65,
  IAD: 0.65,
  EWR: 0.7,
  SFO: 0.75,
  SEA: 0.7,
  LAX: 0.8,
  JFK: 0.75,
  DXB: 0.4,
  DOH: 0.3,
  IST: 0.5,
  LHR: 0.7,
  FRA: 0.5,
  AMS: 0.6,
  CDG: 0.7,
  SIN: 0.7,
  HKG: 0.7,
  ICN: 0.7,
  HEL: 0.5,
  ZRH: 0.6,
  MUC: 0.6,
  MAD: 0.7,
  LIS: 0.7,
  PTY: 0.3,
  YYZ: 0.7,
  MEX: 0.8,
  BOG: 0.7,
  GRU: 0.8,
  DEL: 0.8,
  TPE: 0.7,
};

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
        localWeight: Math.exp(-(rank - 1) / 42) * (LOCAL_SHARE[code] ?? 1),
      },
    ];
  });
}

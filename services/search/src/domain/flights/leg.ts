import type { Cabin } from '@tripwise/contracts';

/** One flight as an itinerary uses it: its times, and its fare and seats in the cabin asked for. */
export interface Leg {
  id: number;
  airline: string;
  flightNumber: string;
  origin: string;
  destination: string;
  /** The departure's calendar day at the origin (what flights are stored and searched by). */
  departDate: string;
  departMs: number;
  arriveMs: number;
  durationMin: number;
  refundable: boolean;
  /** Per person, minor units, in the cabin asked for. */
  fare: number;
  seatsLeft: number;
  /** 0 for a leg; older rows sold a one-stop trip as one flight (stops 1, via its airport). */
  stops: number;
  via: string | null;
}

/** Which legs to read: the cabin and how many seats it must still have. */
export interface LegWanted {
  cabin: Cabin;
  passengers: number;
}

/**
 * Where a search reads its legs from: the database (flight-legs.sql.ts) or the days kept in memory
 * (flight-legs.memory.ts). Dates are departure days on the origin's calendar. Both answer the same legs: active
 * flights with the cabin and enough seats free in it.
 */
export interface FlightLegSource {
  /** Legs from any of `origins` to any of `destinations`. */
  between(
    origins: readonly string[],
    destinations: readonly string[],
    dates: readonly string[],
    w: LegWanted,
  ): Promise<Leg[]>;
  /** Legs leaving any of `origins`, wherever they go. */
  from(origins: readonly string[], dates: readonly string[], w: LegWanted): Promise<Leg[]>;
  /** Legs reaching any of `destinations`, wherever they come from. */
  to(destinations: readonly string[], dates: readonly string[], w: LegWanted): Promise<Leg[]>;
}

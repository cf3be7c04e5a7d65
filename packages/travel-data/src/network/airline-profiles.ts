import { AIRLINES, type Airline } from '../airlines.ts';
import { airportByCode } from '../airports.ts';

/** What the schedule needs to know about a carrier beyond its hubs. */
export interface AirlineProfile {
  airline: Airline;
  /** The country of its first hub: a foreign carrier does not fly domestic connections (cabotage). */
  country: string;
  /** Fares relative to the market: low-cost carriers undercut, premium ones charge more. */
  fareFactor: number;
  /** The longest leg its fleet flies; narrow-body fleets stay regional. */
  rangeKm: number;
  /** Sells economy only. */
  lowCost: boolean;
  premiumEconomy: boolean;
  first: boolean;
  /** Share of its flights sold with refundable fares. */
  refundableShare: number;
}

type Traits = Partial<Omit<AirlineProfile, 'airline' | 'country'>>;

const LOW_COST: Traits = { fareFactor: 0.72, lowCost: true, refundableShare: 0.05 };
const PREMIUM: Traits = { fareFactor: 1.18, refundableShare: 0.35 };

const TRAITS: Record<string, Traits> = {
  WN: { ...LOW_COST, fareFactor: 0.85, rangeKm: 4_500, refundableShare: 0.3 }, // its fares refund as credit
  NK: { ...LOW_COST, fareFactor: 0.62, rangeKm: 4_000 },
  F9: { ...LOW_COST, fareFactor: 0.64, rangeKm: 4_000 },
  VY: { ...LOW_COST, rangeKm: 3_500 },
  B6: { fareFactor: 0.9, rangeKm: 6_000 },
  AS: { rangeKm: 5_000 },
  HA: { rangeKm: 8_500 },
  AA: { premiumEconomy: true, first: true },
  DL: { premiumEconomy: true },
  UA: { premiumEconomy: true },
  AC: { premiumEconomy: true },
  BA: { premiumEconomy: true, first: true, fareFactor: 1.1 },
  VS: { premiumEconomy: true, fareFactor: 1.05 },
  AF: { premiumEconomy: true, first: true, fareFactor: 1.08 },
  KL: { premiumEconomy: true },
  LH: { premiumEconomy: true, first: true, fareFactor: 1.1 },
  LX: { ...PREMIUM, premiumEconomy: true, first: true },
  EK: { ...PREMIUM, premiumEconomy: true, first: true },
  QR: { ...PREMIUM, first: true },
  SQ: { ...PREMIUM, premiumEconomy: true, first: true },
  CX: { ...PREMIUM, premiumEconomy: true, first: true },
  NH: { ...PREMIUM, premiumEconomy: true, first: true },
  JL: { ...PREMIUM, premiumEconomy: true, first: true },
  KE: { first: true },
  QF: { premiumEconomy: true, first: true, fareFactor: 1.1 },
  NZ: { premiumEconomy: true },
  AI: { first: true, fareFactor: 0.9 },
  TG: { first: true, fareFactor: 0.95 },
  CA: { first: true, fareFactor: 0.92 },
  TK: { fareFactor: 0.95 },
  AY: { premiumEconomy: true },
  SK: { premiumEconomy: true },
  IB: { premiumEconomy: true },
  AZ: { premiumEconomy: true },
  CI: { premiumEconomy: true },
};

const DEFAULTS = {
  fareFactor: 1,
  rangeKm: 16_000,
  lowCost: false,
  premiumEconomy: false,
  first: false,
  refundableShare: 0.2,
};

export const AIRLINE_PROFILES: readonly AirlineProfile[] = AIRLINES.map((airline) => ({
  ...DEFAULTS,
  ...TRAITS[airline.code],
  airline,
  country: airportByCode(airline.hubs[0] ?? '')?.country ?? '',
}));

import type { AirlineProfile } from './airline-profiles.ts';
import type { Rng } from '../seeded-random.ts';

import { CABINS, type Cabin } from '@tripwise/contracts';

export { CABINS, type Cabin };

/** A cabin as a service sells it: seats on the aircraft, and its fare relative to economy. */
export interface CabinPlan {
  cabin: Cabin;
  seats: number;
  fareRatio: number;
}

/** Economy in USD before the day's adjustments: grows with distance, less than proportionally. */
export function baseEconomyUsd(km: number): number {
  return 45 + 0.16 * km ** 0.93;
}

/** Regional jets and narrow-bodies on short legs, wide-bodies on long ones. */
function seatCounts(km: number, rng: Rng) {
  if (km < 1_200) return { total: rng.int(76, 180), first: rng.int(8, 12), business: rng.int(8, 16), premium: 12 };
  if (km < 4_500) return { total: rng.int(150, 220), first: rng.int(8, 12), business: rng.int(12, 20), premium: 18 };
  return { total: rng.int(240, 420), first: rng.int(4, 14), business: rng.int(24, 60), premium: rng.int(21, 40) };
}

/**
 * Which cabins a service has. Low-cost carriers sell economy only; business is common except on the
 * shortest hops; premium economy is mostly long-haul, and first only on the carriers that sell it.
 */
export function planCabins(km: number, profile: AirlineProfile, rng: Rng): CabinPlan[] {
  const seats = seatCounts(km, rng);
  if (profile.lowCost) return [{ cabin: 'economy', seats: seats.total, fareRatio: 1 }];
  const longHaul = km >= 5_000;
  const hasBusiness = rng.chance(km < 800 ? 0.5 : 0.92);
  const hasPremium = rng.chance(profile.premiumEconomy && km >= 3_000 ? 0.8 : 0.08);
  // First is a long-haul product; a short hop with it is rare.
  const hasFirst = hasBusiness && profile.first && rng.chance(longHaul ? 0.45 : 0.04);
  const businessRatio = km < 1_500 ? 2.4 : km < 4_000 ? 3 : 4.2;
  const plans: CabinPlan[] = [];
  if (hasPremium) plans.push({ cabin: 'premium_economy', seats: seats.premium, fareRatio: km < 3_000 ? 1.4 : 1.7 });
  if (hasBusiness) plans.push({ cabin: 'business', seats: seats.business, fareRatio: businessRatio });
  if (hasFirst) plans.push({ cabin: 'first', seats: seats.first, fareRatio: businessRatio * (longHaul ? 1.7 : 1.3) });
  const economySeats = seats.total - plans.reduce((sum, p) => sum + p.seats, 0);
  return [{ cabin: 'economy', seats: Math.max(economySeats, 40), fareRatio: 1 }, ...plans];
}

const WEEKDAY_FACTOR = [1.12, 1.05, 0.9, 0.92, 1.04, 1.15, 0.95]; // Sunday … Saturday

/** Business travelers fill the first and the evening flights; the middle of the day and late nights are cheaper. */
function timeOfDayFactor(departMinute: number): number {
  if (departMinute < 7 * 60) return 0.88;
  if (departMinute < 9.5 * 60) return 1.12;
  if (departMinute < 16 * 60) return 0.96;
  if (departMinute < 19.5 * 60) return 1.1;
  return 0.9;
}

/** Fares climb steeply in the last three weeks and creep up again for far-off dates. */
function daysOutFactor(daysOut: number): number {
  if (daysOut < 3) return 1.55;
  if (daysOut < 7) return 1.35;
  if (daysOut < 14) return 1.18;
  if (daysOut < 21) return 1.08;
  if (daysOut < 60) return 1;
  if (daysOut < 150) return 0.96;
  return 0.99;
}

/** The day's economy fare for a service, in USD, before rounding. */
export function economyFareUsd(input: {
  km: number;
  stops: number;
  profile: AirlineProfile;
  departMinute: number;
  weekday: number;
  daysOut: number;
  noise: number;
}): number {
  const connection = input.stops > 0 ? 0.85 : 1;
  return (
    baseEconomyUsd(input.km) *
    connection *
    input.profile.fareFactor *
    (WEEKDAY_FACTOR[input.weekday] ?? 1) *
    timeOfDayFactor(input.departMinute) *
    daysOutFactor(input.daysOut) *
    input.noise
  );
}

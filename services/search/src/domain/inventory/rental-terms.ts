import type { CarClass, CarPolicies } from './inventory.types.ts';
import type { Rng } from '@tripwise/travel-data';

export interface RentalCompany {
  name: string;
  /** Relative to the market: Hertz and Avis charge more than Thrifty and Dollar. */
  priceFactor: number;
  /** How much of an airport's fleet it tends to hold. */
  share: number;
  /** Budget brands refund less freely. */
  freeCancellationOdds: number;
}

const company = (name: string, priceFactor: number, share: number, freeCancellationOdds: number) => ({
  name,
  priceFactor,
  share,
  freeCancellationOdds,
});

export const NORTH_AMERICAN_COMPANIES: readonly RentalCompany[] = [
  company('Enterprise', 1, 1.4, 0.8),
  company('Hertz', 1.1, 1.3, 0.8),
  company('Avis', 1.08, 1.2, 0.8),
  company('National', 1.06, 1, 0.85),
  company('Alamo', 0.95, 1, 0.7),
  company('Budget', 0.92, 1, 0.6),
  company('Sixt', 1.04, 0.7, 0.7),
  company('Thrifty', 0.86, 0.6, 0.4),
  company('Dollar', 0.85, 0.6, 0.4),
];

export const INTERNATIONAL_COMPANIES: readonly RentalCompany[] = [
  company('Hertz', 1.1, 1.2, 0.8),
  company('Avis', 1.08, 1.2, 0.8),
  company('Europcar', 1.02, 1.2, 0.75),
  company('Sixt', 1.04, 1.2, 0.75),
  company('Enterprise', 1, 0.8, 0.8),
  company('Budget', 0.92, 0.8, 0.6),
  company('Thrifty', 0.86, 0.4, 0.4),
];

/** A day's rental in USD in an average-priced city, by class. */
export const CLASS_DAILY_USD: Record<CarClass, number> = {
  economy: 38,
  compact: 42,
  standard: 48,
  full_size: 55,
  sedan: 52,
  hatchback: 40,
  suv: 68,
  van: 88,
  luxury: 125,
  convertible: 95,
  pickup: 78,
};

/** Share of each class outside North America that comes with a manual gearbox (there, almost none do). */
export const MANUAL_ODDS: Record<CarClass, number> = {
  economy: 0.7,
  compact: 0.6,
  hatchback: 0.6,
  standard: 0.45,
  sedan: 0.3,
  full_size: 0.25,
  suv: 0.3,
  van: 0.35,
  pickup: 0.5,
  luxury: 0.02,
  convertible: 0.15,
};

export function carPolicies(input: {
  company: RentalCompany;
  carClass: CarClass;
  northAmerica: boolean;
  rng: Rng;
}): CarPolicies {
  const { company: rental, carClass, northAmerica, rng } = input;
  const premium = carClass === 'luxury' || carClass === 'convertible';
  return {
    freeCancellationHours: rng.chance(rental.freeCancellationOdds) ? rng.pick([24, 48, 48, 72]) : 0,
    // Unlimited mileage is the norm in North America; elsewhere it is often capped, especially on premium cars.
    mileage: rng.chance(northAmerica ? 0.95 : premium ? 0.3 : 0.65) ? 'unlimited' : 'limited',
    minimumDriverAge: premium ? 25 : northAmerica ? 21 : rng.pick([21, 21, 23, 25]),
    fuelPolicy: rng.weighted(
      ['full_to_full', 'prepaid', 'same_to_same'] as const,
      northAmerica ? [7, 2, 1] : [8, 1, 1],
    ),
  };
}

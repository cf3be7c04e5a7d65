// The price a traveler pays, taxes and fees included, worked out by the very rules the booking service charges by
// (shared through contracts): results, details, checkout and the receipt show one figure for one thing.
import { priceItem } from '@tripwise/contracts';

export interface PricedPart {
  kind: 'flight' | 'room' | 'car';
  /** Minor units: a fare per person, a nightly or a daily price. */
  unitPrice: number;
  /** Passengers or rooms (1 for a car). */
  quantity: number;
  /** Nights or days (1 for a flight). */
  units: number;
}

/** The total to pay for these parts, taxes and fees included (minor units). */
/** The fee every flight leg carries per passenger (pricing.rules.ts), to price a fare of two legs at once. */
const FLIGHT_FEE_PER_LEG = priceItem({ kind: 'flight', unitPrice: 0, quantity: 1, units: 1 }).fees.reduce(
  (t, f) => t + f.amount,
  0,
);

export function allIn(parts: readonly PricedPart[]): number {
  return parts.reduce((total, part) => {
    const p = priceItem(part);
    const lines = [...p.taxes, ...p.fees].reduce((sum, line) => sum + line.amount, 0);
    return total + p.subtotal + lines;
  }, 0);
}

/** Every flight of a trip for the party: each leg is booked (and taxed) on its own. */
export const flightsAllIn = (legs: readonly { price: { amount: number } }[], passengers: number) =>
  allIn(legs.map((leg) => ({ kind: 'flight', unitPrice: leg.price.amount, quantity: passengers, units: 1 })));

export const stayAllIn = (nightly: number, nights: number, rooms: number) =>
  allIn([{ kind: 'room', unitPrice: nightly, quantity: rooms, units: nights }]);

export const rentalAllIn = (daily: number, days: number) =>
  allIn([{ kind: 'car', unitPrice: daily, quantity: 1, units: days }]);

/** Rental days as the booking service counts them: started 24-hour periods, at least one. */
export function rentalDays(pickup: { date: string; time: string }, dropoff: { date: string; time: string }): number {
  const hours =
    (Date.parse(`${dropoff.date}T${dropoff.time}:00Z`) - Date.parse(`${pickup.date}T${pickup.time}:00Z`)) / 3_600_000;
  return Math.max(1, Math.ceil(hours / 24));
}

/**
 * A one-way fare of `legs` flights (a calendar day: nonstop, or connecting) for one traveler as the traveler would pay
 * it, taxes and fees included: each leg is taxed on its own, so the per-leg fee counts `legs` times (a cent of
 * rounding aside).
 */
export const fareAllIn = (fare: { amount: number; currency: string }, legs: number) => ({
  amount: allIn([{ kind: 'flight', unitPrice: fare.amount, quantity: 1, units: 1 }]) + (legs - 1) * FLIGHT_FEE_PER_LEG,
  currency: fare.currency,
});

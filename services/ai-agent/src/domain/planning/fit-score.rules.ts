import type { CarOption, HotelOption } from '../../clients/search.types.ts';
import { legsOf, type FlightChoice } from './bundle.types.ts';

const clamp = (x: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));
const hourOf = (local: string) => Number(local.slice(11, 13));

/** Departs between 21:00 and 05:59 local: a night flight most travelers would rather avoid. */
export const isRedEye = (departLocal: string) => hourOf(departLocal) >= 21 || hourOf(departLocal) < 6;

export interface ScoreContext {
  /** The party's budget for the whole trip, when the traveler gave one. */
  budgetTotal: number | null;
  cheapestTotal: number;
  /** Median price per person of the route's options: its usual price. */
  usualFlightPrice: number | null;
  usualNightlyPrice: number | null;
  shortestDurationMin: number | null;
  amenitiesWanted: readonly string[];
  avoidRedEyes: boolean;
  /** What the traveler said matters most ("cheap", "the best", "most comfortable"); balanced when not said. */
  priority?: Priority;
}

export type Priority = 'balanced' | 'price' | 'comfort';

/**
 * How much more (or less) each part counts for a traveler who said what matters most: "cheap" leans on the two
 * price parts, "most comfortable" on the hotel, its location and the flight's convenience.
 */
const PRIORITY_WEIGHTS: Record<Priority, Record<string, number>> = {
  balanced: {},
  price: { budget: 1.6, usualPrice: 1.6, match: 0.6, location: 0.6, convenience: 0.6 },
  comfort: { budget: 0.5, usualPrice: 0.5, match: 1.6, location: 1.4, convenience: 1.6 },
};

/**
 * The Fit Score's parts, each between 0 and its weight: price against the budget (35), against the usual price
 * (15), amenities and policy (20), location (10), convenience (20). Parts that do not apply (no flight, no hotel)
 * are left out and the rest scaled up to 100; a stated priority leans the weights first.
 */
export function scoreParts(
  option: { flight: FlightChoice | null; hotel: HotelOption | null; car: CarOption | null; total: number },
  ctx: ScoreContext,
): Record<string, number> {
  const parts: Record<string, { value: number; weight: number }> = {};
  const r = ctx.budgetTotal ? option.total / ctx.budgetTotal : null;
  parts.budget = {
    weight: 35,
    value:
      r === null
        ? 35 * clamp(ctx.cheapestTotal / option.total)
        : r <= 0.85
          ? 35
          : r <= 1
            ? 35 - ((r - 0.85) / 0.15) * 10
            : Math.max(0, 25 - (r - 1) * 125),
  };
  const flightPerPerson = option.flight ? legsPrice(option.flight) : null;
  const usual =
    flightPerPerson !== null && ctx.usualFlightPrice
      ? flightPerPerson / ctx.usualFlightPrice
      : option.hotel && ctx.usualNightlyPrice
        ? option.hotel.nightlyPrice.amount / ctx.usualNightlyPrice
        : null;
  if (usual !== null) parts.usualPrice = { weight: 15, value: 15 * clamp((1.3 - usual) / 0.5) };
  if (option.hotel) {
    const have = new Set(option.hotel.amenities);
    const matched = ctx.amenitiesWanted.filter((a) => have.has(a)).length;
    parts.match = {
      weight: 20,
      value:
        ctx.amenitiesWanted.length > 0
          ? 14 * (matched / ctx.amenitiesWanted.length) + 6 * clamp(option.hotel.rating / 10)
          : 20 * clamp(option.hotel.rating / 10),
    };
    parts.location = { weight: 10, value: 10 * clamp(1 - (option.hotel.distanceKm - 1) / 9, 0.2) };
  }
  if (option.flight) {
    const legs = legsOf(option.flight);
    const stops = legs.reduce((s, l) => s + Math.min(2, l.stops), 0) / legs.length;
    const duration = legs.reduce((s, l) => s + l.durationMin, 0);
    const redEyes = legs.filter((l) => isRedEye(l.departLocal)).length;
    parts.convenience = {
      weight: 20,
      value:
        8 * (1 - stops / 2) +
        6 * clamp((ctx.shortestDurationMin ?? duration) / duration) +
        6 * (1 - redEyes / legs.length) * (ctx.avoidRedEyes && redEyes > 0 ? 0 : 1),
    };
  }
  const lean = PRIORITY_WEIGHTS[ctx.priority ?? 'balanced'];
  for (const [k, p] of Object.entries(parts)) {
    const factor = lean[k] ?? 1;
    parts[k] = { value: p.value * factor, weight: p.weight * factor };
  }
  const weight = Object.values(parts).reduce((s, p) => s + p.weight, 0);
  return Object.fromEntries(
    Object.entries(parts).map(([k, p]) => [k, Math.round(((p.value * 100) / weight) * 10) / 10]),
  );
}

export const fitScoreOf = (parts: Record<string, number>) =>
  Math.max(0, Math.min(100, Math.round(Object.values(parts).reduce((s, v) => s + v, 0))));

/** Price per person of a flight choice (both legs of a pair). */
export const legsPrice = (flight: FlightChoice) => flight.price.amount;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

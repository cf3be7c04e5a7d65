import { canStopAt, kmBetween, layoverLimits, tripLimits } from './connection.rules.ts';
import type { Leg } from './leg.ts';

/** The cheapest way found to (or from) an airport: the fare per person and its stops. */
export interface Cheapest {
  price: number;
  stops: number;
}

const MINUTE_MS = 60_000;
const MAX_LAYOVER_MS = 12 * 60 * MINUTE_MS;

function keep(best: Map<string, Cheapest>, airport: string, price: number, stops: number): void {
  const known = best.get(airport);
  if (!known || price < known.price || (price === known.price && stops < known.stops)) {
    best.set(airport, { price, stops });
  }
}

/** Whether two legs make a sellable connection on a trip from `origin` to `destination` (the itinerary rules). */
function connects(first: Leg, next: Leg, origin: string, destination: string): boolean {
  const limits = tripLimits(origin, destination);
  const minutes = (next.departMs - first.arriveMs) / MINUTE_MS;
  const { minimum, maximum } = layoverLimits(first, next, limits);
  if (minutes < minimum || minutes > maximum) return false;
  if (!canStopAt(first.destination, origin, destination, limits)) return false;
  if (kmBetween(origin, first.destination) + kmBetween(first.destination, destination) > limits.maxKm) return false;
  return (next.arriveMs - first.departMs) / MINUTE_MS <= limits.maxMinutes;
}

const byDeparture = (legs: Leg[]) => [...legs].sort((a, b) => a.departMs - b.departMs);

/**
 * The cheapest fare from the origins to every airport reachable nonstop or with one stop, leaving on `date`: the
 * same connection rules as a search's, over the legs given (those leaving the origins that day, and those leaving
 * the airports they reach).
 */
export function cheapestFrom(
  date: string,
  firsts: readonly Leg[],
  onward: readonly Leg[],
  origins: ReadonlySet<string>,
): Map<string, Cheapest> {
  const best = new Map<string, Cheapest>();
  const starts = firsts.filter((f) => f.departDate === date);
  for (const f of starts) if (!origins.has(f.destination)) keep(best, f.destination, f.fare, f.stops);
  const from = new Map<string, Leg[]>();
  for (const g of onward) from.set(g.origin, [...(from.get(g.origin) ?? []), g]);
  for (const [x, legs] of from) from.set(x, byDeparture(legs));
  for (const f of starts) {
    for (const g of from.get(f.destination) ?? []) {
      if (g.departMs <= f.arriveMs) continue;
      if (g.departMs - f.arriveMs > MAX_LAYOVER_MS) break;
      if (origins.has(g.destination) || g.destination === f.origin) continue;
      if (connects(f, g, f.origin, g.destination)) keep(best, g.destination, f.fare + g.fare, 1 + f.stops + g.stops);
    }
  }
  return best;
}

/**
 * The cheapest fare from every airport to the origins, leaving that airport on `date` (its own calendar),
 * nonstop or with one stop: `lasts` reach the origins, `feeders` reach the airports the lasts leave from.
 */
export function cheapestTo(
  date: string,
  lasts: readonly Leg[],
  feeders: readonly Leg[],
  origins: ReadonlySet<string>,
): Map<string, Cheapest> {
  const best = new Map<string, Cheapest>();
  for (const l of lasts) if (l.departDate === date && !origins.has(l.origin)) keep(best, l.origin, l.fare, l.stops);
  const into = new Map<string, Leg[]>();
  for (const g of feeders) if (g.departDate === date) into.set(g.destination, [...(into.get(g.destination) ?? []), g]);
  for (const l of lasts) {
    for (const g of into.get(l.origin) ?? []) {
      if (origins.has(g.origin) || g.origin === l.destination) continue;
      if (g.arriveMs >= l.departMs || l.departMs - g.arriveMs > MAX_LAYOVER_MS) continue;
      if (connects(g, l, g.origin, l.destination)) keep(best, g.origin, g.fare + l.fare, 1 + g.stops + l.stops);
    }
  }
  return best;
}

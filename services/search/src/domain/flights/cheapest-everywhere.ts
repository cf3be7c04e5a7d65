import { canStopAt, kmBetween, layoverLimits, tripLimits } from './connection.rules.ts';
import type { Leg } from './leg.ts';

/** The cheapest way found to (or from) an airport: the fare per person and its stops. */
export interface Cheapest {
  price: number;
  stops: number;
}

const MINUTE_MS = 60_000;
const MAX_LAYOVER_MS = 12 * 60 * MINUTE_MS;
/** No airport's minimum connecting time is shorter. */
const MIN_LAYOVER_MS = 30 * MINUTE_MS;

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

/** Legs grouped by a key, each group sorted by `order`: built once for every day a search looks at. */
export function groupLegs(
  legs: readonly Leg[],
  key: (l: Leg) => string,
  order: (l: Leg) => number,
): Map<string, Leg[]> {
  const groups = new Map<string, Leg[]>();
  for (const leg of legs) {
    const k = key(leg);
    const group = groups.get(k);
    if (group) group.push(leg);
    else groups.set(k, [leg]);
  }
  for (const group of groups.values()) group.sort((a, b) => order(a) - order(b));
  return groups;
}

/** The index of the first leg of a group (by departure) leaving at or after `ms`. */
function firstLeaving(group: readonly Leg[], ms: number): number {
  let lo = 0;
  let hi = group.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (group[mid]!.departMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The cheapest fare from the origins to every airport reachable nonstop or with one stop, leaving on the day the
 * `starts` leave: the same connection rules as a search's. `onward`: the legs leaving each airport, by departure.
 */
export function cheapestFrom(
  starts: readonly Leg[],
  onward: ReadonlyMap<string, readonly Leg[]>,
  origins: ReadonlySet<string>,
): Map<string, Cheapest> {
  const best = new Map<string, Cheapest>();
  for (const f of starts) if (!origins.has(f.destination)) keep(best, f.destination, f.fare, f.stops);
  // Cheapest first legs first: a connection that cannot beat what is known is not checked against the rules.
  for (const f of [...starts].sort((a, b) => a.fare - b.fare)) {
    const group = onward.get(f.destination) ?? [];
    for (let i = firstLeaving(group, f.arriveMs + MIN_LAYOVER_MS); i < group.length; i++) {
      const g = group[i]!;
      if (g.departMs - f.arriveMs > MAX_LAYOVER_MS) break;
      const known = best.get(g.destination);
      if (known && known.price <= f.fare + g.fare) continue;
      if (origins.has(g.destination) || g.destination === f.origin) continue;
      if (connects(f, g, f.origin, g.destination)) keep(best, g.destination, f.fare + g.fare, 1 + f.stops + g.stops);
    }
  }
  return best;
}

/**
 * The cheapest fare from every airport to the origins, leaving that airport on `date` (its own calendar),
 * nonstop or with one stop: `lasts` reach the origins (those leaving that day and the next); `feeders` (by
 * destination and day) reach the airports the lasts leave from.
 */
export function cheapestTo(
  date: string,
  lasts: readonly Leg[],
  feeders: ReadonlyMap<string, readonly Leg[]>,
  origins: ReadonlySet<string>,
): Map<string, Cheapest> {
  const best = new Map<string, Cheapest>();
  for (const l of lasts) if (l.departDate === date && !origins.has(l.origin)) keep(best, l.origin, l.fare, l.stops);
  for (const l of [...lasts].sort((a, b) => a.fare - b.fare)) {
    for (const g of feeders.get(`${l.origin}|${date}`) ?? []) {
      if (g.arriveMs + MIN_LAYOVER_MS > l.departMs || l.departMs - g.arriveMs > MAX_LAYOVER_MS) continue;
      const known = best.get(g.origin);
      if (known && known.price <= g.fare + l.fare) continue;
      if (origins.has(g.origin) || g.origin === l.destination) continue;
      if (connects(g, l, g.origin, l.destination)) keep(best, g.origin, g.fare + l.fare, 1 + g.stops + l.stops);
    }
  }
  return best;
}

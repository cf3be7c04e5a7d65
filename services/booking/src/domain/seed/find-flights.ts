import { SEED_FLIGHT_KEYS_MAX, type FlightOnDay } from '@tripwise/contracts';
import { addDays, daysFrom } from './seed-dates.ts';
import type { SeedSearch } from './seed-search.ts';
import type { Rng } from '@tripwise/travel-data';

/*
 * Past flights. Search lists flights from its start date on, so a flight taken a year ago is no longer in the
 * inventory. A past booking therefore books a scheduled service that still flies: the same airline, flight number,
 * route, weekday and local departure time a whole number of weeks later (the same time of year when the window is a
 * year long). Its listing_id, title, provider, policy and fare are that flight's; only its dates (and the instant
 * it left) are moved back by those weeks. Only flights in the window are ever held in search.
 */

export interface FlightWindow {
  from: string;
  to: string;
}

export interface FlightWish {
  origin: string;
  destination: string;
  /** The departure day wanted (local at the origin). */
  on: string;
  notBefore: string;
  notAfter: string;
  rng: Rng;
}

export interface FoundFlight {
  flight: FlightOnDay;
  /** The day it departs for this booking (local at the origin). */
  on: string;
  /** Days from `on` to the listed flight's day: 0 for a flight in the window, whole weeks for a past one. */
  shiftDays: number;
}

/** Days tried around the one wanted, nearest first: most routes fly daily, the thinnest three times a week. */
const OFFSETS = [0, 1, -1, 2, -2, 3, -3, 4, -4];

/** The listed day a departure day stands for: itself in the window; before it, the same weekday weeks later. */
export function listedDay(day: string, window: FlightWindow): string | undefined {
  if (day > window.to) return undefined;
  if (day >= window.from) return day;
  const cycle = 7 * Math.max(1, Math.floor((daysFrom(window.from, window.to) + 1) / 7));
  const listed = addDays(window.from, ((daysFrom(window.from, day) % cycle) + cycle) % cycle);
  return listed <= window.to ? listed : undefined;
}

/** A flight for each wish (undefined when the route has none near the day), looked up a few days at a time. */
export async function findFlights(
  search: Pick<SeedSearch, 'flightsOn'>,
  window: FlightWindow,
  wishes: readonly FlightWish[],
): Promise<(FoundFlight | undefined)[]> {
  const found: (FoundFlight | undefined)[] = wishes.map(() => undefined);
  for (const offset of OFFSETS) {
    const tries = wishes.flatMap((wish, i) => {
      if (found[i]) return [];
      const on = addDays(wish.on, offset);
      const listed = on < wish.notBefore || on > wish.notAfter ? undefined : listedDay(on, window);
      return listed ? [{ i, on, key: `${wish.origin}|${wish.destination}|${listed}` }] : [];
    });
    if (tries.length === 0) continue;
    const onDay = new Map<string, FlightOnDay[]>();
    const keys = [...new Set(tries.map((t) => t.key))];
    for (let start = 0; start < keys.length; start += SEED_FLIGHT_KEYS_MAX) {
      for (const flight of await search.flightsOn(keys.slice(start, start + SEED_FLIGHT_KEYS_MAX))) {
        const key = `${flight.origin}|${flight.destination}|${flight.depart_date}`;
        onDay.set(key, [...(onDay.get(key) ?? []), flight]);
      }
    }
    for (const { i, on, key } of tries) {
      const flights = onDay.get(key);
      if (!flights) continue;
      const flight = wishes[i]!.rng.pick(flights);
      found[i] = { flight, on, shiftDays: daysFrom(on, flight.depart_date) };
    }
  }
  return found;
}

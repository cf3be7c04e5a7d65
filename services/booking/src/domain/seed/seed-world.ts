import { AppError } from '@tripwise/platform/errors';
import { assignTravelers, bookingTimes } from './booking-calendar.ts';
import type { BookingScale } from './booking-scale.ts';
import type { SeedWorld } from './build-bookings.ts';
import { stayCatalog } from './choose-stays.ts';
import { planBooking, type BookingPlan, type Destinations } from './plan-bookings.ts';
import { rngFor } from '@tripwise/travel-data';
import { addDays, dayOf } from './seed-dates.ts';
import type { SeedSearch } from './seed-search.ts';
import { generateTravelers, homeAirports } from './travelers.ts';
import { UpcomingCapacity } from './upcoming-capacity.ts';

/** Everything the seed books from: search's flights window, routes, hotels and cars, and what is already taken. */
export async function loadWorld(search: SeedSearch, today: string, concurrency: number) {
  // A stay may have begun a few weeks ago and not ended: its nights count too.
  const { window, routes, rooms, cars, roomsTaken, carsTaken } = await search.seedWorld(addDays(today, -45));
  if (!window || rooms.length === 0 || cars.length === 0) {
    throw new AppError('no-inventory', 409, 'Search has nothing to book', {
      detail: 'The search inventory has no flights, hotels or cars: start the stack once (it seeds the inventory).',
    });
  }
  const byOrigin = new Map<string, { to: string[]; weights: number[] }>();
  const departures = new Map<string, number>();
  for (const route of routes) {
    const from = byOrigin.get(route.origin) ?? { to: [], weights: [] };
    from.to.push(route.destination);
    from.weights.push(route.flights ** 0.9);
    byOrigin.set(route.origin, from);
    departures.set(route.origin, (departures.get(route.origin) ?? 0) + route.flights);
  }
  const capacity = new UpcomingCapacity([
    ...roomsTaken.map((t) => ({ ...t, kind: 'room' as const })),
    ...carsTaken.map((t) => ({ ...t, kind: 'car' as const })),
  ]);
  const world: SeedWorld = { search, window, stays: stayCatalog(rooms, cars), concurrency };
  const destinations: Destinations = { routes: byOrigin };
  return { world, destinations, departures, capacity };
}

/**
 * The bookings to make, oldest first, each with its traveler: when and by whom up front (a few numbers each), the
 * plans themselves a chunk at a time (`plansOf`), so that a hundred thousand of them never sit in memory at once.
 */
export function planAll(
  scale: BookingScale,
  seed: number,
  now: Date,
  loaded: Pick<Awaited<ReturnType<typeof loadWorld>>, 'world' | 'destinations' | 'departures'>,
) {
  const today = dayOf(now.getTime());
  const travelers = generateTravelers(scale.users, seed, homeAirports(loaded.departures), today);
  const times = bookingTimes(scale.bookings, scale.days, now, rngFor(seed, scale.name, 'booking-times'));
  const owners = assignTravelers(
    scale.bookings,
    travelers.map((t) => t.activity),
    rngFor(seed, scale.name, 'traveler-bookings'),
  );
  const context = { seed, scale: scale.name, destinations: loaded.destinations, windowTo: loaded.world.window.to };
  return {
    count: times.length,
    travelers: travelers.length,
    plansOf: (from: number, to: number): BookingPlan[] =>
      times.slice(from, to).map((at, i) => planBooking(context, from + i, travelers[owners[from + i]!]!, at)),
  };
}

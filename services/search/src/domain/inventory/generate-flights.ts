import { seedCalendar } from '@tripwise/travel-data';
import { flightTimetable, flightsOnDay, type FlightLeg, type FlightService } from '@tripwise/travel-data/network';
import type { InventoryScale } from './inventory-scale.ts';

/** The network's weekly timetable for a scale: the same for the same seed, whatever the dates. */
const timetables = new Map<string, FlightService[]>();
export function timetableOf(scale: InventoryScale, seed: number): FlightService[] {
  const key = JSON.stringify([scale.airports, scale.frequencyFactor, scale.internationalFactor, seed]);
  let services = timetables.get(key);
  if (!services) timetables.set(key, (services = flightTimetable(scale, seed)));
  return services;
}

/**
 * Every flight (leg) of `days` days from `startDate`, day by day, priced as put on sale on `pricedOn` (the start
 * date by default). Lazily, so that a million flights never sit in memory at once.
 */
export function* generateFlights(
  scale: InventoryScale,
  seed: number,
  startDate: string,
  options: { days?: number; pricedOn?: string } = {},
): Generator<FlightLeg> {
  const services = timetableOf(scale, seed);
  for (const day of seedCalendar(startDate, options.days ?? scale.days)) {
    yield* flightsOnDay(services, day.date, seed, options.pricedOn ?? startDate);
  }
}

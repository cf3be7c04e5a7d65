import { economyFareUsd } from './flight-fares.ts';
import { planFlightServices, type FlightService } from './flight-schedule.ts';
import type { FlightCabinRow, FlightRow } from './inventory.types.ts';
import type { InventoryScale } from './inventory-scale.ts';
import { networkAirports } from './network-airports.ts';
import { buildRouteNetwork } from './route-network.ts';
import { seedCalendar, type SeedDay } from './seed-calendar.ts';
import { rngFor, type Rng } from './seeded-random.ts';
import { createLocalClock } from './zoned-time.ts';

const MINUTE_MS = 60_000;
const MIN_FARE_USD = 29;

function cabinsOf(service: FlightService, day: SeedDay, rng: Rng): FlightCabinRow[] {
  const economy = economyFareUsd({
    km: service.km,
    stops: service.via === null ? 0 : 1,
    profile: service.profile,
    departMinute: service.departMinute,
    weekday: day.weekday,
    daysOut: day.index,
    noise: rng.between(0.9, 1.1),
  });
  let previous = 0;
  return service.cabins.map((plan) => {
    // Each cabin wobbles a little on its own, but never below the one in front of it.
    const usd = Math.max(Math.round(economy * plan.fareRatio * rng.between(0.97, 1.03)), MIN_FARE_USD, previous + 1);
    previous = usd;
    return { cabin: plan.cabin, priceMinor: usd * 100, seatsTotal: plan.seats };
  });
}

/** The timetable behind the flights: which services fly, when, and with what cabins. */
export function flightTimetable(scale: InventoryScale, seed: number, startDate: string): FlightService[] {
  const routes = buildRouteNetwork(networkAirports(scale.airports), scale.partnersPerAirport);
  return planFlightServices(routes, seedCalendar(startDate, scale.days), scale.minFlights, seed);
}

/**
 * Every flight of the window, day by day. Lazily, so that a million flights never sit in memory at once, and
 * with one random stream per day, so that a day's fares do not depend on the days before it.
 */
export function* generateFlights(scale: InventoryScale, seed: number, startDate: string): Generator<FlightRow> {
  const services = flightTimetable(scale, seed, startDate);
  const clocks = new Map(services.map((s) => [s.from.timeZone, createLocalClock(s.from.timeZone)]));
  for (const day of seedCalendar(startDate, scale.days)) {
    const rng = rngFor(seed, 'flights', day.date);
    for (const service of services) {
      if (!service.weekdays[day.weekday]) continue;
      const departMs = clocks.get(service.from.timeZone)!(day.utcMidnightMs, service.departMinute);
      yield {
        airline: service.profile.airline.code,
        flightNumber: service.flightNumber,
        origin: service.from.code,
        destination: service.to.code,
        via: service.via,
        stops: service.via === null ? 0 : 1,
        departAt: new Date(departMs),
        arriveAt: new Date(departMs + service.durationMin * MINUTE_MS),
        departDate: day.date,
        durationMin: service.durationMin,
        refundable: rng.chance(service.profile.refundableShare),
        cabins: cabinsOf(service, day, rng),
      };
    }
  }
}

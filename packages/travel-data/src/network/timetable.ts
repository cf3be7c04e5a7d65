import { rngFor, type Rng } from '../seeded-random.ts';
import type { AirlineProfile } from './airline-profiles.ts';
import { departureMinutes } from './departure-times.ts';
import { planCabins, type CabinPlan } from './flight-fares.ts';
import { blockMinutes } from './flight-timing.ts';
import { networkAirports, type NetworkAirport } from './network-airports.ts';
import type { NetworkScale } from './network-scale.ts';
import { planRoutes, type PlannedRoute } from './route-frequencies.ts';
import { pickWeekdays } from './share-out.ts';

/** A timetable entry: one leg, the same flight number, time and aircraft on the weekdays it operates. */
export interface FlightService {
  profile: AirlineProfile;
  flightNumber: string;
  from: NetworkAirport;
  to: NetworkAirport;
  km: number;
  /** Local time at the origin, minutes after midnight. */
  departMinute: number;
  durationMin: number;
  /** Indexed 0 Sunday … 6 Saturday. */
  weekdays: readonly boolean[];
  cabins: readonly CabinPlan[];
}

type Unnumbered = Omit<FlightService, 'flightNumber'>;

/** Travelers fly most on Fridays, Sundays, Mondays and Thursdays; a part-week service picks those first. */
const WEEKDAY_DEMAND = [1.3, 1.2, 0.8, 0.9, 1.2, 1.4, 0.9];
const EVERY_DAY = [true, true, true, true, true, true, true];
/** Saturdays are thinner: on pairs a carrier flies eight times a day or more, one flight skips them. */
const NOT_SATURDAY = [true, true, true, true, true, true, false];

function carrierServices(route: PlannedRoute, profile: AirlineProfile, weekly: number, rng: Rng): Unnumbered[] {
  const durationMin = blockMinutes(route.from, route.to, route.km);
  // Whole days a week, and what is left over as one more flight on some days (timetables have those too).
  const daily = Math.floor(weekly / 7);
  const partWeek = weekly % 7;
  const count = daily + (partWeek > 0 ? 1 : 0);
  const times = departureMinutes(route, profile, durationMin, count, rng);
  const partWeekAt = partWeek > 0 ? rng.int(0, count - 1) : -1;
  const lastDaily = partWeekAt === count - 1 ? count - 2 : count - 1;
  return times.map((departMinute, i) => ({
    profile,
    from: route.from,
    to: route.to,
    km: route.km,
    departMinute,
    durationMin,
    weekdays:
      i === partWeekAt
        ? pickWeekdays(partWeek, WEEKDAY_DEMAND, rng)
        : daily >= 8 && i === lastDaily
          ? NOT_SATURDAY
          : EVERY_DAY,
    cabins: planCabins(route.km, profile, rng),
  }));
}

function numbered(services: Unnumbered[], seed: number): FlightService[] {
  const counters = new Map<string, { rng: Rng; last: number }>();
  return services.map((service) => {
    const code = service.profile.airline.code;
    let counter = counters.get(code);
    if (!counter) {
      const rng = rngFor(seed, 'flight-numbers', code);
      counter = { rng, last: rng.int(100, 499) };
      counters.set(code, counter);
    }
    // Small gaps between numbers, as real timetables have; never past four digits.
    counter.last = counter.last >= 9_990 ? counter.rng.int(10, 99) : counter.last + counter.rng.int(1, 2);
    return { ...service, flightNumber: `${code} ${counter.last}` };
  });
}

/**
 * The weekly timetable of the network: every planned route's carriers, each flight at its time with its aircraft.
 * It depends on the scale and the seed only, never on dates, so any day of any window is generated the same way.
 */
export function flightTimetable(scale: NetworkScale, seed: number): FlightService[] {
  const routes = planRoutes(
    networkAirports(scale.airports),
    scale.frequencyFactor,
    undefined,
    scale.internationalFactor,
  );
  const services = routes.flatMap((route) =>
    route.carriers.flatMap(({ profile, weekly }) =>
      carrierServices(
        route,
        profile,
        weekly,
        rngFor(seed, 'timetable', route.from.code, route.to.code, profile.airline.code),
      ),
    ),
  );
  return numbered(services, seed);
}

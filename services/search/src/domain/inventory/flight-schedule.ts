import { airportByCode } from '@tripwise/travel-data';
import type { AirlineProfile } from './airline-profiles.ts';
import { planCabins, type CabinPlan } from './flight-fares.ts';
import { flightOptions, type FlightOption } from './flight-options.ts';
import { blockMinutes, departureMinutes, layoverMinutes } from './flight-timing.ts';
import type { NetworkAirport } from './network-airports.ts';
import type { Route } from './route-network.ts';
import type { SeedDay } from './seed-calendar.ts';
import { rngFor, type Rng } from './seeded-random.ts';
import { shareOut, pickWeekdays } from './share-out.ts';

/** A timetable entry: the same flight number, time and aircraft on the weekdays it operates. */
export interface FlightService {
  profile: AirlineProfile;
  flightNumber: string;
  from: NetworkAirport;
  to: NetworkAirport;
  via: string | null;
  /** Great-circle distance from origin to destination, whatever the routing: what fares are based on. */
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
/** Where a nonstop exists, connections get this share of the route's frequencies. */
const CONNECTION_SHARE = 0.25;
/** Frequencies grow with a route's weight, slightly less than proportionally. */
const FREQUENCY_EXPONENT = 0.9;
/** Even the thinnest route is flown a few times a week. */
const MIN_WEEKLY = 3;

function durationOf(route: Route, option: FlightOption, rng: Rng): number {
  const hub = option.via === null ? undefined : airportByCode(option.via);
  if (!hub) return blockMinutes(route.from, route.to, route.km);
  const [leg1 = 0, leg2 = 0] = option.legsKm;
  return blockMinutes(route.from, hub, leg1) + layoverMinutes(rng) + blockMinutes(hub, route.to, leg2);
}

/**
 * The carriers that get a route's frequencies: about one per daily frequency, so that a route flown nine times a
 * week has one daily nonstop rather than five carriers flying twice a week. Carriers with a hub at both ends
 * (see FlightOption.weight) are likelier to be chosen.
 */
function chooseOptions(options: readonly FlightOption[], weekly: number, rng: Rng): FlightOption[] {
  const count = Math.min(options.length, Math.max(1, Math.round(weekly / 7)));
  return options
    .map((option) => ({ option, key: rng.next() ** (1 / option.weight) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, count)
    .map(({ option }) => option);
}

function weeklyPlans(options: readonly FlightOption[], weekly: number, rng: Rng) {
  if (weekly <= 0 || options.length === 0) return [];
  const chosen = chooseOptions(options, weekly, rng);
  return shareOut(
    weekly,
    chosen.map((o) => o.weight),
  ).flatMap((count, i) => {
    const weekdaySets = Array.from({ length: Math.floor(count / 7) }, () => Array<boolean>(7).fill(true));
    if (count % 7 > 0) weekdaySets.push(pickWeekdays(count % 7, WEEKDAY_DEMAND, rng));
    return weekdaySets.map((weekdays) => ({ option: chosen[i]!, weekdays }));
  });
}

function routeServices(
  route: Route,
  { nonstop, oneStop }: ReturnType<typeof flightOptions>,
  weekly: number,
  rng: Rng,
): Unnumbered[] {
  const connections = nonstop.length === 0 ? weekly : oneStop.length === 0 ? 0 : Math.round(weekly * CONNECTION_SHARE);
  const planned = [...weeklyPlans(nonstop, weekly - connections, rng), ...weeklyPlans(oneStop, connections, rng)];
  const minutes = departureMinutes(planned.length, rng);
  const order = planned.map((_, i) => ({ i, key: rng.next() })).sort((a, b) => a.key - b.key);
  return order.map(({ i }, slot) => {
    const { option, weekdays } = planned[i]!;
    return {
      profile: option.profile,
      from: route.from,
      to: route.to,
      via: option.via,
      km: route.km,
      departMinute: minutes[slot]!,
      durationMin: durationOf(route, option, rng),
      weekdays,
      cabins: planCabins(Math.max(...option.legsKm), option.profile, rng),
    };
  });
}

function numbered(services: Unnumbered[], seed: number): FlightService[] {
  const counters = new Map<string, { rng: Rng; last: number }>();
  return services.map((service) => {
    const code = service.profile.airline.code;
    let counter = counters.get(code);
    if (!counter) {
      const rng = rngFor(seed, 'flight-numbers', code);
      counter = { rng, last: rng.int(100, 899) };
      counters.set(code, counter);
    }
    // Small gaps between numbers, as real timetables have.
    counter.last += counter.rng.int(1, 3);
    return { ...service, flightNumber: `${code} ${counter.last}` };
  });
}

/** How many flights the services make over the window, given how often each weekday occurs in it. */
function flightsInWindow(services: readonly Unnumbered[], weekdayCounts: readonly number[]): number {
  let flights = 0;
  for (const service of services) {
    service.weekdays.forEach((on, weekday) => {
      if (on) flights += weekdayCounts[weekday] ?? 0;
    });
  }
  return flights;
}

/**
 * Timetables for every route, with weekly frequencies shared out by the routes' weights (see
 * FREQUENCY_EXPONENT) and scaled up until the window holds at least `minFlights`.
 */
export function planFlightServices(
  routes: readonly Route[],
  calendar: readonly SeedDay[],
  minFlights: number,
  seed: number,
): FlightService[] {
  const flyable = routes
    .map((route) => ({ route, options: flightOptions(route) }))
    .filter(({ options }) => options.nonstop.length + options.oneStop.length > 0);
  const weekdayCounts = [0, 0, 0, 0, 0, 0, 0];
  for (const day of calendar) weekdayCounts[day.weekday]! += 1;
  const weights = flyable.map(({ route }) => route.weight ** FREQUENCY_EXPONENT);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  let weeklyTotal = (minFlights / Math.max(calendar.length, 1)) * 7;
  for (let attempt = 0; attempt < 20; attempt++) {
    const services = flyable.flatMap(({ route, options }, i) => {
      const weekly = Math.max(MIN_WEEKLY, Math.round((weeklyTotal * weights[i]!) / totalWeight));
      const rng = rngFor(seed, 'schedule', route.from.code, route.to.code);
      return routeServices(route, options, weekly, rng);
    });
    const flights = flightsInWindow(services, weekdayCounts);
    if (flights >= minFlights) return numbered(services, seed);
    weeklyTotal *= (minFlights / Math.max(flights, 1)) * 1.01;
  }
  throw new Error(`could not schedule ${minFlights} flights over ${calendar.length} days`);
}

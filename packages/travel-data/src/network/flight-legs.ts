import { rngFor, type Rng } from '../seeded-random.ts';
import { isoDateToUtcMs } from '../time/seed-calendar.ts';
import { createLocalClock } from '../time/zoned-time.ts';
import { economyFareUsd, type Cabin } from './flight-fares.ts';
import type { FlightService } from './timetable.ts';

/** One flight on one day: a leg, as the inventory stores it. */
export interface FlightLeg {
  airline: string;
  /** `UA 1234`: the airline code, a space and the number. */
  flightNumber: string;
  origin: string;
  destination: string;
  departAt: Date;
  arriveAt: Date;
  /** The calendar date at the origin when it leaves, `YYYY-MM-DD`. */
  departDate: string;
  durationMin: number;
  refundable: boolean;
  /** Cheapest cabin first; economy is always there. */
  cabins: { cabin: Cabin; priceMinor: number; seatsTotal: number }[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MIN_FARE_USD = 29;

function cabinsOf(service: FlightService, weekday: number, daysOut: number, rng: Rng): FlightLeg['cabins'] {
  const economy = economyFareUsd({
    km: service.km,
    stops: 0,
    profile: service.profile,
    departMinute: service.departMinute,
    weekday,
    daysOut,
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

/**
 * Every flight of one day (by each origin's calendar), from the timetable. A flight's fare depends on the seed,
 * the day, its number and how many days before departure it is priced (`pricedOn`: the day it is put on sale),
 * never on the days generated before it, so a window can be extended one day at a time.
 */
export function flightsOnDay(
  services: readonly FlightService[],
  date: string,
  seed: number,
  pricedOn: string,
): FlightLeg[] {
  const utcMidnightMs = isoDateToUtcMs(date);
  const weekday = new Date(utcMidnightMs).getUTCDay();
  const daysOut = Math.max(0, Math.round((utcMidnightMs - isoDateToUtcMs(pricedOn)) / DAY_MS));
  const clocks = new Map<string, ReturnType<typeof createLocalClock>>();
  const legs: FlightLeg[] = [];
  for (const service of services) {
    if (!service.weekdays[weekday]) continue;
    let clock = clocks.get(service.from.timeZone);
    if (!clock) clocks.set(service.from.timeZone, (clock = createLocalClock(service.from.timeZone)));
    const departMs = clock(utcMidnightMs, service.departMinute);
    const rng = rngFor(seed, 'fare', date, service.flightNumber);
    legs.push({
      airline: service.profile.airline.code,
      flightNumber: service.flightNumber,
      origin: service.from.code,
      destination: service.to.code,
      departAt: new Date(departMs),
      arriveAt: new Date(departMs + service.durationMin * MINUTE_MS),
      departDate: date,
      durationMin: service.durationMin,
      refundable: rng.chance(service.profile.refundableShare),
      cabins: cabinsOf(service, weekday, daysOut, rng),
    });
  }
  return legs;
}

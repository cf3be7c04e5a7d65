import type { Cabin } from '@tripwise/contracts';
import { seedCalendar } from '@tripwise/travel-data';
import { flightsOnDay } from '@tripwise/travel-data/network';
import { timetableOf } from '../src/domain/inventory/generate-flights.ts';
import type { InventoryScale } from '../src/domain/inventory/inventory-scale.ts';
import type { FlightLegSource, Leg } from '../src/domain/flights/leg.ts';

/** A scale's generated flights over some days, as legs with fares and seats per cabin, numbered from 1. */
export function generatedLegs(scale: InventoryScale, start: string, days: number, seed = 1) {
  const services = timetableOf(scale, seed);
  let id = 0;
  return seedCalendar(start, days).flatMap(({ date }) =>
    flightsOnDay(services, date, seed, start).map((f) => ({
      id: ++id,
      date,
      airline: f.airline,
      flightNumber: f.flightNumber,
      origin: f.origin,
      destination: f.destination,
      departMs: f.departAt.getTime(),
      arriveMs: f.arriveAt.getTime(),
      durationMin: f.durationMin,
      refundable: f.refundable,
      cabins: new Map(f.cabins.map((c) => [c.cabin as string, { fare: c.priceMinor, seats: c.seatsTotal }])),
    })),
  );
}

export type GeneratedLeg = ReturnType<typeof generatedLegs>[number];

/** A leg source over an array: the test's own reading of "legs on these days with the cabin's seats free". */
export function arrayLegSource(all: readonly GeneratedLeg[]): FlightLegSource {
  const index = new Map<string, GeneratedLeg[]>();
  const add = (key: string, leg: GeneratedLeg) => index.set(key, [...(index.get(key) ?? []), leg]);
  for (const leg of all) {
    add(`o|${leg.origin}|${leg.date}`, leg);
    add(`d|${leg.destination}|${leg.date}`, leg);
  }
  const asLegs = (legs: GeneratedLeg[], cabin: Cabin, passengers: number): Leg[] =>
    legs.flatMap((l) => {
      const c = l.cabins.get(cabin);
      if (!c || c.seats < passengers) return [];
      const { cabins: _c, date, ...rest } = l;
      return [{ ...rest, departDate: date, fare: c.fare, seatsLeft: c.seats, stops: 0, via: null }];
    });
  return {
    async between(origins, destinations, dates, w) {
      const legs = dates.flatMap((d) => origins.flatMap((o) => index.get(`o|${o}|${d}`) ?? []));
      return asLegs(
        legs.filter((l) => destinations.includes(l.destination)),
        w.cabin,
        w.passengers,
      );
    },
    async from(origins, dates, w) {
      return asLegs(
        dates.flatMap((d) => origins.flatMap((o) => index.get(`o|${o}|${d}`) ?? [])),
        w.cabin,
        w.passengers,
      );
    },
    async to(destinations, dates, w) {
      return asLegs(
        dates.flatMap((d) => destinations.flatMap((t) => index.get(`d|${t}|${d}`) ?? [])),
        w.cabin,
        w.passengers,
      );
    },
  };
}

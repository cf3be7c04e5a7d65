import type { SeedSearch } from './seed-search.ts';
import type { StayCatalog } from './choose-stays.ts';
import { findFlights, type FlightWindow, type FlightWish } from './find-flights.ts';
import { carLeg, flightLeg, hotelLeg, quotedLeg, type Leg } from './item-legs.ts';
import { FLIES, type BookingPlan } from './plan-bookings.ts';
import { quoteListings } from './quote-listings.ts';
import { addDays, dayOf } from './seed-dates.ts';

export interface SeedWorld {
  /** Search, over HTTP: the seed books its inventory the way the booking service does. */
  search: SeedSearch;
  window: FlightWindow;
  stays: StayCatalog;
  /** Calls to search at once. */
  concurrency: number;
}

/** A booking ready to be priced: its items in trip order, each quoted by search. */
export interface BuiltBooking {
  plan: BookingPlan;
  legs: (Leg & { quoted: NonNullable<Leg['quoted']> })[];
}

const RETURNS = new Set(['round-trip', 'flight-hotel', 'flight-hotel-car']);

async function quoteAll(world: SeedWorld, legs: Map<number, Leg>): Promise<Map<number, Leg>> {
  const entries = [...legs];
  const quoted = await quoteListings(
    world.search,
    entries.map(([, leg]) => leg.request),
    world.concurrency,
  );
  return new Map(entries.map(([index, leg], i) => [index, quotedLeg(leg, quoted[i]!)]));
}

async function flightLegs(world: SeedWorld, plans: BookingPlan[], wishOf: (plan: BookingPlan) => FlightWish) {
  const found = await findFlights(world.search, world.window, plans.map(wishOf));
  const legs = new Map<number, Leg>();
  plans.forEach((plan, i) => {
    if (found[i]) legs.set(plan.index, flightLeg(plan, found[i]));
  });
  return quoteAll(world, legs);
}

/** The stay and the rental of a booking, over the nights between its flights, or from its start. */
function stayLegs(world: SeedWorld, plan: BookingPlan, outbound?: Leg, back?: Leg): Leg[] | undefined {
  const from = outbound?.quoted?.listing.endDate ?? plan.startOn;
  const to = back?.quoted?.listing.startDate ?? addDays(plan.startOn, plan.nights);
  const hotel = plan.shape.includes('hotel') ? hotelLeg(plan, world.stays, from, to) : undefined;
  const car = plan.shape.endsWith('car') ? carLeg(plan, world.stays, from, to) : undefined;
  if (plan.shape.includes('hotel') && !hotel) return undefined;
  // A traveler too young to rent any car there books the rest.
  if (plan.shape === 'car' && !car) return undefined;
  return [hotel, car].filter((leg) => leg !== undefined);
}

/**
 * Finds and quotes every item of a chunk of plans, stage by stage (outbound flights, return flights, stays and
 * cars), so that each stage is a few queries for the whole chunk. Plans whose flights cannot be found are dropped.
 */
export async function buildBookings(world: SeedWorld, plans: readonly BookingPlan[]): Promise<BuiltBooking[]> {
  const flying = plans.filter((p) => FLIES.has(p.shape));
  const outbound = await flightLegs(world, flying, (p) => ({
    origin: p.origin,
    destination: p.destination,
    on: p.startOn,
    notBefore: addDays(dayOf(p.createdAt), 1),
    notAfter: world.window.to,
    rng: p.rng,
  }));
  const returning = flying.filter((p) => RETURNS.has(p.shape) && outbound.has(p.index));
  const back = await flightLegs(world, returning, (p) => {
    const arrived = outbound.get(p.index)!.quoted!.listing.endDate;
    return {
      origin: p.destination,
      destination: p.origin,
      on: addDays(arrived, p.nights),
      notBefore: addDays(arrived, 1),
      notAfter: world.window.to,
      rng: p.rng,
    };
  });
  const stays = new Map<number, Leg[]>();
  const stayLegsToQuote = new Map<number, Leg>();
  for (const plan of plans) {
    if (FLIES.has(plan.shape) && (!outbound.has(plan.index) || (RETURNS.has(plan.shape) && !back.has(plan.index)))) {
      continue;
    }
    const legs = stayLegs(world, plan, outbound.get(plan.index), back.get(plan.index));
    if (!legs) continue;
    stays.set(plan.index, legs);
    legs.forEach((leg, i) => stayLegsToQuote.set(plan.index * 4 + i, leg));
  }
  const quotedStays = await quoteAll(world, stayLegsToQuote);
  return plans.flatMap((plan) => {
    const legs = stays.get(plan.index);
    if (!legs) return [];
    const all = [
      outbound.get(plan.index),
      ...legs.map((_, i) => quotedStays.get(plan.index * 4 + i)),
      back.get(plan.index),
    ].filter((leg) => leg !== undefined);
    return [{ plan, legs: all as BuiltBooking['legs'] }];
  });
}

import type { CarRequest, FlightRequest, HotelRequest, IntentRequest } from '@tripwise/contracts';
import type { RequestPatch } from './request-patch.rules.ts';
import { addDays, daysBetween } from './calendar.rules.ts';
import { emptyCar, emptyFlight, emptyHotel } from './request.shapes.ts';

export interface MergeResult {
  request: IntentRequest;
  /** The turn changed something the traveller had already said: a refinement rather than new information. */
  changed: boolean;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function apply<T extends object>(base: T, patch: Partial<T>, changes: Changes): T {
  const result = { ...base };
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const value = patch[key];
    if (value === undefined) {
      continue;
    }
    const had = base[key];
    const hadSomething = had !== null && !(Array.isArray(had) && had.length === 0);
    if (hadSomething && !same(had, value)) {
      changes.changed = true;
    }
    result[key] = value;
  }
  return result;
}

// A value that follows another ("the hotel is where the flight lands") moves with it unless the traveller set it.
function follow<T>(current: T | null, oldSource: T | null, newSource: T | null, setByTurn: boolean): T | null {
  if (setByTurn || newSource === null) {
    return current;
  }
  return current === null || same(current, oldSource) ? newSource : current;
}

function settleHotel(hotel: HotelRequest, patch: Partial<HotelRequest>): HotelRequest {
  const settled = { ...hotel };
  if (patch.nights !== undefined && settled.checkIn && patch.checkOut === undefined) {
    settled.checkOut = addDays(settled.checkIn, patch.nights ?? 0);
  } else if (patch.checkIn !== undefined && patch.checkOut === undefined && settled.checkIn && settled.nights) {
    settled.checkOut = addDays(settled.checkIn, settled.nights);
  } else if (settled.checkIn && settled.checkOut) {
    const nights = daysBetween(settled.checkIn, settled.checkOut);
    settled.nights = nights > 0 ? nights : settled.nights;
    settled.checkOut = nights > 0 ? settled.checkOut : null;
  }
  if (settled.checkIn && settled.nights && !settled.checkOut) {
    settled.checkOut = addDays(settled.checkIn, settled.nights);
  }
  return settled;
}

function settleFlight(flight: FlightRequest): FlightRequest {
  const backwards = flight.departDate && flight.returnDate && flight.returnDate < flight.departDate;
  return backwards ? { ...flight, returnDate: null } : flight;
}

interface Changes {
  changed: boolean;
}

/** Where and when a trip's traveller is: what a hotel and then a car follow. */
interface Whereabouts {
  city: string | null;
  from: string | null;
  to: string | null;
  people: number | null;
}

const flightWhereabouts = (flight: FlightRequest | null): Whereabouts => ({
  city: flight?.destination?.city ?? null,
  from: flight?.departDate ?? null,
  to: flight?.returnDate ?? null,
  people: flight?.passengers ?? null,
});

function mergeHotel(
  previous: HotelRequest | null,
  patch: Partial<HotelRequest>,
  trip: { before: Whereabouts; after: Whereabouts },
  changes: Changes,
): HotelRequest {
  const amenities = [...new Set([...(previous?.amenities ?? []), ...(patch.amenities ?? [])])];
  const base = apply(previous ?? emptyHotel(), { ...patch, amenities }, changes);
  const { before, after } = trip;
  const followed: HotelRequest = {
    ...base,
    city: follow(base.city, before.city, after.city, patch.city !== undefined),
    checkIn: follow(base.checkIn, before.from, after.from, patch.checkIn !== undefined),
    checkOut: follow(base.checkOut, before.to, after.to, patch.checkOut !== undefined),
    guests: follow(base.guests, before.people, after.people, patch.guests !== undefined),
  };
  return settleHotel(followed, patch);
}

function mergeCar(
  previous: CarRequest | null,
  patch: RequestPatch,
  trip: { before: Whereabouts; after: Whereabouts },
  changes: Changes,
): CarRequest {
  const base = apply(previous ?? emptyCar(), patch.car, changes);
  const { before, after } = trip;
  const car: CarRequest = {
    ...base,
    pickupCity: follow(base.pickupCity, before.city, after.city, patch.car.pickupCity !== undefined),
    pickupDate: follow(base.pickupDate, before.from, after.from, patch.car.pickupDate !== undefined),
    dropoffDate: follow(base.dropoffDate, before.to, after.to, patch.car.dropoffDate !== undefined),
  };
  if (patch.rentalDays !== null && car.pickupDate && patch.car.dropoffDate === undefined) {
    car.dropoffDate = addDays(car.pickupDate, patch.rentalDays);
  }
  if (car.pickupDate && car.dropoffDate && car.dropoffDate < car.pickupDate) {
    car.dropoffDate = null;
  }
  return car;
}

// A car follows the stay when there is one, else the flight.
function stayWhereabouts(hotel: HotelRequest | null, flight: FlightRequest | null): Whereabouts {
  const landing = flightWhereabouts(flight);
  return {
    city: hotel?.city ?? landing.city,
    from: hotel?.checkIn ?? landing.from,
    to: hotel?.checkOut ?? landing.to,
    people: hotel?.guests ?? landing.people,
  };
}

/**
 * Folds one turn's patch into the conversation's request. Searches of one trip stay consistent: the hotel follows
 * the flight (where it lands, when it leaves and returns) and the car follows the stay, unless the traveller set
 * them apart.
 */
export function mergePatch(previous: IntentRequest, patch: RequestPatch): MergeResult {
  const changes: Changes = { changed: false };
  const has = (domain: 'flight' | 'hotel' | 'car'): boolean => patch.domains.includes(domain);
  const flight = has('flight') ? settleFlight(apply(previous.flight ?? emptyFlight(), patch.flight, changes)) : null;
  const landing = { before: flightWhereabouts(previous.flight), after: flightWhereabouts(flight) };
  const hotel = has('hotel') ? mergeHotel(previous.hotel, patch.hotel, landing, changes) : null;

  // A trip's flight with no day of its own takes the stay's: "flights to Paris and a hotel from June 3rd to 10th".
  if (flight && hotel?.checkIn && flight.departDate === null && patch.hotel.checkIn !== undefined) {
    flight.departDate = hotel.checkIn;
  }
  // A trip's stay decides its return flight when only the stay's length was given ("and a hotel for 5 nights").
  if (flight && hotel?.checkOut && flight.returnDate === null && flight.departDate === hotel.checkIn) {
    flight.returnDate = hotel.checkOut;
  }
  const stay = { before: stayWhereabouts(previous.hotel, previous.flight), after: stayWhereabouts(hotel, flight) };
  const car = has('car') ? mergeCar(previous.car, patch, stay, changes) : null;

  const budgetChanged = patch.budget && previous.budget && !same(patch.budget, previous.budget);
  const watchChanged = patch.watch && previous.watch && !same(patch.watch, previous.watch);
  const request: IntentRequest = {
    ...previous,
    flight,
    hotel,
    car,
    budget: patch.budget ?? previous.budget,
    watch: patch.watch ?? previous.watch,
  };
  return { request, changed: changes.changed || Boolean(budgetChanged) || Boolean(watchChanged) };
}

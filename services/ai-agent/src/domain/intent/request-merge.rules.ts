import type { CarRequest, FlightRequest, HotelRequest, IntentRequest } from '@tripwise/contracts';
import type { RequestPatch } from './request-patch.rules.ts';
import { addDays, daysBetween } from './calendar.rules.ts';
import { placeOf } from './places.rules.ts';
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

/** Where a trip's traveller is and how many they are: what a stay and a rental follow. */
interface Whereabouts {
  city: string | null;
  people: number | null;
}

// The trip's place is where the flight lands, else where the stay is, else where the car is picked up.
const whereaboutsOf = (request: Pick<IntentRequest, 'flight' | 'hotel' | 'car'>): Whereabouts => ({
  city: request.flight?.destination?.city ?? request.hotel?.city ?? request.car?.pickupCity ?? null,
  people: request.flight?.passengers ?? request.hotel?.guests ?? null,
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
    guests: follow(base.guests, before.people, after.people, patch.guests !== undefined),
  };
  // Every room holds someone: "2 rooms" means at least two guests, however many were counted before.
  if (followed.rooms !== null && (followed.guests === null || followed.guests < followed.rooms)) {
    followed.guests = followed.rooms;
  }
  // And one guest takes one room: "a room for one", "just me" said of the stay settle its room count too.
  if (followed.rooms === null && patch.guests === 1) {
    followed.rooms = 1;
  }
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
  // A rental asked for in the same breath as the flight or the stay is where they are; one added later with no
  // place of its own is left to the planner, which picks it up where the trip lands or stays.
  const sameBreath = previous === null && patch.named.some((domain) => domain !== 'car');
  const car: CarRequest = {
    ...base,
    pickupCity: sameBreath
      ? follow(base.pickupCity, before.city, after.city, patch.car.pickupCity !== undefined)
      : base.pickupCity,
  };
  if (patch.rentalDays !== null && car.pickupDate && patch.car.dropoffDate === undefined) {
    car.dropoffDate = addDays(car.pickupDate, patch.rentalDays);
  }
  if (car.pickupDate && car.dropoffDate && car.dropoffDate < car.pickupDate) {
    car.dropoffDate = null;
  }
  return car;
}

// A split said before holds while the head count it adds up to does: "make it 5 people" leaves it unknown.
function partyOf(
  previous: IntentRequest,
  patch: RequestPatch,
  flight: FlightRequest | null,
  hotel: HotelRequest | null,
): IntentRequest['party'] {
  if (patch.party) return patch.party;
  const split = previous.party ?? null;
  if (split === null) return null;
  const total = (split.adults ?? 1) + split.children + split.infants;
  const counted = flight?.passengers ?? hotel?.guests ?? null;
  return counted === null || counted === total ? split : null;
}

/**
 * Folds one turn's patch into the conversation's request. Searches of one trip stay together: a stay with no city of
 * its own is where the flight lands (or where the rental is), and counts the flight's passengers as guests; so is a
 * rental asked for together with them. Days are not copied, nor the place of a rental added later: a stay or a rental
 * the traveller gave no days of has none here, and the planner takes the flight's (so that they move with it). A
 * rental said to be "there" is placed by the words (see `parse-turn.ts`).
 */
export function mergePatch(previous: IntentRequest, patch: RequestPatch): MergeResult {
  const changes: Changes = { changed: false };
  const has = (domain: 'flight' | 'hotel' | 'car'): boolean => patch.domains.includes(domain);
  const flight = has('flight') ? settleFlight(apply(previous.flight ?? emptyFlight(), patch.flight, changes)) : null;
  // A flight asked for after a stay or a rental goes where they are: "I also need a round trip flight."
  const stayCity = previous.hotel?.city ?? previous.car?.pickupCity ?? null;
  if (flight && !previous.flight && !flight.destination && stayCity && flight.origin?.city !== stayCity) {
    flight.destination = placeOf(stayCity);
  }
  const before = whereaboutsOf(previous);
  const withFlight = whereaboutsOf({ flight, hotel: previous.hotel, car: previous.car });
  const hotel = has('hotel') ? mergeHotel(previous.hotel, patch.hotel, { before, after: withFlight }, changes) : null;

  // A trip's flight with no day of its own takes the stay's: "flights to Paris and a hotel from June 3rd to 10th".
  if (flight && hotel?.checkIn && flight.departDate === null && patch.hotel.checkIn !== undefined) {
    flight.departDate = hotel.checkIn;
  }
  // A trip's stay decides its return flight when the stay was given its length or last day in this turn ("and a
  // hotel for 5 nights", "a hotel from June 3rd to the 10th") and starts when the flight leaves.
  const stayTold = patch.hotel.nights !== undefined || patch.hotel.checkOut !== undefined;
  if (flight?.departDate && flight.returnDate === null && hotel && stayTold) {
    const stayStart = hotel.checkIn ?? flight.departDate;
    const stayEnd = hotel.checkOut ?? (hotel.nights ? addDays(stayStart, hotel.nights) : null);
    if (stayStart === flight.departDate && stayEnd) flight.returnDate = stayEnd;
  }
  const after = whereaboutsOf({ flight, hotel, car: previous.car });
  const car = has('car') ? mergeCar(previous.car, patch, { before, after }, changes) : null;

  const budgetChanged = patch.budget && previous.budget && !same(patch.budget, previous.budget);
  const watchChanged = patch.watch && previous.watch && !same(patch.watch, previous.watch);
  const request: IntentRequest = {
    ...previous,
    flight,
    hotel,
    car,
    budget: patch.budget ?? previous.budget,
    watch: patch.watch ?? previous.watch,
    dateWindow: patch.dateWindow === undefined ? (previous.dateWindow ?? null) : patch.dateWindow,
    party: partyOf(previous, patch, flight, hotel),
  };
  return { request, changed: changes.changed || Boolean(budgetChanged) || Boolean(watchChanged) };
}

import type { CarType, Cabin, IntentRequest } from '@tripwise/contracts';
import { AIRLINES } from '../domain/intent/airlines.data.ts';

/** The three SGD domains of the development set, named by their files. */
export type SgdDomain = 'flights' | 'hotels' | 'cars';

/** A dialogue state in SGD's terms: slot name to value, as in the labelled files. */
export type SgdState = Record<string, string>;

export const SGD_SLOTS: Record<SgdDomain, readonly string[]> = {
  flights: ['origin', 'destination', 'departure_date', 'return_date', 'airline', 'passengers', 'cabin_class'],
  hotels: ['city', 'check_in_date', 'nights', 'rooms', 'stars', 'hotel_name', 'amenity_wifi'],
  cars: ['pickup_city', 'pickup_date', 'pickup_time', 'dropoff_date', 'car_type', 'pickup_location'],
};

/** SGD's service names (`Flights_3`, `Hotels_4`, `RentalCars_1`) to its domain. */
export function domainOfService(service: string): SgdDomain | null {
  if (/^Flights_/i.test(service)) return 'flights';
  if (/^Hotels_/i.test(service)) return 'hotels';
  if (/^RentalCars_/i.test(service)) return 'cars';
  return null;
}

// SGD's cabin_class values are Economy, Premium Economy, Business and First Class.
const CABINS: Record<Cabin, string> = {
  economy: 'Economy',
  premium_economy: 'Premium Economy',
  business: 'Business',
  first: 'First Class',
};

// SGD's car_type values are Compact, Standard and Full-size; our finer classes fold into the nearest one, and
// the classes it has no word for keep their own name (and so never match).
const CAR_TYPES: Record<CarType, string> = {
  economy: 'Compact',
  compact: 'Compact',
  hatchback: 'Compact',
  standard: 'Standard',
  sedan: 'Standard',
  full_size: 'Full-size',
  suv: 'SUV',
  van: 'Van',
  luxury: 'Luxury',
  convertible: 'Convertible',
  pickup: 'Pickup',
};

function put(state: SgdState, slot: string, value: string | number | null | undefined): void {
  if (value !== null && value !== undefined) {
    state[slot] = String(value);
  }
}

/**
 * Our structured request in SGD's slot names, for one domain. Cities are compared by name (SGD has no codes), the
 * airline code becomes its name, `stars` is our minimum star rating, `nights` is counted from the dates when the
 * traveller gave a check-out instead. `hotel_name` and `pickup_location` have no counterpart in our request (they
 * name a result the system offered), so they are never produced.
 */
export function toSgdState(request: IntentRequest, domain: SgdDomain): SgdState {
  const state: SgdState = {};
  if (domain === 'flights' && request.flight) {
    const { flight } = request;
    put(state, 'origin', flight.origin?.city);
    put(state, 'destination', flight.destination?.city);
    put(state, 'departure_date', flight.departDate);
    put(state, 'return_date', flight.returnDate);
    put(state, 'airline', AIRLINES.find((airline) => airline.code === flight.airline)?.name ?? flight.airline);
    put(state, 'passengers', flight.passengers);
    put(state, 'cabin_class', flight.cabin ? CABINS[flight.cabin] : null);
  }
  if (domain === 'hotels' && request.hotel) {
    const { hotel } = request;
    put(state, 'city', hotel.city);
    put(state, 'check_in_date', hotel.checkIn);
    put(state, 'nights', hotel.nights);
    put(state, 'rooms', hotel.rooms);
    put(state, 'stars', hotel.minStars);
    put(state, 'amenity_wifi', hotel.amenities.includes('wifi') ? 'True' : null);
  }
  if (domain === 'cars' && request.car) {
    const { car } = request;
    put(state, 'pickup_city', car.pickupCity);
    put(state, 'pickup_date', car.pickupDate);
    put(state, 'pickup_time', car.pickupTime);
    put(state, 'dropoff_date', car.dropoffDate);
    put(state, 'car_type', car.carType ? CAR_TYPES[car.carType] : null);
  }
  return state;
}

/**
 * The labelled state restricted to the slots we score. SGD's `dontcare` ("any airline is fine") is the absence of
 * a constraint, which our request says with null, so it is compared as an absent slot.
 */
export function goldState(state: Record<string, unknown>, domain: SgdDomain): SgdState {
  const gold: SgdState = {};
  for (const slot of SGD_SLOTS[domain]) {
    const value = state[slot];
    if (typeof value === 'string' && value !== 'dontcare') {
      gold[slot] = value;
    }
  }
  return gold;
}

/** Values compared loosely where spelling is not the point: case, punctuation, "D.C.", "Air Lines" vs "Airlines". */
export function sameValue(slot: string, expected: string, actual: string): boolean {
  const loose = (value: string): string =>
    value
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\bd\.?\s?c\.?$/, '')
      .replace(/[^a-z0-9]/g, '');
  return slot === 'pickup_time' || slot.endsWith('_date') ? expected === actual : loose(expected) === loose(actual);
}

import type { IntentName, IntentRequest, IntentSlot } from '@tripwise/contracts';

const QUESTIONS: Record<IntentSlot, string> = {
  origin: 'Where will you be flying from?',
  destination: 'Where would you like to go?',
  departDate: 'What date would you like to leave?',
  returnDate: 'When will you be coming back?',
  city: 'Which city should the hotel be in?',
  checkIn: 'What date would you like to check in?',
  checkOut: 'When will you check out, or how many nights will you stay?',
  pickupCity: 'Where would you like to pick up the car?',
  pickupDate: 'What day would you like to pick up the car?',
  dropoffDate: 'When will you return the car?',
  watchThreshold: 'Below what price should I let you know?',
};

/**
 * The slots a search of this request still needs before it can run, most important first. Where searches follow
 * each other (a trip's hotel is where and when the flight lands), only the leading search's slot is asked for.
 * Passengers, guests and rooms are not asked: one traveller and one room is the default of every search. A flight
 * needs a return date once the traveller asked for a round trip (`returnNeeded`).
 */
export function missingSlots(request: IntentRequest, returnNeeded = false): IntentSlot[] {
  const { intent, flight, hotel, car, watch } = request;
  if (intent === 'policy_question' || intent === 'other') {
    return [];
  }
  const missing: IntentSlot[] = [];
  const need = (slot: IntentSlot, value: unknown): void => {
    if ((value === null || value === undefined) && !missing.includes(slot)) {
      missing.push(slot);
    }
  };
  if (flight && request.explore && flight.destination === null) {
    // "Somewhere warm": Explore finds where and when; only where the trip leaves from must be known.
    need('origin', flight.origin);
  } else if (flight) {
    need('origin', flight.origin);
    need('destination', flight.destination);
    need('departDate', flight.departDate);
    if (hotel || car || returnNeeded) {
      need('returnDate', flight.returnDate ?? hotel?.checkOut ?? car?.dropoffDate);
    }
  }
  if (hotel && !request.explore) {
    if (!flight) {
      need('city', hotel.city);
      need('checkIn', hotel.checkIn);
      need('checkOut', hotel.checkOut);
    }
  }
  if (car && !flight && !hotel && !request.explore) {
    need('pickupCity', car.pickupCity);
    need('pickupDate', car.pickupDate);
    need('dropoffDate', car.dropoffDate);
  }
  if (intent === 'watch_price' && (watch === null || (watch.priceBelow === null && watch.inventoryBelow === null))) {
    missing.push('watchThreshold');
  }
  return missing;
}

/** The one clarifying question to ask next: about the most important missing slot. */
export function questionFor(missing: readonly IntentSlot[]): string | null {
  const first = missing[0];
  return first === undefined ? null : QUESTIONS[first];
}

const SEARCHES: Record<string, IntentName> = { flight: 'search_flights', hotel: 'search_hotels', car: 'search_cars' };

/** The search intent of a request's searches: one search by its kind, several together a trip. */
export function searchIntentOf(domains: readonly string[]): IntentName {
  if (domains.length > 1) {
    return 'plan_trip';
  }
  return SEARCHES[domains[0] ?? ''] ?? 'other';
}

import type { CarRequest, FlightRequest, HotelRequest, IntentRequest } from '@tripwise/contracts';

/** The three searches a request can hold. */
export type DomainName = 'flight' | 'hotel' | 'car';

export const DOMAINS: readonly DomainName[] = ['flight', 'hotel', 'car'];

export function emptyFlight(): FlightRequest {
  return {
    origin: null,
    destination: null,
    departDate: null,
    returnDate: null,
    passengers: null,
    cabin: null,
    maxStops: null,
    airline: null,
    departTime: null,
    returnTime: null,
    avoidRedEyes: null,
  };
}

export function emptyHotel(): HotelRequest {
  return {
    city: null,
    checkIn: null,
    checkOut: null,
    nights: null,
    guests: null,
    rooms: null,
    minStars: null,
    maxNightlyPrice: null,
    amenities: [],
  };
}

export function emptyCar(): CarRequest {
  return { pickupCity: null, pickupDate: null, pickupTime: null, dropoffDate: null, dropoffTime: null, carType: null };
}

/** The request before the traveller has said anything. */
export function emptyRequest(): IntentRequest {
  return {
    intent: 'other',
    flight: null,
    hotel: null,
    car: null,
    budget: null,
    watch: null,
    missing: [],
    question: null,
    party: null,
    dateWindow: null,
    relative: [],
    explore: null,
  };
}

/** The searches a request holds, in the order flight, hotel, car. */
export function domainsOf(request: IntentRequest): DomainName[] {
  return DOMAINS.filter((domain) => request[domain] !== null);
}

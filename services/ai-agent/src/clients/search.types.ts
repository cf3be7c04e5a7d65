/** The parts of search's public answers the planner reads (see services/search/src/domain/search/*.use-case.ts). */
export interface Money {
  amount: number;
  currency: string;
}

export interface FlightOption {
  id: string;
  airline: { code: string; name: string };
  flightNumber: string;
  origin: { code: string; city: string };
  destination: { code: string; city: string };
  stops: number;
  departLocal: string;
  arriveLocal: string;
  durationMin: number;
  refundable: boolean;
  seatsLeft: number;
  price: Money;
  totalPrice: Money;
}

export interface FlightPair {
  id: string;
  outbound: FlightOption;
  return: FlightOption;
  price: Money;
  totalPrice: Money;
  durationMin: number;
}

export interface HotelOption {
  id: string;
  name: string;
  city: { code: string; name: string };
  neighborhood: string;
  distanceKm: number;
  stars: number;
  rating: number;
  reviewCount: number;
  amenities: string[];
  policies: {
    refundWindowHours?: number;
    petsAllowed?: boolean;
    breakfastIncluded?: boolean;
    parking?: string;
    checkInTime?: string;
  };
  roomsLeft: number;
  nightlyPrice: Money;
  totalPrice: Money;
}

export interface CarOption {
  id: string;
  company: string;
  location: { code: string; city: string };
  carClass: string;
  model: string;
  seats: number;
  transmission: string;
  unitsLeft: number;
  policies: { freeCancellationHours?: number; mileage?: string; minimumDriverAge?: number };
  dailyPrice: Money;
  totalPrice: Money;
}

export interface PlaceMatch {
  code: string;
  kind: 'airport' | 'metro';
  name: string;
  city: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

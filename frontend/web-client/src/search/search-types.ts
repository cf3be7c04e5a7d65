// The search API's answers as the web client reads them (services/search/src/domain/search/*.use-case.ts).
import type { Money } from '../ui/format.ts';

export interface Airport {
  code: string;
  name: string;
  city: string;
  timeZone?: string;
}

export interface Flight {
  id: string;
  airline: { code: string; name: string };
  flightNumber: string;
  origin: Airport;
  destination: Airport;
  via: Airport | null;
  stops: number;
  departAt: string;
  arriveAt: string;
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
  outbound: Flight;
  return: Flight;
  price: Money;
  totalPrice: Money;
  durationMin: number;
}

export interface FlightFacets {
  airlines: { code: string; count: number; minPrice: number }[];
  stops: { stops: number; count: number; minPrice: number }[];
  timesOfDay: { bucket: 'night' | 'morning' | 'afternoon' | 'evening'; count: number }[];
  price: { min: number | null; max: number | null };
}

export interface HotelPolicies {
  parking?: string;
  checkInTime?: string;
  checkOutTime?: string;
  petsAllowed?: boolean;
  breakfastIncluded?: boolean;
  refundWindowHours?: number | null;
  [other: string]: unknown;
}

export interface Hotel {
  id: string;
  name: string;
  city: { code: string; name: string; country?: string };
  address: string;
  neighborhood: string;
  distanceKm?: number;
  stars: number;
  rating: number;
  reviewCount: number;
  amenities: string[];
  policies: HotelPolicies;
  roomsLeft: number;
  nightlyPrice: Money;
  totalPrice: Money;
}

export interface HotelFacets {
  stars: { stars: number; count: number; minNightly: number }[];
  amenities: { amenity: string; count: number }[];
  neighborhoods: { neighborhood: string; count: number }[];
  nightly: { min: number | null; max: number | null };
}

export interface CarPolicies {
  mileage?: string;
  fuelPolicy?: string;
  minimumDriverAge?: number;
  freeCancellationHours?: number | null;
  [other: string]: unknown;
}

export interface Car {
  id: string;
  company: string;
  location: { code: string; city: string };
  carClass: string;
  model: string;
  year: number;
  transmission: string;
  seats: number;
  unitsLeft: number;
  policies: CarPolicies;
  dailyPrice: Money;
  totalPrice: Money;
}

/** One car on its own page: no availability or total without a rental's dates, but its history and reviews. */
export interface CarDetails extends Omit<Car, 'unitsLeft' | 'totalPrice'> {
  priceTrend: PriceTrend | null;
  rating: number | null;
  reviewCount: number;
}

export interface CarFacets {
  classes: { carClass: string; count: number; minTotal: number }[];
  companies: { company: string; count: number; minTotal: number }[];
  transmissions: { transmission: string; count: number }[];
  total: { min: number | null; max: number | null };
}

export interface SearchPage<T, F> {
  items: T[];
  total: number;
  nextCursor: string | null;
  facets: F;
  nights?: number;
  days?: number;
}

export interface PriceTrend {
  points: { at: string; price: number; reason: string }[];
  avg30: number | null;
  avg60: number;
}

export interface Review {
  rating: number;
  title: string | null;
  text: string;
  author: string | null;
  createdAt: string;
}

export interface Place {
  code: string;
  kind: 'airport' | 'city' | 'metro';
  name: string;
  city: string;
  country: string;
  airports?: string[];
}

export type ListingKind = 'flight' | 'hotel' | 'car';

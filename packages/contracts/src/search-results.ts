// What the search API answers (services/search/src/routes/search.routes.ts). The service's mappers are declared
// with these types, so the compiler holds the service to them; the agent's and the web client's search clients
// read them from here instead of each keeping a copy.
import type { Money } from './common.ts';

/** A page of results: `nextCursor` is opaque, null on the last page; facets describe the results before filters. */
export interface SearchPage<T, F> {
  items: T[];
  total: number;
  nextCursor: string | null;
  facets: F;
}

/** Minimum and maximum price (minor units) among the results; null when there are none. */
export interface PriceRange {
  min: number | null;
  max: number | null;
}

export interface SearchAirport {
  code: string;
  name: string;
  city: string;
}

/** One flight of an itinerary. */
export interface FlightSegment {
  /** The flight's id: what `/api/search/flights/:id` and a booking's `flightId` name. */
  id: string;
  airline: { code: string; name: string };
  flightNumber: string;
  origin: SearchAirport;
  destination: SearchAirport;
  departAt: string;
  arriveAt: string;
  departLocal: string;
  arriveLocal: string;
  durationMin: number;
  refundable: boolean;
  seatsLeft: number;
  /** Per person, in the itinerary's cabin. */
  price: Money;
}

/** The time between two flights of an itinerary. */
export interface FlightLayover {
  airport: SearchAirport;
  durationMin: number;
  /** The night is spent there (the flights leave on different local days). */
  overnight: boolean;
  /** Within 20 minutes of the airport's minimum connecting time. */
  short: boolean;
  /** The two flights are sold on separate tickets: bags are collected and checked in again. */
  separateTickets: boolean;
}

/**
 * An itinerary: a nonstop flight or flights joined by connections, one priced and bookable product. Booking it
 * books each of `legs` (every leg's seat is held at once, or none).
 */
export interface FlightOption {
  /** Its legs' ids joined by `-`; a nonstop's id is its flight's id. */
  id: string;
  /** The first leg's airline (`airlines` lists every one). */
  airline: { code: string; name: string };
  /** The legs' flight numbers, joined by `, `. */
  flightNumber: string;
  origin: SearchAirport;
  destination: SearchAirport;
  via: SearchAirport | null;
  stops: number;
  /** Instants, ISO 8601 in UTC. */
  departAt: string;
  arriveAt: string;
  /** `YYYY-MM-DDTHH:MM` on the departure (arrival) airport's wall clock. */
  departLocal: string;
  arriveLocal: string;
  durationMin: number;
  refundable: boolean;
  seatsLeft: number;
  /** Per person: the legs' fares added up. */
  price: Money;
  /** For the whole party. */
  totalPrice: Money;
  cabin: string;
  legs: FlightSegment[];
  layovers: FlightLayover[];
  airlines: { code: string; name: string }[];
  /** Some connection is on separate tickets. */
  separateTickets: boolean;
  /** Some connection is overnight. */
  overnight: boolean;
}

/**
 * A round trip: an outbound and a return itinerary priced together (`id` is the two itineraries' ids joined by
 * `+`). `price` is per person for the whole round trip, `totalPrice` for the party, both in the same currency.
 */
export interface FlightPair {
  id: string;
  outbound: FlightOption;
  return: FlightOption;
  price: Money;
  totalPrice: Money;
  durationMin: number;
}

export type TimeOfDay = 'night' | 'morning' | 'afternoon' | 'evening';

/** What the itineraries offer before filters (round trips: the outbounds, or the returns of a chosen outbound). */
export interface FlightFacets {
  airlines: { code: string; count: number; minPrice: number }[];
  stops: { stops: number; count: number; minPrice: number }[];
  timesOfDay: { bucket: TimeOfDay; count: number }[];
  /** Per person, as the results' prices are (round trips: the cheapest round trip with each). */
  price: PriceRange;
  layoverAirports: { code: string; count: number; minPrice: number }[];
  durationMin: PriceRange;
}

/** One-way searches answer flights; round trips answer pairs (facets describe the outbound day). */
export type FlightSearchPage = SearchPage<FlightOption, FlightFacets> | SearchPage<FlightPair, FlightFacets>;

/** A hotel's policies as stored; listings written through the API always carry every known field. */
export interface HotelPolicies {
  parking?: string;
  checkInTime?: string;
  checkOutTime?: string;
  petsAllowed?: boolean;
  breakfastIncluded?: boolean;
  refundWindowHours?: number;
  [other: string]: unknown;
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** A listing's photo as travelers get it: a large rendition (its size, for the page's layout) and a card crop. */
export interface ListingPhoto {
  id: string;
  /** Up to 1600 pixels on its longer side, WebP. */
  src: string;
  width: number;
  height: number;
  /** 480×320, WebP: for result cards and thumbnails. */
  card: { src: string; width: number; height: number };
}

export interface HotelOption {
  id: string;
  name: string;
  city: { code: string; name: string };
  address: string;
  neighborhood: string;
  location: GeoPoint;
  /** From the given point, or from the centre of the city's hotels. */
  distanceKm: number;
  stars: number;
  rating: number;
  reviewCount: number;
  amenities: string[];
  policies: HotelPolicies;
  roomsLeft: number;
  /** The cheapest room type free on every night of the stay. */
  nightlyPrice: Money;
  totalPrice: Money;
  /** The cover photo, when the hotel has one. */
  photo?: ListingPhoto | null;
}

export interface HotelFacets {
  stars: { stars: number; count: number; minNightly: number }[];
  amenities: { amenity: string; count: number }[];
  neighborhoods: { neighborhood: string; count: number }[];
  nightly: PriceRange;
}

export interface HotelSearchPage extends SearchPage<HotelOption, HotelFacets> {
  nights: number;
}

/** A rental car's policies as stored; listings written through the API always carry every known field. */
export interface CarPolicies {
  mileage?: string;
  fuelPolicy?: string;
  minimumDriverAge?: number;
  freeCancellationHours?: number;
  [other: string]: unknown;
}

export interface CarOption {
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
  /** The cover photo, when the car has one. */
  photo?: ListingPhoto | null;
}

export interface CarFacets {
  classes: { carClass: string; count: number; minTotal: number }[];
  companies: { company: string; count: number; minTotal: number }[];
  transmissions: { transmission: string; count: number }[];
  total: PriceRange;
}

export interface CarSearchPage extends SearchPage<CarOption, CarFacets> {
  days: number;
}

/** A type-ahead match: an airport, or a metro area with its airports. */
export interface PlaceMatch {
  code: string;
  kind: 'airport' | 'metro';
  name: string;
  city: string;
  country: string;
  /** For a metro area: its airports. */
  airports?: readonly string[];
}

export interface PlacesAnswer {
  items: PlaceMatch[];
}

/** The last 60 days of a price: up to 30 changes, oldest first, and the averages (minor units). */
export interface PriceTrend {
  points: { at: string; price: number; reason: string }[];
  avg30: number | null;
  avg60: number;
}

export interface ListingReview {
  rating: number;
  title: string | null;
  text: string;
  author: string | null;
  createdAt: string;
}

/** What every listing's page carries besides its own fields: its rating and newest reviews. */
interface Reviewed {
  rating: number | null;
  reviewCount: number;
  latestReviews: ListingReview[];
}

export interface FlightDetails
  extends
    Omit<
      FlightOption,
      | 'origin'
      | 'destination'
      | 'via'
      | 'refundable'
      | 'seatsLeft'
      | 'price'
      | 'totalPrice'
      | 'cabin'
      | 'legs'
      | 'layovers'
      | 'airlines'
      | 'separateTickets'
      | 'overnight'
    >,
    Reviewed {
  origin: SearchAirport & { timeZone: string };
  destination: SearchAirport & { timeZone: string };
  via: (SearchAirport & { timeZone: string }) | null;
  policies: { refundable: boolean; changeFee: Money };
  cabins: { cabin: string; price: Money; seatsLeft: number; priceTrend: PriceTrend | null }[];
}

export interface HotelRoomType {
  id: string;
  name: string;
  capacity: number;
  nightlyPrice: Money;
  /** Only when dates were given. */
  roomsLeft?: number;
  priceTrend: PriceTrend | null;
  photos?: ListingPhoto[];
}

export interface HotelDetails
  extends
    Omit<HotelOption, 'city' | 'distanceKm' | 'rating' | 'roomsLeft' | 'nightlyPrice' | 'totalPrice'>,
    Omit<Reviewed, 'rating'> {
  city: { code: string; name: string; country: string };
  rating: number;
  description: string;
  rooms: HotelRoomType[];
  /** The hotel's own photos, the cover first. */
  photos?: ListingPhoto[];
}

/** One car on its own page: no availability or total without a rental's dates, but its history and reviews. */
export interface CarDetails extends Omit<CarOption, 'unitsLeft' | 'totalPrice'>, Reviewed {
  priceTrend: PriceTrend | null;
  photos?: ListingPhoto[];
}

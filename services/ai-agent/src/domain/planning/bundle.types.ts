import type { CarOption, FlightOption, FlightPair, HotelOption, Money } from '../../clients/search.types.ts';

export type FlightChoice = FlightOption | FlightPair;

/** One complete, bookable option: the flight (one way or a pair), the hotel, the car, priced for the whole party. */
export interface Bundle {
  id: string;
  label: 'best-fit' | 'lowest-price' | 'runner-up' | 'most-comfortable';
  flight: FlightChoice | null;
  /** The cabin the flight is priced in. */
  cabin: string | null;
  /** Travelers: passengers, or hotel guests. */
  party: number;
  hotel: (HotelOption & { checkIn: string; checkOut: string; nights: number }) | null;
  car: (CarOption & { pickupDate: string; dropoffDate: string }) | null;
  total: Money;
  fitScore: number;
  /** What the score is made of, each out of its weight. */
  scoreParts: Record<string, number>;
  /** At most 25 words, from facts in the data. */
  whyThis: string;
  /** At most 12 words. */
  whatToWatch: string;
}

export const outboundOf = (flight: FlightChoice): FlightOption => ('outbound' in flight ? flight.outbound : flight);
export const legsOf = (flight: FlightChoice): FlightOption[] =>
  'outbound' in flight ? [flight.outbound, flight.return] : [flight];

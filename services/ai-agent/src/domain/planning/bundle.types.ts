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
/**
 * The flights a choice books, each with its fare per person and the party's size: an itinerary's legs (a
 * connection has two or three; a bundle saved before itineraries had legs is its one flight).
 */
export const flightsOf = (flight: FlightChoice): { id: string; price: FlightOption['price']; party: number }[] =>
  legsOf(flight).flatMap((it) => {
    const party = Math.round(it.totalPrice.amount / Math.max(1, it.price.amount)) || 1;
    const legs = (it.legs as FlightOption['legs'] | undefined) ?? [];
    return legs.length
      ? legs.map((l) => ({ id: l.id, price: l.price, party }))
      : [{ id: it.id, price: it.price, party }];
  });

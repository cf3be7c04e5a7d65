import type { AgentBundle } from '@tripwise/contracts';
import type { FlightOption, FlightPair } from '../../clients/search.types.ts';

export type FlightChoice = FlightOption | FlightPair;

/** One complete, bookable option (the shape is shared with the web client: packages/contracts). */
export type Bundle = AgentBundle;
export type { Relaxation } from '@tripwise/contracts';

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

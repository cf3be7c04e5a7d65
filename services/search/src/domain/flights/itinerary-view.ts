import type { FlightOption, FlightPair, FlightSegment, SearchAirport } from '@tripwise/contracts';
import { airlineByCode, airportByCode } from '@tripwise/travel-data';
import { localDateTime } from '../search/places.rules.ts';
import type { Itinerary } from './build-itineraries.ts';
import type { Leg } from './leg.ts';

export const CURRENCY = 'USD';
const usd = (amount: number) => ({ amount, currency: CURRENCY });

function airport(code: string): SearchAirport {
  const known = airportByCode(code);
  return { code, name: known?.name ?? code, city: known?.city ?? code };
}
const airline = (code: string) => ({ code, name: airlineByCode(code)?.name ?? code });
const local = (ms: number, code: string) => localDateTime(new Date(ms), airportByCode(code)?.timeZone ?? 'UTC');

function segment(leg: Leg): FlightSegment {
  return {
    id: String(leg.id),
    airline: airline(leg.airline),
    flightNumber: leg.flightNumber,
    origin: airport(leg.origin),
    destination: airport(leg.destination),
    departAt: new Date(leg.departMs).toISOString(),
    arriveAt: new Date(leg.arriveMs).toISOString(),
    departLocal: local(leg.departMs, leg.origin),
    arriveLocal: local(leg.arriveMs, leg.destination),
    durationMin: leg.durationMin,
    refundable: leg.refundable,
    seatsLeft: leg.seatsLeft,
    price: usd(leg.fare),
  };
}

/** An itinerary as the API shows it; a nonstop reads as the flight it is (id, number, via of an older row). */
export function itineraryView(it: Itinerary, cabin: string, passengers: number): FlightOption {
  const first = it.legs[0]!;
  const last = it.legs[it.legs.length - 1]!;
  const via = it.layovers[0]?.airport ?? first.via;
  return {
    id: it.id,
    airline: airline(first.airline),
    flightNumber: it.legs.map((l) => l.flightNumber).join(', '),
    origin: airport(first.origin),
    destination: airport(last.destination),
    via: via ? airport(via) : null,
    stops: it.stops,
    departAt: new Date(it.departMs).toISOString(),
    arriveAt: new Date(it.arriveMs).toISOString(),
    departLocal: local(it.departMs, first.origin),
    arriveLocal: local(it.arriveMs, last.destination),
    durationMin: it.legs.length === 1 ? first.durationMin : it.durationMin,
    refundable: it.refundable,
    seatsLeft: it.seatsLeft,
    price: usd(it.price),
    totalPrice: usd(it.price * passengers),
    cabin,
    legs: it.legs.map(segment),
    layovers: it.layovers.map((l) => ({
      airport: airport(l.airport),
      durationMin: l.minutes,
      overnight: l.overnight,
      short: l.short,
      separateTickets: l.separateTickets,
    })),
    airlines: [...new Set(it.legs.map((l) => l.airline))].map(airline),
    separateTickets: it.separateTickets,
    overnight: it.overnight,
  };
}

/** A round trip: per person the two itineraries' prices added up, for the party times the passengers. */
export function pairView(outbound: FlightOption, inbound: FlightOption, passengers: number): FlightPair {
  const perPerson = outbound.price.amount + inbound.price.amount;
  return {
    id: `${outbound.id}+${inbound.id}`,
    outbound,
    return: inbound,
    price: usd(perPerson),
    totalPrice: usd(perPerson * passengers),
    durationMin: outbound.durationMin + inbound.durationMin,
  };
}

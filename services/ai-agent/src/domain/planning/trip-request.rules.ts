import type { IntentRequest } from '@tripwise/contracts';

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
export const nightsBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** What the planner searches for, with every gap filled from the rest of the request (hotel dates from flights…). */
export interface TripPlan {
  party: number;
  flight: {
    origin: string;
    destination: string;
    departDate: string;
    returnDate: string | null;
    cabin: string;
    maxStops: number | null;
    airline: string | null;
    /** Highest fare per person (the whole round trip), when a wish set one ("a cheaper flight"). */
    maxPrice: number | null;
  } | null;
  hotel: {
    /** A city or metro code when known; else the city's name, to look up. */
    place: string;
    checkIn: string;
    checkOut: string;
    guests: number;
    rooms: number;
    minStars: number | null;
    maxNightly: number | null;
    amenities: string[];
  } | null;
  car: {
    place: string;
    pickupDate: string;
    pickupTime: string;
    dropoffDate: string;
    dropoffTime: string;
    carType: string | null;
  } | null;
  /** The party's whole budget, in minor units, when the traveler gave one. */
  budgetTotal: number | null;
  avoidRedEyes: boolean;
}

/**
 * Turns the conversation's request into the searches to run. Returns the slot still missing when a search cannot
 * run without it (the parser's `missing` usually says so first).
 */
export function tripPlanOf(request: IntentRequest): Omit<TripPlan, 'avoidRedEyes'> | { missing: string } {
  const f = request.flight;
  const h = request.hotel;
  const c = request.car;
  const party = f?.passengers ?? h?.guests ?? 1;
  let flight: TripPlan['flight'] = null;
  if (f) {
    const origin = f.origin?.code ?? f.origin?.city;
    const destination = f.destination?.code ?? f.destination?.city;
    if (!origin) return { missing: 'origin' };
    if (!destination) return { missing: 'destination' };
    if (!f.departDate) return { missing: 'departDate' };
    flight = {
      origin,
      destination,
      departDate: f.departDate,
      returnDate: f.returnDate,
      cabin: f.cabin ?? 'economy',
      maxStops: f.maxStops,
      airline: f.airline,
      maxPrice: null,
    };
  }
  let hotel: TripPlan['hotel'] = null;
  if (h) {
    const sameCity = f?.destination && (!h.city || h.city === f.destination.city);
    const place = sameCity ? (f.destination!.code ?? f.destination!.city) : h.city;
    if (!place) return { missing: 'city' };
    const checkIn = h.checkIn ?? f?.departDate ?? null;
    if (!checkIn) return { missing: 'checkIn' };
    const checkOut = h.checkOut ?? (h.nights ? addDays(checkIn, h.nights) : (f?.returnDate ?? null));
    if (!checkOut || checkOut <= checkIn) return { missing: 'checkOut' };
    const perNight = request.budget?.per === 'night' ? request.budget.amount : null;
    hotel = {
      place,
      checkIn,
      checkOut,
      guests: h.guests ?? party,
      rooms: h.rooms ?? 1,
      minStars: h.minStars,
      maxNightly: h.maxNightlyPrice?.amount ?? perNight,
      amenities: h.amenities,
    };
  }
  let car: TripPlan['car'] = null;
  if (c) {
    const place = c.pickupCity ?? f?.destination?.code ?? f?.destination?.city ?? hotel?.place;
    if (!place) return { missing: 'pickupCity' };
    const pickupDate = c.pickupDate ?? f?.departDate ?? hotel?.checkIn;
    if (!pickupDate) return { missing: 'pickupDate' };
    const dropoffDate = c.dropoffDate ?? f?.returnDate ?? hotel?.checkOut;
    if (!dropoffDate) return { missing: 'dropoffDate' };
    car = {
      place,
      pickupDate,
      pickupTime: c.pickupTime ?? '10:00',
      dropoffDate,
      dropoffTime: c.dropoffTime ?? '10:00',
      carType: c.carType,
    };
  }
  return { party, flight, hotel, car, budgetTotal: budgetTotalOf(request, party) };
}

/**
 * The budget for the whole party and trip, in US dollars (search prices in USD). A per-night budget caps the
 * hotel's nightly price instead; a per-day one is not a trip total either.
 */
export function budgetTotalOf(request: IntentRequest, party: number): number | null {
  const budget = request.budget;
  if (!budget || budget.currency !== 'USD') return null;
  if (budget.per === 'total') return budget.amount;
  if (budget.per === 'person') return budget.amount * party;
  return null;
}

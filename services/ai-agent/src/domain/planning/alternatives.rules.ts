import { CABINS } from '@tripwise/contracts';
import type { SearchPart } from './plan-searches.ts';
import type { TripPlan } from './trip-request.rules.ts';

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** Nearest first: a day later, a day earlier, then two and three days either way. */
const DATE_SHIFTS = [1, -1, 2, -2, 3, -3];
/** "Nearby airports": within this many km of the stated origin and destination. */
export const NEARBY_KM = 150;
/** "A little further out": hotels within this many km of the stated city's (first) airport. */
export const FURTHER_OUT_KM = 40;

/** One way to loosen the request: the plan to search, and which of its searches must run again for it. */
export interface Variant {
  plan: TripPlan;
  research: SearchPart[];
  /** Flights from and to airports near the stated ones. */
  nearbyAirports?: boolean;
  /** Hotels around the stated city, not only in it. */
  furtherOut?: boolean;
  /** Over budget only: the cheapest option is the nearest one. */
  prefer: 'fit' | 'cheapest';
}

/** What did not work out: searches that found nothing, or a budget nothing complete fits in. */
export interface Shortfall {
  empty: SearchPart[];
  overBudget: boolean;
}

const partsOf = (plan: TripPlan): SearchPart[] =>
  [plan.flight && 'flights', plan.hotel && 'hotels', plan.car && 'cars'].filter((p): p is SearchPart => !!p);

/** The whole trip moved by `days`, keeping its length: flights, the stay and the rental together. */
export function shiftTrip(plan: TripPlan, days: number): TripPlan {
  return {
    ...plan,
    flight: plan.flight && {
      ...plan.flight,
      departDate: addDays(plan.flight.departDate, days),
      returnDate: plan.flight.returnDate && addDays(plan.flight.returnDate, days),
    },
    hotel: plan.hotel && {
      ...plan.hotel,
      checkIn: addDays(plan.hotel.checkIn, days),
      checkOut: addDays(plan.hotel.checkOut, days),
    },
    car: plan.car && {
      ...plan.car,
      pickupDate: addDays(plan.car.pickupDate, days),
      dropoffDate: addDays(plan.car.dropoffDate, days),
    },
  };
}

function flightVariants(plan: TripPlan, shortfall: Shortfall): Variant[] {
  const f = plan.flight;
  if (!f || (!shortfall.empty.includes('flights') && !shortfall.overBudget)) return [];
  const research: SearchPart[] = ['flights'];
  const out: Variant[] = [];
  if (f.maxStops !== null && f.maxStops < 2) {
    out.push({ plan: { ...plan, flight: { ...f, maxStops: f.maxStops + 1 } }, research, prefer: 'fit' });
  }
  if (f.airline) out.push({ plan: { ...plan, flight: { ...f, airline: null } }, research, prefer: 'fit' });
  if (f.maxPrice !== null) out.push({ plan: { ...plan, flight: { ...f, maxPrice: null } }, research, prefer: 'fit' });
  out.push({ plan, research, nearbyAirports: true, prefer: 'fit' });
  const lowerCabin = CABINS[CABINS.indexOf(f.cabin as (typeof CABINS)[number]) - 1];
  if (lowerCabin) out.push({ plan: { ...plan, flight: { ...f, cabin: lowerCabin } }, research, prefer: 'fit' });
  // Several limits at once: any flight that day, each labelled with what it does not meet.
  const limits = [f.maxStops !== null, f.airline !== null, f.maxPrice !== null, f.cabin !== 'economy'];
  if (limits.filter(Boolean).length > 1) {
    const open = { ...f, maxStops: null, airline: null, maxPrice: null, cabin: 'economy' };
    out.push({ plan: { ...plan, flight: open }, research, prefer: 'fit' });
  }
  return out;
}

function hotelVariants(plan: TripPlan, shortfall: Shortfall): Variant[] {
  const h = plan.hotel;
  if (!h || (!shortfall.empty.includes('hotels') && !shortfall.overBudget)) return [];
  const research: SearchPart[] = ['hotels'];
  const out: Variant[] = [];
  if (h.minStars !== null && h.minStars > 1) {
    out.push({ plan: { ...plan, hotel: { ...h, minStars: h.minStars - 1 } }, research, prefer: 'fit' });
  }
  for (const amenity of h.amenities.slice(0, 3)) {
    const amenities = h.amenities.filter((a) => a !== amenity);
    out.push({ plan: { ...plan, hotel: { ...h, amenities } }, research, prefer: 'fit' });
  }
  if (h.maxNightly !== null) {
    out.push({ plan: { ...plan, hotel: { ...h, maxNightly: null } }, research, prefer: 'fit' });
  }
  out.push({ plan, research, furtherOut: true, prefer: 'fit' });
  // When loosening one wish at a time is not enough: every hotel of the city, each labelled with what it lacks.
  if (h.minStars !== null || h.amenities.length > 1) {
    const open = { ...h, minStars: null, amenities: [], maxNightly: null };
    out.push({ plan: { ...plan, hotel: open }, research, prefer: 'fit' });
  }
  return out;
}

function carVariants(plan: TripPlan, shortfall: Shortfall): Variant[] {
  const c = plan.car;
  if (!c || !shortfall.empty.includes('cars') || c.carType === null) return [];
  return [{ plan: { ...plan, car: { ...c, carType: null } }, research: ['cars'], prefer: 'fit' }];
}

/**
 * The ways to loosen a request that had no exact answer, each loosening one stated constraint of a part that came
 * up short: fewer limits on stops or airline, nearby airports, a star less, one amenity less, no nightly cap, any
 * car type; the whole trip a day to three days either way; and, over budget, the cheapest option as it is.
 */
export function variantsFor(plan: TripPlan, shortfall: Shortfall): Variant[] {
  const variants = [
    ...flightVariants(plan, shortfall),
    ...hotelVariants(plan, shortfall),
    ...carVariants(plan, shortfall),
    ...DATE_SHIFTS.map((days): Variant => ({
      plan: shiftTrip(plan, days),
      research: partsOf(plan),
      prefer: shortfall.overBudget && shortfall.empty.length === 0 ? 'cheapest' : 'fit',
    })),
  ];
  if (shortfall.overBudget && shortfall.empty.length === 0) variants.push({ plan, research: [], prefer: 'cheapest' });
  return variants;
}

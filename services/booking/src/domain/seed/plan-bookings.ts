import { CABINS as CABIN_LIST, type Cabin } from '@tripwise/contracts';
import { addDays, dayOf, daysFrom } from './seed-dates.ts';
import { birthDate, personName, uuidFrom, type Traveler } from './travelers.ts';
import { rngFor, type Rng } from '@tripwise/travel-data';

/** What a booking holds: one flight, a round trip, a trip with a stay (and a car), or a stay or a rental alone. */
export type Shape = 'flight' | 'round-trip' | 'flight-hotel' | 'flight-hotel-car' | 'hotel' | 'hotel-car' | 'car';
const SHAPES: Shape[] = ['flight', 'round-trip', 'flight-hotel', 'flight-hotel-car', 'hotel', 'hotel-car', 'car'];
const SHAPE_SHARES = [0.17, 0.12, 0.25, 0.1, 0.24, 0.04, 0.08];
export const FLIES = new Set<Shape>(['flight', 'round-trip', 'flight-hotel', 'flight-hotel-car']);

const CABINS: readonly Cabin[] = CABIN_LIST;
const CABIN_SHARES = [0.82, 0.09, 0.07, 0.02];
const PARTY_SIZES = [1, 2, 3, 4, 5, 6];
const PARTY_SHARES = [0.55, 0.28, 0.08, 0.07, 0.015, 0.005];
const NIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
const NIGHT_SHARES = [0.1, 0.15, 0.2, 0.15, 0.1, 0.07, 0.12, 0.02, 0.02, 0.02, 0.02, 0.01, 0.01, 0.01];
/** Median days between booking and the start, by what is booked. */
const LEAD_DAYS: Record<Shape, number> = {
  flight: 24,
  'round-trip': 35,
  'flight-hotel': 40,
  'flight-hotel-car': 45,
  hotel: 18,
  'hotel-car': 21,
  car: 9,
};
/** Share of bookings whose card is declined (failed, nothing charged). */
const DECLINED = 0.015;
/** Share of confirmed bookings their traveler later cancels. */
const CANCELLED = 0.09;

export interface Passenger {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  gender: 'female' | 'male';
}

export interface BookingPlan {
  /** Its place in time order: names the booking's rows. */
  index: number;
  id: string;
  idempotencyKey: string;
  traveler: Traveler;
  createdAt: number;
  shape: Shape;
  origin: string;
  destination: string;
  /** The day wanted for the start (outbound flight, check-in or pick-up); flights may move it by a few days. */
  startOn: string;
  /** Nights away (days of a rental). */
  nights: number;
  party: Passenger[];
  cabin: Cabin;
  declined: boolean;
  /** When a cancellation comes, if one does: soon after booking, any time, or shortly before the start. */
  cancel: 'soon' | 'any' | 'late' | null;
  /** Draws for the choices made later (flights, rooms, cars, times), independent of everything else. */
  rng: Rng;
}

export interface Destinations {
  /** From an airport: the airports it flies to and how often. */
  routes: ReadonlyMap<string, { to: string[]; weights: number[] }>;
}

function partyOf(traveler: Traveler, size: number, day: string, rng: Rng): Passenger[] {
  const lead = { ...traveler };
  const family = rng.chance(0.65);
  return [
    { firstName: lead.firstName, lastName: lead.lastName, dateOfBirth: lead.dateOfBirth, gender: lead.gender },
    ...Array.from({ length: size - 1 }, (_, i) => {
      const name = personName(rng, family ? lead.lastName : undefined);
      const child = family && i >= 1;
      return { ...name, dateOfBirth: child ? birthDate(rng, day, 2, 17) : birthDate(rng, day, 21, 75) };
    }),
  ];
}

/** Holiday seasons leisure travelers plan months ahead: the summer, and the winter holidays. */
const SEASONS = [
  { share: 0.1, from: '06-15', days: 78 },
  { share: 0.04, from: '12-18', days: 16 },
];

function leadDays(shape: Shape, created: string, rng: Rng): number {
  const lead = Math.round(LEAD_DAYS[shape] * Math.exp(rng.normal(0, 0.85)));
  if (shape === 'car') return Math.min(lead, 330);
  const draw = rng.next();
  let threshold = 0;
  for (const season of SEASONS) {
    threshold += season.share;
    if (draw >= threshold) continue;
    const year = Number(created.slice(0, 4));
    const day = rng.int(0, season.days - 1);
    const until = [year, year + 1]
      .map((y) => daysFrom(created, addDays(`${y}-${season.from}`, day)))
      .find((days) => days > 14);
    if (until !== undefined && until < 300) return until;
  }
  return Math.min(lead, 330);
}

/**
 * Where a flight may go: trips that fly must fit in search's window of flights when they are still to come
 * (flights before it are shadowed, see find-flights.ts), and leave at the earliest the day after booking.
 */
function fitWindow(plan: BookingPlan, windowTo: string, created: string): BookingPlan {
  if (!FLIES.has(plan.shape)) return plan;
  const back = plan.shape === 'flight' ? 0 : plan.nights;
  const latestStart = addDays(windowTo, -(back + 4));
  if (plan.startOn <= latestStart) return plan;
  if (latestStart > addDays(created, 1)) {
    return { ...plan, startOn: addDays(created, plan.rng.int(1, daysFrom(created, latestStart))) };
  }
  return { ...plan, shape: 'hotel' };
}

export function planBooking(
  context: { seed: number; scale: string; destinations: Destinations; windowTo: string },
  index: number,
  traveler: Traveler,
  createdAt: number,
): BookingPlan {
  const rng = rngFor(context.seed, context.scale, 'booking', index);
  const id = uuidFrom(rng);
  const idempotencyKey = uuidFrom(rng);
  const shape = rng.weighted(SHAPES, SHAPE_SHARES);
  const created = dayOf(createdAt);
  const routes = context.destinations.routes.get(traveler.home);
  const away = routes ? rng.weighted(routes.to, routes.weights) : traveler.home;
  // A stay or a rental alone is sometimes near home.
  const destination = !FLIES.has(shape) && rng.chance(0.15) ? traveler.home : away;
  const size = rng.weighted(PARTY_SIZES, PARTY_SHARES);
  const declined = rng.chance(DECLINED);
  const cancel = !declined && rng.chance(CANCELLED) ? rng.weighted(['soon', 'any', 'late'] as const, [3, 4, 3]) : null;
  const plan: BookingPlan = {
    index,
    id,
    idempotencyKey,
    traveler,
    createdAt,
    shape: routes || !FLIES.has(shape) ? shape : 'hotel',
    origin: traveler.home,
    destination,
    startOn: addDays(created, Math.max(shape === 'hotel' || shape === 'car' ? 0 : 1, leadDays(shape, created, rng))),
    nights: rng.weighted(NIGHTS, NIGHT_SHARES),
    party: partyOf(traveler, size, created, rng),
    cabin: rng.weighted(CABINS, CABIN_SHARES),
    declined,
    cancel,
    rng: rngFor(context.seed, context.scale, 'booking-choices', index),
  };
  return fitWindow(plan, context.windowTo, created);
}

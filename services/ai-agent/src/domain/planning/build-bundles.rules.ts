import { randomUUID } from 'node:crypto';
import type { CarOption, HotelOption } from '../../clients/search.types.ts';
import { whatToWatch, whyThis } from './bundle-explain.rules.ts';
import { legsOf, type Bundle, type FlightChoice, type Relaxation } from './bundle.types.ts';
import { fitScoreOf, legsPrice, median, scoreParts, type Priority, type ScoreContext } from './fit-score.rules.ts';
import { nightsBetween, type TripPlan } from './trip-request.rules.ts';

const FLIGHTS = 8;
const HOTELS = 10;
const CARS = 3;

export interface Candidate {
  flight: FlightChoice | null;
  hotel: HotelOption | null;
  car: CarOption | null;
  total: number;
  parts: Record<string, number>;
  score: number;
}

export interface Scored {
  candidates: Candidate[];
  ctx: ScoreContext;
}

const comfortOf = (c: Candidate) =>
  (c.hotel ? c.hotel.stars * 10 + c.hotel.rating : 0) +
  (c.flight && legsOf(c.flight).every((l) => l.stops === 0) ? 15 : 0) +
  (c.car ? c.car.seats + c.car.dailyPrice.amount / 10_000 : 0);
export const keyOf = (c: Pick<Candidate, 'flight' | 'hotel' | 'car'>) =>
  `${c.flight?.id ?? ''}|${c.hotel?.id ?? ''}|${c.car?.id ?? ''}`;
/** What makes two options different to a traveler: the hotel, else the flight, else the car. */
const mainPartOf = (c: Candidate) => c.hotel?.id ?? c.flight?.id ?? c.car?.id ?? '';

/**
 * The leading options of a search in its own order, and its cheapest ones whatever their place in it: a budget,
 * or the lowest price, must be able to find them.
 */
function leading<T extends { id: string; totalPrice: { amount: number } }>(items: T[], count: number): T[] {
  const cheapest = [...items].sort((a, b) => a.totalPrice.amount - b.totalPrice.amount).slice(0, 3);
  const firsts = items.slice(0, count - 3).filter((x) => !cheapest.some((c) => c.id === x.id));
  return [...firsts, ...cheapest];
}

/** Every combination of the leading options of each search, priced for the party and scored. */
export function scoreCandidates(
  plan: TripPlan,
  flights: FlightChoice[] | null,
  hotels: HotelOption[] | null,
  cars: CarOption[] | null,
  priority: Priority = 'balanced',
): Scored {
  const fs = flights ? leading(flights, FLIGHTS) : [null];
  const hs = hotels ? leading(hotels, HOTELS) : [null];
  const cs = cars ? [...cars].sort((a, b) => a.totalPrice.amount - b.totalPrice.amount).slice(0, CARS) : [null];
  const combos = fs.flatMap((flight) =>
    hs.flatMap((hotel) =>
      cs.map((car) => ({
        flight,
        hotel,
        car,
        total: (flight?.totalPrice.amount ?? 0) + (hotel?.totalPrice.amount ?? 0) + (car?.totalPrice.amount ?? 0),
      })),
    ),
  );
  const ctx: ScoreContext = {
    budgetTotal: plan.budgetTotal,
    cheapestTotal: Math.min(...combos.map((c) => c.total)),
    usualFlightPrice: flights ? median(flights.map(legsPrice)) : null,
    usualNightlyPrice: hotels ? median(hotels.map((h) => h.nightlyPrice.amount)) : null,
    shortestDurationMin: flights
      ? Math.min(...flights.map((f) => legsOf(f).reduce((s, l) => s + l.durationMin, 0)))
      : null,
    amenitiesWanted: plan.hotel?.amenities ?? [],
    avoidRedEyes: plan.avoidRedEyes,
    priority,
  };
  const candidates = combos.map((c) => {
    const parts = scoreParts(c, ctx);
    return { ...c, parts, score: fitScoreOf(parts) };
  });
  return { candidates, ctx };
}

/**
 * The best fit, the cheapest and the most comfortable of the candidates that meet every stated constraint
 * (`fits`), each a different hotel (flight, car) from the others.
 */
export function pickBundles(plan: TripPlan, scored: Scored, fits: (c: Candidate) => boolean): Bundle[] {
  const candidates = scored.candidates.filter(fits);
  const picked: { label: Bundle['label']; c: Candidate }[] = [];
  const differs = (c: Candidate) => picked.every((p) => mainPartOf(p.c) !== mainPartOf(c));
  const unseen = (c: Candidate) => picked.every((p) => keyOf(p.c) !== keyOf(c));
  const pick = (label: Bundle['label'], order: (a: Candidate, b: Candidate) => number, allowed = differs) => {
    const next = candidates
      .filter(allowed)
      .sort((a, b) => order(a, b) || b.score - a.score || keyOf(a).localeCompare(keyOf(b)))[0];
    if (next) picked.push({ label, c: next });
  };
  pick('best-fit', (a, b) => b.score - a.score);
  // The cheapest shown must be the cheapest found: when the best fit is it, the next pick is the runner-up.
  const cheapestOverall = Math.min(...candidates.map((c) => c.total));
  if (picked[0] && picked[0].c.total > cheapestOverall) pick('lowest-price', (a, b) => a.total - b.total, unseen);
  else pick('runner-up', (a, b) => b.score - a.score);
  pick('most-comfortable', (a, b) => comfortOf(b) - comfortOf(a));
  return picked.map(({ label, c }) => toBundle(plan, scored.ctx, c, label, []));
}

/** A candidate as the traveler sees it: priced, scored, explained, and saying what it relaxes (if anything). */
export function toBundle(
  plan: TripPlan,
  ctx: ScoreContext,
  c: Candidate,
  label: Bundle['label'],
  relaxes: Relaxation[],
  destination: Bundle['destination'] = null,
): Bundle {
  const nights = plan.hotel ? nightsBetween(plan.hotel.checkIn, plan.hotel.checkOut) : 0;
  const explain = {
    party: plan.party,
    budgetTotal: plan.budgetTotal,
    cheapestTotal: ctx.cheapestTotal,
    amenitiesWanted: ctx.amenitiesWanted,
  };
  return {
    id: randomUUID(),
    label,
    flight: c.flight,
    cabin: plan.flight?.cabin ?? null,
    party: plan.party,
    hotel: c.hotel && { ...c.hotel, checkIn: plan.hotel!.checkIn, checkOut: plan.hotel!.checkOut, nights },
    car: c.car && { ...c.car, pickupDate: plan.car!.pickupDate, dropoffDate: plan.car!.dropoffDate },
    total: { amount: c.total, currency: 'USD' },
    fitScore: c.score,
    scoreParts: c.parts,
    whyThis: whyThis(c, explain),
    whatToWatch: whatToWatch(c, { budgetTotal: plan.budgetTotal }),
    relaxes,
    ...(destination ? { destination } : {}),
  };
}

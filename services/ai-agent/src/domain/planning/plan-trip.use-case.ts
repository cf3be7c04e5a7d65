import { randomUUID } from 'node:crypto';
import type { IntentRequest, PlanStage } from '@tripwise/contracts';
import type { SearchApi } from '../../clients/search.client.ts';
import type { CarOption, HotelOption } from '../../clients/search.types.ts';
import { whatToWatch, whyThis } from './bundle-explain.rules.ts';
import { legsOf, type Bundle, type FlightChoice } from './bundle.types.ts';
import { fitScoreOf, legsPrice, median, scoreParts, type ScoreContext } from './fit-score.rules.ts';
import { nightsBetween, tripPlanOf, type TripPlan } from './trip-request.rules.ts';

/** What the traveler said that the request has no slot for, kept by the conversation. */
export interface Preferences {
  avoidRedEyes: boolean;
}

export type Progress = (stage: PlanStage, percent: number, message: string) => Promise<void>;

export type PlanOutcome =
  | { kind: 'question'; missing: string[]; question: string }
  | { kind: 'bundles'; bundles: Bundle[]; plan: TripPlan; found: { flights: number; hotels: number; cars: number } }
  | { kind: 'nothing'; message: string; plan: TripPlan };

const FLIGHTS = 8;
const HOTELS = 10;
const CARS = 3;
const isCode = (place: string) => /^[A-Z]{3}$/.test(place);

/** A city's name to the code search knows it by (a metro area before one of its airports). */
async function codeOf(search: SearchApi, place: string, signal: AbortSignal): Promise<string> {
  if (isCode(place)) return place;
  const matches = await search.places(place, signal);
  const best = matches.find((m) => m.kind === 'metro') ?? matches[0];
  if (!best) throw new UnknownPlace(place);
  return best.code;
}

export class UnknownPlace extends Error {
  readonly place: string;
  constructor(place: string) {
    super(`No airport or city called "${place}" was found.`);
    this.place = place;
  }
}

/**
 * Plans a trip: asks the one question still needed, or searches flights, hotels and cars in parallel and builds
 * two or three complete bundles (best fit, lowest price, most comfortable), each scored and explained from the
 * data. Reports each stage as it goes; stops when `signal` is aborted.
 */
export async function planTrip(
  search: SearchApi,
  request: IntentRequest,
  preferences: Preferences,
  reportProgress: Progress,
  signal: AbortSignal,
): Promise<PlanOutcome> {
  const progress = neverBackwards(reportProgress);
  await progress('understanding', 5, 'Reading your request');
  if (request.question) return { kind: 'question', missing: request.missing, question: request.question };
  const planned = tripPlanOf(request);
  if ('missing' in planned) {
    return { kind: 'question', missing: [planned.missing], question: questionFor(planned.missing) };
  }
  const plan: TripPlan = {
    ...planned,
    flight: planned.flight && {
      ...planned.flight,
      origin: await codeOf(search, planned.flight.origin, signal),
      destination: await codeOf(search, planned.flight.destination, signal),
    },
    hotel: planned.hotel && { ...planned.hotel, place: await codeOf(search, planned.hotel.place, signal) },
    car: planned.car && { ...planned.car, place: await codeOf(search, planned.car.place, signal) },
    avoidRedEyes: preferences.avoidRedEyes,
  };
  await progress('understanding', 10, describe(plan));

  const [flights, hotels, cars] = await Promise.all([
    plan.flight ? searchFlights(search, plan, progress, signal) : Promise.resolve(null),
    plan.hotel ? searchHotels(search, plan, progress, signal) : Promise.resolve(null),
    plan.car ? searchCars(search, plan, progress, signal) : Promise.resolve(null),
  ]);
  const found = { flights: flights?.length ?? 0, hotels: hotels?.length ?? 0, cars: cars?.length ?? 0 };
  const empty = [
    flights?.length === 0 ? 'flights' : null,
    hotels?.length === 0 ? 'hotels' : null,
    cars?.length === 0 ? 'cars' : null,
  ].filter(Boolean);
  if (empty.length > 0) {
    return {
      kind: 'nothing',
      plan,
      message: `No ${empty.join(' or ')} match those dates and filters. Try other dates or fewer filters.`,
    };
  }
  await progress('building_bundles', 85, 'Putting together the best combinations');
  const bundles = buildBundles(plan, flights, hotels, cars);
  await progress('done', 100, `${bundles.length} option${bundles.length === 1 ? '' : 's'} ready`);
  return { kind: 'bundles', bundles, plan, found };
}

/** The searches run in parallel and finish in any order; a progress bar that jumps back would look broken. */
function neverBackwards(progress: Progress): Progress {
  let highest = 0;
  return (stage, percent, message) => {
    highest = Math.max(highest, percent);
    return progress(stage, highest, message);
  };
}

function questionFor(slot: string): string {
  const questions: Record<string, string> = {
    origin: 'Where are you flying from?',
    destination: 'Where would you like to go?',
    departDate: 'When would you like to leave?',
    city: 'Which city should the hotel be in?',
    checkIn: 'When do you check in?',
    checkOut: 'When do you check out, or how many nights?',
    pickupCity: 'Where should the car be picked up?',
    pickupDate: 'When do you pick up the car?',
    dropoffDate: 'When do you return the car?',
  };
  return questions[slot] ?? 'Could you tell me a little more about the trip?';
}

function describe(plan: TripPlan): string {
  const parts = [
    plan.flight &&
      `flights ${plan.flight.origin} → ${plan.flight.destination} on ${plan.flight.departDate}${plan.flight.returnDate ? `, back ${plan.flight.returnDate}` : ''}`,
    plan.hotel && `a hotel in ${plan.hotel.place} ${plan.hotel.checkIn} to ${plan.hotel.checkOut}`,
    plan.car && `a car at ${plan.car.place}`,
  ].filter(Boolean);
  return `Looking for ${parts.join(', ')} for ${plan.party}`;
}

async function searchFlights(search: SearchApi, plan: TripPlan, progress: Progress, signal: AbortSignal) {
  const f = plan.flight!;
  await progress('searching_flights', 20, `Searching flights ${f.origin} → ${f.destination}`);
  const page = await search.flights(
    {
      origin: f.origin,
      destination: f.destination,
      date: f.departDate,
      returnDate: f.returnDate,
      passengers: plan.party,
      cabin: f.cabin,
      maxStops: f.maxStops,
      airlines: f.airline ? [f.airline] : undefined,
      // Red-eyes leave between 21:00 and 06:00 local time.
      ...(plan.avoidRedEyes ? { departAfter: '06:00', departBefore: '20:59' } : {}),
      sort: 'best',
      limit: 20,
    },
    signal,
  );
  await progress('searching_flights', 45, `Found ${page.total} flight option${page.total === 1 ? '' : 's'}`);
  return page.items as FlightChoice[];
}

async function searchHotels(search: SearchApi, plan: TripPlan, progress: Progress, signal: AbortSignal) {
  const h = plan.hotel!;
  await progress('searching_hotels', 25, `Searching hotels in ${h.place}`);
  const query = {
    city: h.place,
    checkIn: h.checkIn,
    checkOut: h.checkOut,
    guests: h.guests,
    rooms: h.rooms,
    stars: h.minStars ? [1, 2, 3, 4, 5].filter((s) => s >= h.minStars!).map(String) : undefined,
    maxPrice: h.maxNightly,
    amenities: h.amenities.length > 0 ? h.amenities : undefined,
    limit: 15,
  };
  // The best rated and the cheapest: the bundles need both ends.
  const [rated, cheap] = await Promise.all([
    search.hotels({ ...query, sort: 'rating' }, signal),
    search.hotels({ ...query, sort: 'price' }, signal),
  ]);
  const hotels = [...new Map([...rated.items, ...cheap.items].map((x) => [x.id, x])).values()];
  await progress('searching_hotels', 60, `Found ${rated.total} hotel${rated.total === 1 ? '' : 's'} with rooms free`);
  return hotels;
}

async function searchCars(search: SearchApi, plan: TripPlan, progress: Progress, signal: AbortSignal) {
  const c = plan.car!;
  await progress('searching_cars', 30, `Searching cars at ${c.place}`);
  const page = await search.cars(
    {
      location: c.place,
      pickupDate: c.pickupDate,
      pickupTime: c.pickupTime,
      dropoffDate: c.dropoffDate,
      dropoffTime: c.dropoffTime,
      carTypes: c.carType ? [c.carType] : undefined,
      sort: 'price',
      limit: 10,
    },
    signal,
  );
  await progress('searching_cars', 70, `Found ${page.total} car${page.total === 1 ? '' : 's'}`);
  return page.items;
}

interface Candidate {
  flight: FlightChoice | null;
  hotel: HotelOption | null;
  car: CarOption | null;
  total: number;
  parts: Record<string, number>;
  score: number;
}

const comfortOf = (c: Candidate) =>
  (c.hotel ? c.hotel.stars * 10 + c.hotel.rating : 0) +
  (c.flight && legsOf(c.flight).every((l) => l.stops === 0) ? 15 : 0);
const keyOf = (c: Candidate) => `${c.flight?.id ?? ''}|${c.hotel?.id ?? ''}|${c.car?.id ?? ''}`;

/** Every combination of the leading options, scored; then the best fit, the cheapest and the most comfortable. */
export function buildBundles(
  plan: TripPlan,
  flights: FlightChoice[] | null,
  hotels: HotelOption[] | null,
  cars: CarOption[] | null,
): Bundle[] {
  const fs = flights ? flights.slice(0, FLIGHTS) : [null];
  const hs = hotels ? hotels.slice(0, HOTELS) : [null];
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
  };
  const candidates: Candidate[] = combos.map((c) => {
    const parts = scoreParts(c, ctx);
    return { ...c, parts, score: fitScoreOf(parts) };
  });
  const picked: { label: Bundle['label']; c: Candidate }[] = [];
  const differs = (c: Candidate) =>
    picked.every((p) => (c.hotel && p.c.hotel ? c.hotel.id !== p.c.hotel.id : c.flight?.id !== p.c.flight?.id));
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
  const nights = plan.hotel ? nightsBetween(plan.hotel.checkIn, plan.hotel.checkOut) : 0;
  const explain = {
    party: plan.party,
    budgetTotal: plan.budgetTotal,
    cheapestTotal: ctx.cheapestTotal,
    amenitiesWanted: ctx.amenitiesWanted,
  };
  return picked.map(({ label, c }) => ({
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
  }));
}

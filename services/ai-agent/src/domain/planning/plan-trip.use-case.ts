import type { IntentRequest, PlanStage } from '@tripwise/contracts';
import { SearchRefused, type SearchApi } from '../../clients/search.client.ts';
import type { Shortfall } from './alternatives.rules.ts';
import { findAlternatives, type PartsFound } from './alternatives.use-case.ts';
import { pickBundles, scoreCandidates } from './build-bundles.rules.ts';
import type { Bundle } from './bundle.types.ts';
import { statedSearch } from './constraints.rules.ts';
import type { Priority } from './fit-score.rules.ts';
import { searchCars, searchFlights, searchHotels, type Found, type SearchPart } from './plan-searches.ts';
import { budgetTotalOf, tripPlanOf, type TripPlan } from './trip-request.rules.ts';
import { exploreAskOf, exploreTrips } from './explore-trip.use-case.ts';
import { withRelativeWishes } from './relative-wishes.rules.ts';

/** What the traveler said that the request has no slot for, kept by the conversation. */
export interface Preferences {
  avoidRedEyes: boolean;
  /** "Cheap", "the best", "most comfortable": what the Fit Score leans on (balanced when not said). */
  priority?: Priority;
}

export type Progress = (stage: PlanStage, percent: number, message: string) => Promise<void>;

export type PlanOutcome =
  | { kind: 'question'; missing: string[]; question: string }
  | {
      kind: 'bundles';
      bundles: Bundle[];
      plan: TripPlan;
      found: { flights: number; hotels: number; cars: number };
      /** Searches that failed even when retried: the bundles leave these parts out. */
      incomplete: SearchPart[];
    }
  | { kind: 'alternatives'; bundles: Bundle[]; plan: TripPlan; unmet: string[]; incomplete: SearchPart[] }
  | { kind: 'nothing'; message: string; plan: TripPlan; unmet: string[] };

/** Every search of the plan failed, even when retried: there is nothing to show. */
export class SearchUnavailable extends Error {
  constructor() {
    super('Search is not answering right now. Try again in a moment.');
    this.name = 'SearchUnavailable';
  }
}
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
  /** The option shown last, which "a cheaper hotel" is relative to. */
  shown?: Bundle,
): Promise<PlanOutcome> {
  const progress = neverBackwards(reportProgress);
  await progress('understanding', 5, 'Reading your request');
  if (request.question) return { kind: 'question', missing: request.missing, question: request.question };
  const exploring = request.explore && request.flight?.origin && !request.flight.destination;
  if (exploring) return planExplored(search, request, preferences, progress, signal);
  const planned = tripPlanOf(request);
  if ('missing' in planned) {
    return { kind: 'question', missing: [planned.missing], question: questionFor(planned.missing) };
  }
  const resolved: TripPlan = {
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
  const plan = withRelativeWishes(resolved, request.relative, shown);
  await progress('understanding', 10, describe(plan));
  const { found: exact, failed, totals } = await searchAll(search, plan, progress, signal);
  if (failed.length === partsOf(plan).length) throw new SearchUnavailable();
  // A part whose search failed twice is left out, and the answer says so: the rest of the plan still stands.
  const trip = withoutParts(plan, failed);
  await progress('building_bundles', 85, 'Putting together the best combinations');
  const priority = preferences.priority ?? 'balanced';
  const empty = (['flights', 'hotels', 'cars'] as const).filter((p) => exact[p]?.length === 0);
  if (empty.length === 0) {
    const scored = scoreCandidates(trip, exact.flights, exact.hotels, exact.cars, priority);
    const budget = trip.budgetTotal;
    const bundles = pickBundles(trip, scored, (c) => budget === null || c.total <= budget);
    // One option within the budget is a thin answer: the nearest over it (or on other days) follow, labelled.
    if (bundles.length === 1 && budget !== null && scored.candidates.some((c) => c.total > budget)) {
      const more = await findAlternatives(search, trip, exact, { empty: [], overBudget: true }, priority, signal);
      bundles.push(...more.filter((b) => (b.relaxes ?? []).length > 0).slice(0, 2));
    }
    if (bundles.length > 0) {
      await progress('done', 100, `${bundles.length} option${bundles.length === 1 ? '' : 's'} ready`);
      return { kind: 'bundles', bundles, plan: trip, found: totals, incomplete: failed };
    }
  }
  const shortfall: Shortfall = { empty, overBudget: empty.length === 0 };
  const unmet = unmetOf(trip, shortfall, exact);
  await progress('building_bundles', 90, `${unmet[0]}: looking for the nearest alternatives`);
  const alternatives = await findAlternatives(search, trip, exact, shortfall, priority, signal);
  if (alternatives.length === 0) {
    await progress('done', 100, 'Nothing close either');
    return {
      kind: 'nothing',
      plan: trip,
      unmet,
      message: `${unmet.join('. ')}. Nothing close was found either (other dates up to 3 days either way, fewer filters, nearby airports).`,
    };
  }
  await progress('done', 100, `${alternatives.length} alternative${alternatives.length === 1 ? '' : 's'} ready`);
  return { kind: 'alternatives', bundles: alternatives, plan: trip, unmet, incomplete: failed };
}

/** "Somewhere warm": destinations from Explore, each with its best bundle. */
async function planExplored(
  search: SearchApi,
  request: IntentRequest,
  preferences: Preferences,
  progress: Progress,
  signal: AbortSignal,
): Promise<PlanOutcome> {
  const f = request.flight!;
  const origin = await codeOf(search, f.origin!.code ?? f.origin!.city, signal);
  const party = f.passengers ?? request.hotel?.guests ?? 1;
  const ask = exploreAskOf(request, origin, party, budgetTotalOf(request, party));
  const what = ask.theme ? `${ask.theme} places` : 'destinations';
  await progress('searching_flights', 20, `Looking for ${what} from ${origin}${ask.month ? ` in ${ask.month}` : ''}`);
  const { bundles } = await exploreTrips(search, ask, preferences.priority ?? 'balanced', signal);
  const plan: TripPlan = {
    party,
    flight: null,
    hotel: null,
    car: null,
    budgetTotal: ask.budgetTotal,
    avoidRedEyes: false,
  };
  const budget = ask.budgetTotal === null ? '' : ` within your ${dollars(ask.budgetTotal)} budget for ${party}`;
  const unmet = [`No ${what} from ${origin}${budget} could be found`];
  if (bundles.length === 0) {
    await progress('done', 100, 'Nothing found');
    return { kind: 'nothing', plan, unmet, message: `${unmet[0]}. Try another month or a larger budget.` };
  }
  await progress('done', 100, `${bundles.length} destination${bundles.length === 1 ? '' : 's'} ready`);
  if (bundles.some((b) => (b.relaxes ?? []).length === 0)) {
    const found = { flights: bundles.length, hotels: bundles.filter((b) => b.hotel).length, cars: 0 };
    return { kind: 'bundles', bundles, plan, found, incomplete: [] };
  }
  return { kind: 'alternatives', bundles, plan, unmet, incomplete: [] };
}

const partsOf = (plan: TripPlan): SearchPart[] =>
  [plan.flight && 'flights', plan.hotel && 'hotels', plan.car && 'cars'].filter((p): p is SearchPart => !!p);

function withoutParts(plan: TripPlan, failed: SearchPart[]): TripPlan {
  return {
    ...plan,
    flight: failed.includes('flights') ? null : plan.flight,
    hotel: failed.includes('hotels') ? null : plan.hotel,
    car: failed.includes('cars') ? null : plan.car,
  };
}

const dollars = (minor: number) => `$${Math.round(minor / 100).toLocaleString('en-US')}`;

/** Exactly which stated constraint nothing met, in the traveler's terms. */
function unmetOf(plan: TripPlan, shortfall: Shortfall, exact: PartsFound): string[] {
  if (shortfall.empty.length > 0) return shortfall.empty.map((part) => `No ${statedSearch(plan, part)} is available`);
  const cheapest = [exact.flights, exact.hotels, exact.cars].reduce(
    (sum, items) => sum + (items ? Math.min(...items.map((x) => x.totalPrice.amount)) : 0),
    0,
  );
  return [
    `Nothing fits your ${dollars(plan.budgetTotal!)} budget: the cheapest complete trip found is ${dollars(cheapest)} for ${plan.party}`,
  ];
}

/**
 * Flights, hotels and cars searched in parallel, each retried once; a search that still fails is reported in
 * `failed` (a refusal, or the plan being stopped, still ends the plan).
 */
async function searchAll(search: SearchApi, plan: TripPlan, progress: Progress, signal: AbortSignal) {
  const failed: SearchPart[] = [];
  const tolerate = async <T>(part: SearchPart, run: () => Promise<Found<T>>): Promise<Found<T> | null> => {
    try {
      return await run();
    } catch (err) {
      if (signal.aborted || err instanceof SearchRefused) throw err;
      failed.push(part);
      return null;
    }
  };
  const [flights, hotels, cars] = await Promise.all([
    plan.flight &&
      tolerate('flights', async () => {
        const f = plan.flight!;
        await progress('searching_flights', 20, `Searching flights ${f.origin} → ${f.destination}`);
        const page = await searchFlights(search, plan, signal);
        await progress('searching_flights', 45, `Found ${page.total} flight option${page.total === 1 ? '' : 's'}`);
        return page;
      }),
    plan.hotel &&
      tolerate('hotels', async () => {
        await progress('searching_hotels', 25, `Searching hotels in ${plan.hotel!.place}`);
        const page = await searchHotels(search, plan, signal);
        await progress(
          'searching_hotels',
          60,
          `Found ${page.total} hotel${page.total === 1 ? '' : 's'} with rooms free`,
        );
        return page;
      }),
    plan.car &&
      tolerate('cars', async () => {
        await progress('searching_cars', 30, `Searching cars at ${plan.car!.place}`);
        const page = await searchCars(search, plan, signal);
        await progress('searching_cars', 70, `Found ${page.total} car${page.total === 1 ? '' : 's'}`);
        return page;
      }),
  ]);
  const found: PartsFound = {
    flights: flights ? flights.items : null,
    hotels: hotels ? hotels.items : null,
    cars: cars ? cars.items : null,
  };
  const totals = { flights: flights?.total ?? 0, hotels: hotels?.total ?? 0, cars: cars?.total ?? 0 };
  return { found, failed, totals };
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

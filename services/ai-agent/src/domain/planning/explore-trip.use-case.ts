import type { ExploreDestination, IntentRequest } from '@tripwise/contracts';
import type { SearchApi } from '../../clients/search.client.ts';
import { pickBundles, scoreCandidates, toBundle } from './build-bundles.rules.ts';
import type { Bundle } from './bundle.types.ts';
import { relaxationsOf } from './constraints.rules.ts';
import type { Priority } from './fit-score.rules.ts';
import { retriedOnce, searchCars, searchFlights, searchHotels } from './plan-searches.ts';
import { nightsBetween, type TripPlan } from './trip-request.rules.ts';

const DESTINATIONS = 3;
/** Explore lists a few more than are shown: a destination whose hotels are full gives way to the next. */
const ASKED = 6;
const DEFAULT_NIGHTS = 7;

/** Where the trip leaves from, and what it is like, as the request says (the destination is Explore's to find). */
export interface ExploreAsk {
  origin: string;
  party: number;
  theme: NonNullable<IntentRequest['explore']>['theme'];
  budgetTotal: number | null;
  /** The month to travel in (YYYY-MM), when said. */
  month: string | null;
  nights: number;
  cabin: string;
  maxStops: number | null;
  withHotel: boolean;
  withCar: boolean;
  hotel: Pick<NonNullable<TripPlan['hotel']>, 'rooms' | 'minStars' | 'maxNightly' | 'amenities'> | null;
}

/** The request's exploring wish as Explore's question. */
export function exploreAskOf(
  request: IntentRequest,
  origin: string,
  party: number,
  budgetTotal: number | null,
): ExploreAsk {
  const f = request.flight;
  const h = request.hotel;
  const from = request.dateWindow?.from ?? f?.departDate ?? null;
  const stated = f?.departDate && f.returnDate ? nightsBetween(f.departDate, f.returnDate) : null;
  return {
    origin,
    party,
    theme: request.explore?.theme ?? null,
    budgetTotal,
    month: from ? from.slice(0, 7) : null,
    nights: Math.min(21, Math.max(1, h?.nights ?? stated ?? DEFAULT_NIGHTS)),
    cabin: f?.cabin ?? 'economy',
    maxStops: f?.maxStops ?? null,
    withHotel: h !== null,
    withCar: request.car !== null,
    hotel: h && {
      rooms: h.rooms ?? 1,
      minStars: h.minStars,
      maxNightly: h.maxNightlyPrice?.amount ?? null,
      amenities: h.amenities,
    },
  };
}

function planFor(ask: ExploreAsk, to: ExploreDestination): TripPlan {
  const { departDate, returnDate } = to;
  const place = to.destination.code;
  return {
    party: ask.party,
    flight: {
      origin: ask.origin,
      destination: place,
      departDate,
      returnDate,
      cabin: ask.cabin,
      maxStops: ask.maxStops,
      airline: null,
      maxPrice: null,
    },
    hotel: ask.hotel && { ...ask.hotel, place, checkIn: departDate, checkOut: returnDate, guests: ask.party },
    car: ask.withCar
      ? {
          place,
          pickupDate: departDate,
          pickupTime: '10:00',
          dropoffDate: returnDate,
          dropoffTime: '10:00',
          carType: null,
        }
      : null,
    budgetTotal: ask.budgetTotal,
    avoidRedEyes: false,
  };
}

/** The best bundle to one destination: the best fit within the budget, else the nearest over it (labelled). */
async function bestTo(
  search: SearchApi,
  plan: TripPlan,
  to: ExploreDestination,
  priority: Priority,
  signal: AbortSignal,
): Promise<Bundle | null> {
  const [flights, hotels, cars] = await Promise.all([
    searchFlights(search, plan, signal),
    plan.hotel ? searchHotels(search, plan, signal) : null,
    plan.car ? searchCars(search, plan, signal) : null,
  ]);
  if ([flights, hotels, cars].some((found) => found?.items.length === 0)) return null;
  const scored = scoreCandidates(plan, flights.items, hotels?.items ?? null, cars?.items ?? null, priority);
  const destination = {
    code: to.destination.code,
    city: to.destination.city,
    country: to.destination.country,
    averageHighC: to.averageHighC,
    themes: to.themes,
  };
  const budget = plan.budgetTotal;
  const [best] = pickBundles(plan, scored, (c) => budget === null || c.total <= budget);
  if (best) return { ...best, label: 'best-fit', destination };
  const cheapest = [...scored.candidates].sort((a, b) => a.total - b.total)[0]!;
  const relaxes = relaxationsOf(cheapest, plan).map(({ kind, text }) => ({ kind, text }));
  return toBundle(plan, scored.ctx, cheapest, 'alternative', relaxes, destination);
}

/**
 * "Somewhere warm from Seattle in February": Explore proposes destinations (cheapest first, within the budget per
 * person when there is one, else any); each gets its best bundle, searched as any trip is. Returns up to three,
 * those within every stated constraint first.
 */
export async function exploreTrips(
  search: SearchApi,
  ask: ExploreAsk,
  priority: Priority,
  signal: AbortSignal,
): Promise<{ bundles: Bundle[]; proposed: number }> {
  const query = {
    origin: ask.origin,
    month: ask.month,
    tripLength: ask.nights,
    theme: ask.theme,
    passengers: ask.party,
    cabin: ask.cabin,
    maxStops: ask.maxStops,
    limit: ASKED,
  };
  const perPerson = ask.budgetTotal !== null ? Math.floor(ask.budgetTotal / ask.party) : null;
  let answer = await retriedOnce(() => search.explore({ ...query, maxPrice: perPerson }, signal), signal);
  // Nothing within the budget: the nearest over it, labelled as such, rather than nothing at all.
  if (answer.items.length === 0 && perPerson !== null) {
    answer = await retriedOnce(() => search.explore(query, signal), signal);
  }
  const tried = await Promise.all(
    answer.items.map((to) =>
      bestTo(search, planFor(ask, to), to, priority, signal).catch((err: unknown) => {
        if (signal.aborted) throw err;
        return null;
      }),
    ),
  );
  const found = tried.filter((b): b is Bundle => b !== null);
  const conforming = found.filter((b) => (b.relaxes ?? []).length === 0);
  const relaxed = found.filter((b) => (b.relaxes ?? []).length > 0);
  return { bundles: [...conforming, ...relaxed].slice(0, DESTINATIONS), proposed: answer.items.length };
}

import type { SearchApi } from '../../clients/search.client.ts';
import type { CarOption, HotelOption } from '../../clients/search.types.ts';
import { airportByCode, airportsOf } from '@tripwise/travel-data';
import { FURTHER_OUT_KM, NEARBY_KM, variantsFor, type Shortfall, type Variant } from './alternatives.rules.ts';
import { keyOf, scoreCandidates, toBundle, type Candidate } from './build-bundles.rules.ts';
import type { Bundle, FlightChoice } from './bundle.types.ts';
import { relaxationsOf, type Costed } from './constraints.rules.ts';
import type { Priority, ScoreContext } from './fit-score.rules.ts';
import { searchCars, searchFlights, searchHotels, type Around } from './plan-searches.ts';
import type { TripPlan } from './trip-request.rules.ts';

/** What each search of the plan found (null: the plan has no such part, or its search failed). */
export interface PartsFound {
  flights: FlightChoice[] | null;
  hotels: HotelOption[] | null;
  cars: CarOption[] | null;
}

interface Nearest {
  plan: TripPlan;
  ctx: ScoreContext;
  c: Candidate;
  relaxes: Costed[];
  cost: number;
}

const MAX_ALTERNATIVES = 3;

/** The stated city's point: its (first) airport's, which search measures "further out" from. */
function aroundCity(place: string): Around | undefined {
  const airport = airportByCode(airportsOf(place)[0] ?? place);
  return airport && { latitude: airport.latitude, longitude: airport.longitude, radiusKm: FURTHER_OUT_KM };
}
const costOf = (relaxes: Costed[]) => relaxes.reduce((s, r) => s + r.cost, 0);
/** Fewer constraints relaxed first, then the smaller relaxation: a day later before a day later and one stop. */
const nearestFirst = (a: Nearest, b: Nearest) => a.relaxes.length - b.relaxes.length || a.cost - b.cost;

/** The nearest option one variant finds: the fewest and smallest relaxations, then the best fit (or cheapest). */
async function nearestIn(
  search: SearchApi,
  stated: TripPlan,
  variant: Variant,
  exact: PartsFound,
  priority: Priority,
  signal: AbortSignal,
): Promise<Nearest | null> {
  const found = { ...exact };
  const plan = variant.plan;
  await Promise.all(
    variant.research.map(async (part) => {
      if (part === 'flights') {
        const widening = variant.nearbyAirports ? { radiusKm: NEARBY_KM } : {};
        found.flights = (await searchFlights(search, plan, signal, widening)).items;
      } else if (part === 'hotels') {
        const around = variant.furtherOut ? aroundCity(plan.hotel!.place) : undefined;
        if (variant.furtherOut && !around) throw new Error(`no point known for ${plan.hotel!.place}`);
        found.hotels = (await searchHotels(search, plan, signal, around)).items;
      } else found.cars = (await searchCars(search, plan, signal)).items;
    }),
  );
  if ([found.flights, found.hotels, found.cars].some((items) => items?.length === 0)) return null;
  const { candidates, ctx } = scoreCandidates(plan, found.flights, found.hotels, found.cars, priority);
  const options = candidates.map((c) => {
    const relaxes = relaxationsOf(c, stated, plan);
    return { plan, ctx, c, relaxes, cost: costOf(relaxes) };
  });
  const order = (a: Nearest, b: Nearest) =>
    nearestFirst(a, b) || (variant.prefer === 'cheapest' ? a.c.total - b.c.total : b.c.score - a.c.score);
  return options.sort(order)[0] ?? null;
}

/** Up to three, nearest first, each different, and no more than two loosening the same things. */
function mostUseful(found: Nearest[]): Nearest[] {
  const ranked = [...found].sort((a, b) => nearestFirst(a, b) || a.c.total - b.c.total);
  const chosen: Nearest[] = [];
  const signature = (n: Nearest) => n.relaxes.map((r) => r.kind).join('+');
  for (const limit of [1, 2]) {
    for (const n of ranked) {
      if (chosen.length >= MAX_ALTERNATIVES) break;
      const same = chosen.filter((c) => signature(c) === signature(n)).length;
      if (same < limit && chosen.every((c) => keyOf(c.c) !== keyOf(n.c))) chosen.push(n);
    }
  }
  return chosen.sort((a, b) => nearestFirst(a, b) || a.c.total - b.c.total);
}

/**
 * When nothing met every stated constraint: the nearest alternatives, each labelled with exactly the constraints it
 * does not meet (checked against the request as stated, not as loosened), ranked by how far they stray.
 */
export async function findAlternatives(
  search: SearchApi,
  stated: TripPlan,
  exact: PartsFound,
  shortfall: Shortfall,
  priority: Priority,
  signal: AbortSignal,
): Promise<Bundle[]> {
  const tried = await Promise.all(
    variantsFor(stated, shortfall).map((variant) =>
      nearestIn(search, stated, variant, exact, priority, signal).catch((err: unknown) => {
        // A loosened search that fails (a date in the past, a busy search) is one alternative fewer, no more.
        if (signal.aborted) throw err;
        return null;
      }),
    ),
  );
  return mostUseful(tried.filter((n): n is Nearest => n !== null)).map((n) =>
    toBundle(
      n.plan,
      n.ctx,
      n.c,
      n.relaxes.length > 0 ? 'alternative' : 'best-fit',
      n.relaxes.map(({ kind, text }) => ({ kind, text })),
    ),
  );
}

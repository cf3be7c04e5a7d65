import type { ExploreAnswer, ExploreDestination, ExploreQuery } from '@tripwise/contracts';
import { airportByCode, metroArea } from '@tripwise/travel-data';
import { cityCodeOf } from '@tripwise/travel-data/network';
import { themesOf } from '@tripwise/travel-data/places';
import { localDate } from '../search/places.rules.ts';
import { cheapestFrom, cheapestTo, groupLegs, type Cheapest } from './cheapest-everywhere.ts';
import { memoLegSource } from './flight-legs.memo.ts';
import { CURRENCY } from './itinerary-view.ts';
import type { FlightLegSource, Leg, LegWanted } from './leg.ts';
import { placeWithin } from './search-flights.use-case.ts';

const DAY_MS = 86_400_000;
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** Connections in Explore go through the airports the origin flies to most (and that fly to it most): its hubs. */
const EXPLORE_HUBS = 6;
const NEXT_DAYS = 30;

/** The airports most legs go to (or come from), the origins left out: where connections are made. */
function busiest(legs: readonly Leg[], end: (l: Leg) => string, skip: ReadonlySet<string>): string[] {
  const counts = new Map<string, number>();
  for (const l of legs) if (!skip.has(end(l))) counts.set(end(l), (counts.get(end(l)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, EXPLORE_HUBS)
    .map(([code]) => code);
}

/** The cheapest of each city's airports (a metro's JFK, LGA and EWR are one destination). */
function byCity(cheapest: Map<string, Cheapest>): Map<string, Cheapest & { airports: string[] }> {
  const cities = new Map<string, Cheapest & { airports: string[] }>();
  for (const [airport, c] of cheapest) {
    const city = cityCodeOf(airport);
    const known = cities.get(city);
    if (!known) cities.set(city, { ...c, airports: [airport] });
    else {
      known.airports.push(airport);
      if (c.price < known.price) Object.assign(known, { price: c.price, stops: c.stops });
    }
  }
  return cities;
}

function travelDates(q: ExploreQuery, today: string): string[] {
  if (!q.month) return Array.from({ length: NEXT_DAYS }, (_, i) => addDays(today, i + 1));
  return Array.from({ length: 31 }, (_, i) => addDays(`${q.month}-01`, i)).filter(
    (d) => d.startsWith(q.month!) && d > today,
  );
}

function describe(city: string, airports: string[]) {
  const airport = airportByCode(airports[0] ?? city) ?? airportByCode(city);
  return {
    code: city,
    city: metroArea(city)?.city ?? airport?.city ?? city,
    country: airport?.country ?? '',
    latitude: airport?.latitude ?? 0,
    longitude: airport?.longitude ?? 0,
    airports: [...airports].sort(),
  };
}

/**
 * Each day's cheapest fares from (or to) an origin, kept a few minutes when the cache is on (see recent-answers.ts):
 * a day's prices serve every Explore that day, whatever its theme, budget or trip length.
 */
export function createExplorePrices(options: { maxAgeMs: number; maxEntries: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { at: number; prices: Map<string, Cheapest> }>();
  return {
    get(key: string): Map<string, Cheapest> | undefined {
      const known = entries.get(key);
      return known && now() - known.at < options.maxAgeMs ? known.prices : undefined;
    },
    set(key: string, prices: Map<string, Cheapest>): void {
      entries.delete(key);
      entries.set(key, { at: now(), prices });
      for (const oldest of entries.keys()) {
        if (entries.size <= options.maxEntries) break;
        entries.delete(oldest);
      }
    },
  };
}
export type ExplorePrices = ReturnType<typeof createExplorePrices>;

const around = (list: readonly string[], after: number) => [
  ...new Set(list.flatMap((d) => Array.from({ length: after + 1 }, (_, i) => addDays(d, i)))),
];

/** The cheapest fares from the origins to everywhere, for each day asked (legs read for all the days at once). */
async function pricesOut(
  memo: ReturnType<typeof memoLegSource>,
  origins: ReadonlySet<string>,
  dates: string[],
  w: LegWanted,
) {
  const firsts = await memo.legs.from([...origins], dates, w);
  const onward = await memo.legs.from(
    busiest(firsts, (l) => l.destination, origins),
    around(dates, 1),
    w,
  );
  const startsOn = groupLegs(
    firsts,
    (l) => l.departDate,
    (l) => l.departMs,
  );
  const onwardFrom = groupLegs(
    onward,
    (l) => l.origin,
    (l) => l.departMs,
  );
  return new Map(dates.map((d) => [d, cheapestFrom(startsOn.get(d) ?? [], onwardFrom, origins)]));
}

/** The cheapest fares from everywhere back to the origins, leaving each day asked. */
async function pricesBack(
  memo: ReturnType<typeof memoLegSource>,
  origins: ReadonlySet<string>,
  dates: string[],
  w: LegWanted,
) {
  const lasts = await memo.legs.to([...origins], around(dates, 1), w);
  const feeders = await memo.legs.to(
    busiest(lasts, (l) => l.origin, origins),
    dates,
    w,
  );
  const lastsOn = groupLegs(
    lasts,
    (l) => l.departDate,
    (l) => l.departMs,
  );
  const feedersInto = groupLegs(
    feeders,
    (l) => `${l.destination}|${l.departDate}`,
    (l) => l.arriveMs,
  );
  return new Map(
    dates.map((d) => [
      d,
      cheapestTo(d, [...(lastsOn.get(d) ?? []), ...(lastsOn.get(addDays(d, 1)) ?? [])], feedersInto, origins),
    ]),
  );
}

/** Each day's prices, from those kept where they are, worked out (all missing days at once) where not. */
async function pricesByDay(
  direction: 'out' | 'back',
  dates: string[],
  keyOf: (date: string) => string,
  work: (missing: string[]) => Promise<Map<string, Map<string, Cheapest>>>,
  kept: ExplorePrices | undefined,
): Promise<Map<string, Map<string, Cheapest>>> {
  const found = new Map(
    dates.flatMap((d) => {
      const prices = kept?.get(`${direction}|${keyOf(d)}`);
      return prices ? [[d, prices] as const] : [];
    }),
  );
  const missing = dates.filter((d) => !found.has(d));
  if (missing.length) {
    for (const [d, prices] of await work(missing)) {
      found.set(d, prices);
      kept?.set(`${direction}|${keyOf(d)}`, prices);
    }
  }
  return found;
}

/**
 * Explore: from an origin, the cheapest round trips to every destination reachable nonstop or with one stop, over
 * a month (or the next 30 days), for a trip of `tripLength` nights, within a budget and a theme (from each city's
 * data: its climate that month, its coast, what is near). Each destination comes with its best dates and what a
 * flight search for them asks. Connections go through the origin's six busiest connecting airports each way.
 */
export async function explore(
  source: FlightLegSource,
  q: ExploreQuery,
  now: Date,
  kept?: ExplorePrices,
): Promise<ExploreAnswer> {
  const from = placeWithin(q.origin, 'origin', undefined);
  const today = localDate(now, from.timeZone);
  const dates = travelDates(q, today);
  const backDates = dates.map((d) => addDays(d, q.tripLength));
  const origins = new Set(from.airports);
  const wanted = { cabin: q.cabin, passengers: q.passengers };
  const memo = memoLegSource(source, wanted);
  const keyOf = (d: string) => `${[...origins].sort().join(',')}|${d}|${q.cabin}|${q.passengers}`;
  const [outs, backs] = await Promise.all([
    pricesByDay('out', dates, keyOf, (missing) => pricesOut(memo, origins, missing, wanted), kept),
    pricesByDay('back', backDates, keyOf, (missing) => pricesBack(memo, origins, missing, wanted), kept),
  ]);
  const best = new Map<string, ExploreDestination>();
  for (const [i, date] of dates.entries()) {
    const back = backDates[i]!;
    const out = byCity(outs.get(date) ?? new Map<string, Cheapest>());
    const home = byCity(backs.get(back) ?? new Map<string, Cheapest>());
    const month = Number(date.slice(5, 7));
    for (const [city, go] of out) {
      const ret = home.get(city);
      if (!ret || city === cityCodeOf(from.airports[0]!)) continue;
      const price = go.price + ret.price;
      if (q.maxPrice !== undefined && price > q.maxPrice) continue;
      const known = best.get(city);
      if (known && known.price.amount <= price) continue;
      const place = describe(city, [...new Set([...go.airports, ...ret.airports])]);
      const reasons = themesOf(place, month);
      if (q.theme && !reasons.themes.includes(q.theme)) continue;
      best.set(city, {
        destination: place,
        price: { amount: price, currency: CURRENCY },
        departDate: date,
        returnDate: back,
        stops: Math.max(go.stops, ret.stops),
        themes: reasons.themes,
        averageHighC: reasons.averageHighC ?? null,
        near: reasons.near.slice(0, 3),
        search: { origin: q.origin, destination: city, date, returnDate: back },
      });
    }
  }
  const items = [...best.values()]
    .sort((a, b) => a.price.amount - b.price.amount || (a.destination.code < b.destination.code ? -1 : 1))
    .slice(0, q.limit);
  return {
    origin: q.origin,
    dates: { from: dates[0] ?? today, to: dates[dates.length - 1] ?? today },
    tripLength: q.tripLength,
    items,
  };
}

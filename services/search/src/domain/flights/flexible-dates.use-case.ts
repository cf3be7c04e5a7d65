import type {
  DateGrid,
  DateGridCell,
  DateGridQuery,
  FareCalendar,
  FareCalendarDay,
  FareCalendarQuery,
} from '@tripwise/contracts';
import { assertNotPast, localDate } from '../search/places.rules.ts';
import { connectingDays, findItineraries, type Itinerary } from './build-itineraries.ts';
import { memoLegSource } from './flight-legs.memo.ts';
import { CURRENCY } from './itinerary-view.ts';
import type { FlightLegSource } from './leg.ts';
import { placeWithin } from './search-flights.use-case.ts';

const DAY_MS = 86_400_000;
const MIN_TURNAROUND_MS = 2 * 3_600_000;
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const usd = (amount: number) => ({ amount, currency: CURRENCY });

/** Each date's itineraries within the stops asked for, cheapest first (dates before today have none). */
async function cheapestByDate(
  source: FlightLegSource,
  trip: { origins: string[]; destinations: string[] },
  dates: string[],
  q: { cabin: DateGridQuery['cabin']; passengers: number; maxStops?: number | undefined },
  today: string,
): Promise<Map<string, Itinerary[]>> {
  const wanted = { cabin: q.cabin, passengers: q.passengers };
  const memo = memoLegSource(source, wanted);
  const future = dates.filter((d) => d >= today);
  await memo.warm(trip.origins, trip.destinations, future, [...new Set(future.flatMap(connectingDays))]);
  const byDate = new Map<string, Itinerary[]>();
  for (const date of future) {
    const found = await findItineraries(memo.legs, { ...trip, date, ...wanted });
    byDate.set(
      date,
      found
        .filter((it) => q.maxStops === undefined || it.stops <= q.maxStops)
        .sort((a, b) => a.price - b.price || a.departMs - b.departMs),
    );
  }
  return byDate;
}

/** The cheapest pair of an outbound and a return that fits it (leaves two hours after the outbound lands). */
function cheapestPair(outs: Itinerary[], backs: Itinerary[]): [Itinerary, Itinerary] | undefined {
  let best: [Itinerary, Itinerary] | undefined;
  for (const o of outs) {
    if (best && o.price + (backs[0]?.price ?? 0) >= best[0].price + best[1].price) break;
    const r = backs.find((b) => b.departMs >= o.arriveMs + MIN_TURNAROUND_MS);
    if (r && (!best || o.price + r.price < best[0].price + best[1].price)) best = [o, r];
  }
  return best;
}

/**
 * A price grid around a round trip, as Google Flights' date grid: for each departure date within `spread` days of
 * the one asked (and each return date likewise, on or after it), the cheapest round trip, per person.
 */
export async function dateGrid(source: FlightLegSource, q: DateGridQuery, now: Date): Promise<DateGrid> {
  const from = placeWithin(q.origin, 'origin', undefined);
  const to = placeWithin(q.destination, 'destination', undefined);
  const today = localDate(now, from.timeZone);
  assertNotPast(q.date, 'date', today);
  const span = (d: string) => Array.from({ length: 2 * q.spread + 1 }, (_, i) => addDays(d, i - q.spread));
  const [departDates, returnDates] = [span(q.date), span(q.returnDate)];
  const [outs, backs] = await Promise.all([
    cheapestByDate(source, { origins: from.airports, destinations: to.airports }, departDates, q, today),
    cheapestByDate(source, { origins: to.airports, destinations: from.airports }, returnDates, q, today),
  ]);
  const cells = departDates.flatMap((d) =>
    returnDates
      .filter((r) => r >= d)
      .map((r): DateGridCell => {
        const pair = cheapestPair(outs.get(d) ?? [], backs.get(r) ?? []);
        return {
          departDate: d,
          returnDate: r,
          price: pair ? usd(pair[0].price + pair[1].price) : null,
          outboundId: pair?.[0].id ?? null,
          returnId: pair?.[1].id ?? null,
        };
      }),
  );
  const priced = cells.filter((c) => c.price);
  const cheapest = priced.length ? priced.reduce((a, b) => (b.price!.amount < a.price!.amount ? b : a)) : null;
  return { departDates, returnDates, cells, cheapest };
}

/** A month of one-way fares, as a calendar shows them: each day's cheapest itinerary, per person. */
export async function fareCalendar(source: FlightLegSource, q: FareCalendarQuery, now: Date): Promise<FareCalendar> {
  const from = placeWithin(q.origin, 'origin', undefined);
  const to = placeWithin(q.destination, 'destination', undefined);
  const today = localDate(now, from.timeZone);
  const first = `${q.month}-01`;
  const days = Array.from({ length: 31 }, (_, i) => addDays(first, i)).filter((d) => d.startsWith(q.month));
  const found = await cheapestByDate(source, { origins: from.airports, destinations: to.airports }, days, q, today);
  const calendar = days.map((date): FareCalendarDay => {
    const best = found.get(date)?.[0];
    return { date, price: best ? usd(best.price) : null, stops: best?.stops ?? null, itineraryId: best?.id ?? null };
  });
  const priced = calendar.filter((d) => d.price);
  const cheapest = priced.length ? priced.reduce((a, b) => (b.price!.amount < a.price!.amount ? b : a)) : null;
  return { month: q.month, days: calendar, cheapest };
}

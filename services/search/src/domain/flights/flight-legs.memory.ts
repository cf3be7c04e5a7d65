import type { MemoryScopes } from '../cache/memory-scopes.ts';
import { legsAt, type DayFlights } from './day-flights.ts';
import type { FlightLegSource, Leg } from './leg.ts';

/**
 * Legs from the days of flights kept in memory (the cache on). Each day is looked up once per source, however
 * many times a search asks for it: a source lives for one request.
 */
export function memoryLegSource(days: MemoryScopes<DayFlights>): FlightLegSource {
  const asked = new Map<string, Promise<DayFlights>>();
  const day = (date: string) => {
    let found = asked.get(date);
    if (!found) asked.set(date, (found = days.get(date)));
    return found;
  };
  const read = async (
    dates: readonly string[],
    indices: (d: DayFlights) => Iterable<number>,
    w: Parameters<FlightLegSource['from']>[2],
  ) => {
    const out: Leg[] = [];
    const found = await Promise.all(dates.map(day));
    found.forEach((d, i) => legsAt(d, dates[i]!, indices(d), w, out));
    return out;
  };
  return {
    between: (origins, destinations, dates, w) =>
      read(dates, (d) => origins.flatMap((o) => destinations.flatMap((t) => d.byRoute.get(o + t) ?? [])), w),
    from: (origins, dates, w) => read(dates, (d) => origins.flatMap((o) => d.byOrigin.get(o) ?? []), w),
    to: (destinations, dates, w) => read(dates, (d) => destinations.flatMap((t) => d.byDestination.get(t) ?? []), w),
  };
}

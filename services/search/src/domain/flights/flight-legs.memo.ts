import type { FlightLegSource, Leg, LegWanted } from './leg.ts';

/**
 * A leg source that remembers, for one request, what it was asked day by day, and asks its source for many days
 * at once when warmed: a date grid or a month's calendar asks the database three times instead of three times a
 * day. Legs are told apart by their departure day.
 */
export function memoLegSource(source: FlightLegSource, w: LegWanted) {
  const known = new Map<string, Promise<Leg[]>>();
  const keyOf = (kind: string, codes: readonly (readonly string[])[], date: string) =>
    `${kind}|${codes.map((c) => c.join(',')).join('|')}|${date}`;

  function fetch(kind: 'between' | 'from' | 'to', codes: readonly (readonly string[])[], dates: readonly string[]) {
    const missing = dates.filter((d) => !known.has(keyOf(kind, codes, d)));
    if (missing.length) {
      const all =
        kind === 'between'
          ? source.between(codes[0]!, codes[1]!, missing, w)
          : kind === 'from'
            ? source.from(codes[0]!, missing, w)
            : source.to(codes[0]!, missing, w);
      const byDay = all.then((legs) => Map.groupBy(legs, (l) => l.departDate));
      for (const date of missing) {
        known.set(
          keyOf(kind, codes, date),
          byDay.then((days) => days.get(date) ?? []),
        );
      }
    }
    return Promise.all(dates.map((d) => known.get(keyOf(kind, codes, d))!)).then((days) => days.flat());
  }

  const legs: FlightLegSource = {
    between: (origins, destinations, dates) => fetch('between', [origins, destinations], dates),
    from: (origins, dates) => fetch('from', [origins], dates),
    to: (destinations, dates) => fetch('to', [destinations], dates),
  };
  return {
    legs,
    /** Asks for the legs of a trip on all these days at once (its later legs' days included). */
    warm(
      origins: readonly string[],
      destinations: readonly string[],
      dates: readonly string[],
      later: readonly string[],
    ) {
      return Promise.all([
        fetch('between', [origins, destinations], dates),
        fetch('from', [origins], dates),
        fetch('to', [destinations], later),
      ]);
    },
  };
}

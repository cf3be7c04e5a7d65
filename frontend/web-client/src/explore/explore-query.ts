import type { ExploreTheme } from '@tripwise/contracts';
import { todayIso } from '../search/dates.ts';

export const THEMES: readonly (readonly [ExploreTheme | '', string])[] = [
  ['', 'Anything'],
  ['warm', 'Warm'],
  ['beach', 'Beach'],
  ['city', 'City'],
  ['ski', 'Ski'],
  ['national parks', 'National parks'],
];

export const TRIP_LENGTHS = [2, 3, 4, 5, 7, 10, 14] as const;

/** The Explore API's parameters, as the page's address names them. */
export const EXPLORE_KEYS = ['origin', 'month', 'tripLength', 'maxPrice', 'theme', 'passengers', 'cabin'] as const;

/** This month and the next few, as `YYYY-MM` with their names; flights are on sale about two months ahead. */
export function monthsAhead(count = 4): { value: string; label: string }[] {
  const [y = 0, m = 1] = todayIso().split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 + i, 1));
    return {
      value: d.toISOString().slice(0, 7),
      label: d.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    };
  });
}

/** The flight search an Explore destination opens: its best dates, the same party. */
export function flightSearchPath(
  search: { origin: string; destination: string; date: string; returnDate: string },
  params: URLSearchParams,
): string {
  const query = new URLSearchParams(search);
  query.set('passengers', params.get('passengers') ?? '1');
  query.set('cabin', params.get('cabin') ?? 'economy');
  query.set('sort', 'price');
  return `/flights?${query.toString()}`;
}

import { DAY_MS } from './booking-calendar.ts';
import { isoDateToUtcMs } from '@tripwise/travel-data';

/** Calendar arithmetic on `YYYY-MM-DD` (UTC midnights, so no daylight-saving change can skip a day). */
export const addDays = (date: string, days: number) =>
  new Date(isoDateToUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);

export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const daysFrom = (from: string, to: string) => Math.round((isoDateToUtcMs(to) - isoDateToUtcMs(from)) / DAY_MS);

/** Whole years between a birth date and a day. */
export function ageOn(birth: string, day: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

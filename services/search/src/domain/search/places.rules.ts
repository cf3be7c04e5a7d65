import { badRequest } from '@tripwise/platform/errors';
import { startProblem } from '@tripwise/contracts';
import { airportByCode, airportsOf, metroArea, wallClockIn, type WallClock } from '@tripwise/travel-data';

export interface ResolvedPlace {
  code: string;
  city: string;
  airports: string[];
  timeZone: string;
}

/** An airport or metro code to the airports it stands for, or a 400 naming the field. */
export function resolvePlace(code: string, field: string): ResolvedPlace {
  const airports = airportsOf(code)
    .map((c) => airportByCode(c))
    .filter((a) => a !== undefined && a.timeZone !== null);
  const first = airports[0];
  if (!first?.timeZone) {
    throw badRequest(`${field} (query): unknown airport, city or metro code ${code}`, [
      { in: 'query', field, message: `unknown airport, city or metro code ${code}` },
    ]);
  }
  return {
    code,
    city: metroArea(code)?.city ?? first.city,
    airports: airports.map((a) => a!.code),
    timeZone: first.timeZone,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dateOf = ({ year, month, day }: WallClock) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** The calendar date in a time zone, YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  return dateOf(wallClockIn(timeZone, instant));
}

/** `HH:MM:SS` on the wall clock of a time zone, as the database's `timezone(zone, at)::time` reads. */
export function localTime(instant: Date | number, timeZone: string): string {
  const { hour, minute, second } = wallClockIn(timeZone, instant);
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** `YYYY-MM-DDTHH:MM` on the wall clock of a time zone: how flight times are shown. */
export function localDateTime(instant: Date, timeZone: string): string {
  const clock = wallClockIn(timeZone, instant);
  return `${dateOf(clock)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

/**
 * A date before today where the trip starts, or past the booking window (330 days ahead), is a mistake worth a 400,
 * not an empty result (nor a search of the year 9999).
 */
export function assertNotPast(date: string, field: string, today: string): void {
  const problem = startProblem(date, today);
  if (problem) {
    const summary = date < today ? 'must not be in the past' : 'is too far ahead';
    throw badRequest(`${field} (query): ${summary}`, [{ in: 'query', field, message: problem }]);
  }
}

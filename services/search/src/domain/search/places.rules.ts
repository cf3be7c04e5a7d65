import { badRequest } from '@tripwise/platform/errors';
import { airportByCode, airportsOf, metroArea } from '@tripwise/travel-data';

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

// Building an Intl.DateTimeFormat costs far more than formatting with one (it loads the zone's rules and the
// locale's data), and every flight in an answer is formatted twice: one formatter per time zone is kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function formatterFor(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
    cache.set(timeZone, format);
  }
  return format;
}

/** The calendar date in a time zone, YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  return formatterFor(dateFormats, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** `YYYY-MM-DDTHH:MM` on the wall clock of a time zone: how flight times are shown. */
export function localDateTime(instant: Date, timeZone: string): string {
  const parts = formatterFor(dateTimeFormats, timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** A date before today where the trip starts is a mistake worth a 400, not an empty result. */
export function assertNotPast(date: string, field: string, today: string): void {
  if (date < today) {
    throw badRequest(`${field} (query): must not be in the past`, [
      { in: 'query', field, message: `must be ${today} or later` },
    ]);
  }
}

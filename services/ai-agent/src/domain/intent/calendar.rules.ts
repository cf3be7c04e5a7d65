/** The traveller's calendar day and clock at the moment of the conversation, in their time zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

// Building a formatter costs far more than using one (it loads the zone's rules), and every turn reads the clock.
const clockFormats = new Map<string, Intl.DateTimeFormat>();
function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    clockFormats.set(timeZone, format);
  }
  return format;
}

/**
 * Reads `now` on the traveller's clock. "Tomorrow" said at 20:00 in Los Angeles is a different day than the UTC
 * date of the same instant, so every relative date is resolved against this, never against the server's zone.
 */
export function wallClockAt(now: Date, timeZone: string): WallClock {
  const parts = clockFormat(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function todayOf(clock: WallClock): string {
  return toIsoDate(clock.year, clock.month, clock.day);
}

/** Calendar arithmetic on `YYYY-MM-DD` strings, done in UTC so that no daylight-saving shift can move a day. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The first day strictly after `isoDate` that falls on `weekday` (0 Sunday to 6 Saturday): one to seven days on. */
export function weekdayAfter(isoDate: string, weekday: number): string {
  const current = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return addDays(isoDate, ((weekday - current + 6) % 7) + 1);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

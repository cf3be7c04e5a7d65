import { timeZoneSchema } from '@tripwise/contracts';
import { wallClockIn, type WallClock as ZoneClock } from '@tripwise/travel-data';

/** The traveller's calendar day and clock at the moment of the conversation, in their time zone. */
export type WallClock = Omit<ZoneClock, 'second'>;

/**
 * Reads `now` on the traveller's clock. "Tomorrow" said at 20:00 in Los Angeles is a different day than the UTC
 * date of the same instant, so every relative date is resolved against this, never against the server's zone.
 */
export function wallClockAt(now: Date, timeZone: string): WallClock {
  const { year, month, day, hour, minute } = wallClockIn(timeZone, now);
  return { year, month, day, hour, minute };
}

/** Whether `timeZone` is an IANA zone this runtime knows (the API's own check). */
export function isKnownTimeZone(timeZone: string): boolean {
  return timeZoneSchema.safeParse(timeZone).success;
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

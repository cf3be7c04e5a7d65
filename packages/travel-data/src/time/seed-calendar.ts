/** One day of the seeded window: its calendar date (the same everywhere) and how far it is from the start. */
export interface SeedDay {
  /** Days after the start date: what "days before departure" fares are priced by. */
  index: number;
  date: string;
  /** Midnight UTC of `date`; local clocks are applied on top of it. */
  utcMidnightMs: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Midnight UTC of a `YYYY-MM-DD` date; throws on anything that is not a real calendar date. */
export function isoDateToUtcMs(date: string): number {
  const match = ISO_DATE.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`expected a date as YYYY-MM-DD, not "${date}"`);
  }
  return ms;
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The days of the window, computed on UTC midnights so that no daylight-saving change can skip or repeat one. */
export function seedCalendar(startDate: string, days: number): SeedDay[] {
  const start = isoDateToUtcMs(startDate);
  return Array.from({ length: days }, (_, index) => {
    const utcMidnightMs = start + index * DAY_MS;
    const date = new Date(utcMidnightMs);
    return { index, date: date.toISOString().slice(0, 10), utcMidnightMs, weekday: date.getUTCDay() };
  });
}

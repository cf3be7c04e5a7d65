// How far ahead, and for how long, anything can be searched, quoted or booked: shared so the forms, the searches
// and the booking agree, and an absurd request (a 730-night stay, a trip in the year 9999) is refused up front.

export const BOOKING_WINDOW = {
  /** The latest start, in days from today where the trip starts. */
  daysAhead: 330,
  /** The longest hotel stay, in nights. */
  maxNights: 30,
  /** The longest car rental, in days. */
  maxRentalDays: 60,
} as const;

const DAY_MS = 86_400_000;

/** Whole days from one calendar date (`YYYY-MM-DD`) to another; negative when `to` comes first. */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The last calendar date a trip may start on, counted from `today` (a date) where it starts. */
export function lastStartDay(today: string): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + BOOKING_WINDOW.daysAhead * DAY_MS).toISOString().slice(0, 10);
}

/** Where a trip's dates leave the booking window: `undefined` when they are inside it, else why. */
export function startProblem(start: string, today: string): string | undefined {
  if (start < today) return `must be ${today} or later (it is in the past where the trip starts)`;
  if (start > lastStartDay(today)) {
    return `must be at most ${BOOKING_WINDOW.daysAhead} days ahead (${lastStartDay(today)})`;
  }
  return undefined;
}

/** The longest stay, or rental, as a refinement message; `undefined` when it is short enough. */
export function lengthProblem(kind: 'stay' | 'rental', start: string, end: string): string | undefined {
  const days = daysFromTo(start, end);
  if (kind === 'stay' && days > BOOKING_WINDOW.maxNights) return `a stay is at most ${BOOKING_WINDOW.maxNights} nights`;
  if (kind === 'rental' && days > BOOKING_WINDOW.maxRentalDays) {
    return `a rental is at most ${BOOKING_WINDOW.maxRentalDays} days`;
  }
  return undefined;
}

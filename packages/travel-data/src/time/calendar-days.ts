const DAY_MS = 86_400_000;

/** Whole days from one calendar date to another. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The calendar date before: a stay holds its nights up to the one before check-out. */
export const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** Days since 1970-01-01: calendar dates as numbers, to index and step through. */
export const dayNumber = (date: string) => daysBetween('1970-01-01', date);

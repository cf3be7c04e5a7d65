// Calendar dates as YYYY-MM-DD strings, computed in UTC so adding days never trips over a daylight-saving change.

export function todayIso(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The later of a date and a minimum: keeps a return, check-out or drop-off from landing before its start. */
export const notBefore = (isoDate: string, minimum: string): string => (isoDate < minimum ? minimum : isoDate);

// Money is integer minor units plus a currency; stays and rentals are calendar dates; instants are shown in the
// viewer's time zone.

export interface Money {
  amount: number;
  currency: string;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(money: Money, options: { cents?: boolean } = {}): string {
  const key = `${money.currency}:${options.cents === false ? 0 : 2}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const digits = options.cents === false ? 0 : 2;
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, format);
  }
  return format.format(money.amount / 100);
}

/** Minor units as a plain decimal for CSV (12345 → "123.45"): spreadsheets read it as a number. */
export const decimalOf = (minor: number): string => (minor / 100).toFixed(2);

/** 2030-03-01 → "Mar 1, 2030" (a calendar date, no time zone shift). */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d)).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** An instant in the viewer's zone, e.g. "Mar 1, 2030, 7:05 PM". */
export function formatInstant(instant: string | number): string {
  return new Date(instant).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/** 2026-11 → "November 2026". */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1)).toLocaleDateString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** snake_case enum values as words: full_size → "full size". */
export const words = (value: string) => value.replace(/_/g, ' ');

export const todayIso = () => new Date().toISOString().slice(0, 10);

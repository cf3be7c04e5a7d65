// Money is integer minor units plus a currency; dates of stays are calendar dates; instants are shown in the
// time zone of the place they happen (flights pass their airport's zone).

export interface Money {
  amount: number;
  currency: string;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(money: Money, options: { cents?: boolean } = {}): string {
  const key = `${money.currency}:${options.cents ? 2 : 0}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const digits = options.cents ? 2 : 0;
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

/** 2030-03-01 → "Fri, Mar 1" (a calendar date, no time zone shift). */
export function formatDate(isoDate: string, withYear = false): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d)).toLocaleDateString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
}

/** An instant as the local clock time where it happens, e.g. "7:05 AM". */
export function formatTime(instant: string, timeZone?: string): string {
  return new Date(instant).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone });
}

export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h}h ${m.toString().padStart(2, '0')}m` : `${m}m`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

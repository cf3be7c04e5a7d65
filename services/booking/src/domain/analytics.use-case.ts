import type { Identity } from '@tripwise/platform/auth';
import { assertSecondFactorIfAdmin } from '@tripwise/platform/http';
import type { Queryable } from '@tripwise/platform/db';
import {
  cancellationsOverTime,
  revenueByCity,
  salesOverTime,
  topProperties,
  topProviders,
  type SalesFilter,
} from '../data/sales.repository.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });
/** Owners see their own listings' figures; admins (with their second factor) see the marketplace's. */
const ownerOf = (who: Identity) => {
  assertSecondFactorIfAdmin(who);
  return who.role === 'admin' ? undefined : who.userId;
};
const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-01-01` });

export function monthRange(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

export function previousMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/** A report's period: a whole year, or one month of it. */
export type Period = { year: number; month?: undefined } | { month: string; year?: undefined };
const rangeOf = (period: Period) => (period.month ? monthRange(period.month) : yearRange(period.year!));
const labelOf = (period: Period) => (period.month ? { month: period.month } : { year: period.year });

export async function topPropertiesOf(db: Queryable, who: Identity, period: Period, limit = 10) {
  const rows = await topProperties(db, { ...rangeOf(period), ownerId: ownerOf(who) }, limit);
  return {
    ...labelOf(period),
    items: rows.map((r) => ({
      hotelId: String(r.hotel_id),
      name: r.name,
      city: r.city,
      bookings: r.bookings,
      revenue: usd(r.revenue),
    })),
  };
}

/** Every city unless a limit is given (the highest-revenue ones first). */
export async function revenueByCityOf(db: Queryable, who: Identity, period: Period, limit?: number) {
  const rows = await revenueByCity(db, { ...rangeOf(period), ownerId: ownerOf(who) });
  return {
    ...labelOf(period),
    items: rows.slice(0, limit).map((r) => ({ city: r.city, bookings: r.bookings, revenue: usd(r.revenue) })),
  };
}

export async function topProvidersOf(db: Queryable, who: Identity, month: string) {
  const rows = await topProviders(db, { ...monthRange(month), ownerId: ownerOf(who) }, 10);
  return {
    month,
    items: rows.map((r) => ({
      provider: { kind: r.kind, id: r.id, name: r.name },
      unitsSold: r.units_sold,
      revenue: usd(r.revenue),
    })),
  };
}

export async function salesOf(
  db: Queryable,
  who: Identity,
  range: SalesFilter & { kind?: 'hotel' | 'car' | 'flight' | undefined },
  interval: 'day' | 'week' | 'month',
) {
  const rows = await salesOverTime(db, { ...range, ownerId: ownerOf(who) }, interval);
  return {
    from: range.from,
    to: range.to,
    interval,
    ...(range.kind ? { kind: range.kind } : {}),
    points: rows.map((r) => ({ period: r.period, bookings: r.bookings, revenue: usd(r.revenue) })),
  };
}

export async function cancellationsOf(
  db: Queryable,
  who: Identity,
  range: SalesFilter,
  interval: 'day' | 'week' | 'month',
) {
  const rows = await cancellationsOverTime(db, { ...range, ownerId: ownerOf(who) }, interval);
  return {
    from: range.from,
    to: range.to,
    interval,
    points: rows.map((r) => ({
      period: r.period,
      bookings: r.bookings,
      cancellations: r.cancellations,
      cancellationRate: r.bookings === 0 ? 0 : Math.round((r.cancellations / r.bookings) * 1000) / 1000,
      refunded: usd(Number(r.refunded)),
    })),
  };
}

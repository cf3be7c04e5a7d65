import type { Identity } from '@tripwise/platform/auth';
import { assertSecondFactorIfAdmin } from '@tripwise/platform/http';
import type { Queryable } from '@tripwise/platform/db';
import {
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

export async function topPropertiesOf(db: Queryable, who: Identity, year: number) {
  const rows = await topProperties(db, { ...yearRange(year), ownerId: ownerOf(who) }, 10);
  return {
    year,
    items: rows.map((r) => ({
      hotelId: String(r.hotel_id),
      name: r.name,
      city: r.city,
      bookings: r.bookings,
      revenue: usd(r.revenue),
    })),
  };
}

export async function revenueByCityOf(db: Queryable, who: Identity, year: number) {
  const rows = await revenueByCity(db, { ...yearRange(year), ownerId: ownerOf(who) });
  return { year, items: rows.map((r) => ({ city: r.city, bookings: r.bookings, revenue: usd(r.revenue) })) };
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

export async function salesOf(db: Queryable, who: Identity, range: SalesFilter, interval: 'day' | 'week' | 'month') {
  const rows = await salesOverTime(db, { ...range, ownerId: ownerOf(who) }, interval);
  return {
    from: range.from,
    to: range.to,
    interval,
    points: rows.map((r) => ({ period: r.period, bookings: r.bookings, revenue: usd(r.revenue) })),
  };
}

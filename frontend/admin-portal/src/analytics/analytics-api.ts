import { useQuery } from '@tanstack/react-query';
import { api } from '@tripwise/web-session';
import type { Money } from '../ui/format.ts';

// The analytics API (services/booking): owners get their own listings' figures, admins the marketplace's.

export interface TopProperties {
  year: number;
  items: { hotelId: string; name: string; city: string; bookings: number; revenue: Money }[];
}

export interface RevenueByCity {
  year: number;
  items: { city: string; bookings: number; revenue: Money }[];
}

export interface TopProviders {
  month: string;
  items: { provider: { kind: string; id: string; name: string }; unitsSold: number; revenue: Money }[];
}

export interface Sales {
  from: string;
  to: string;
  interval: 'day' | 'week' | 'month';
  points: { period: string; bookings: number; revenue: Money }[];
}

export interface Cancellations {
  from: string;
  to: string;
  interval: 'day' | 'week' | 'month';
  points: { period: string; bookings: number; cancellations: number; cancellationRate: number; refunded: Money }[];
}

const useAnalytics = <T>(path: string, query: Record<string, string | number>) =>
  useQuery({
    queryKey: ['analytics', path, query],
    queryFn: ({ signal }) => api<T>(`/api/analytics/${path}`, { query, signal }),
  });

export const useTopProperties = (year: number) => useAnalytics<TopProperties>('top-properties', { year });
export const useRevenueByCity = (year: number) => useAnalytics<RevenueByCity>('revenue-by-city', { year });
export const useTopProviders = (month: string) => useAnalytics<TopProviders>('top-providers', { month });
export const useSales = (from: string, to: string, interval: Sales['interval']) =>
  useAnalytics<Sales>('sales', { from, to, interval });

export const useCancellations = (from: string, to: string, interval: Cancellations['interval']) =>
  useAnalytics<Cancellations>('cancellations', { from, to, interval });

/** The month after (`to` is exclusive): 2026-12 → 2027-01. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Last month, which the class report's "top 10 last month" means by default. */
export function previousMonth(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

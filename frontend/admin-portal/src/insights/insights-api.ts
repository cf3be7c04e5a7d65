import { useQuery } from '@tanstack/react-query';
import type {
  FunnelPoint,
  InsightTrace,
  ListingInsights,
  ListingRef,
  SectionSeen,
  TimelineEntry,
} from '@tripwise/contracts';
import { api } from '@tripwise/web-session';

// The insights API (services/insights): owners' reports on their own listings; admins' marketplace reports and traces.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface PageRow {
  route: string;
  views: number;
  clicks: number;
  sessions: number;
}
export interface ListingRow {
  listing: ListingRef;
  views: number;
  clicks: number;
  impressions: number;
  bookings: number;
  clickThroughRate: number | null;
}
export interface DayRange {
  from: string;
  to: string;
}
export interface TraceFilter {
  userId?: string;
  email?: string;
  city?: string;
  state?: string;
  signupMonth?: string;
  device?: string;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The last `days` days, today included (`to` is exclusive). */
export function lastDays(days: number, now = Date.now()): DayRange {
  return { from: isoDay(now - (days - 1) * DAY_MS), to: isoDay(now + DAY_MS) };
}

const useInsights = <T>(path: string, query: Record<string, string | number>, enabled = true) =>
  useQuery({
    queryKey: ['insights', path, query],
    queryFn: ({ signal }) => api<T>(`/api/insights/${path}`, { query, signal }),
    enabled,
  });

export const useListingInsights = (listing: ListingRef | undefined, range: DayRange) =>
  useInsights<ListingInsights>(
    listing ? `listings/${listing.kind}/${listing.id}` : 'listings',
    { ...range },
    !!listing,
  );
export const usePages = (range: DayRange) => useInsights<Page<PageRow>>('admin/pages', { ...range, limit: 20 });
export const useListingClicks = (range: DayRange) =>
  useInsights<Page<ListingRow>>('admin/listings', { ...range, limit: 20 });
export const useSections = (range: DayRange) =>
  useInsights<Page<SectionSeen>>('admin/sections', { ...range, limit: 20 });
export const useFunnel = (range: DayRange) => useInsights<{ steps: FunnelPoint[] }>('admin/funnel', { ...range });
export const useTrace = (range: DayRange, filter: TraceFilter, enabled: boolean) =>
  useInsights<InsightTrace>('admin/traces', { ...range, ...definedOnly(filter) }, enabled);
export const useTimeline = (userId: string | undefined, range: DayRange) =>
  useInsights<Page<TimelineEntry>>(`admin/users/${userId ?? ''}/timeline`, { ...range, limit: 100 }, !!userId);

/** An owner's listings to choose from (the listings API: their own only). */
export const useMyListings = () =>
  useQuery({
    queryKey: ['insights', 'my-listings'],
    queryFn: async ({ signal }) => {
      const [hotels, cars] = await Promise.all(
        (['hotels', 'cars'] as const).map((kind) =>
          api<{ items: { id: string; name?: string; model?: string; company?: string }[] }>(`/api/listings/${kind}`, {
            query: { limit: 100 },
            signal,
          }),
        ),
      );
      return [
        ...(hotels?.items ?? []).map((h) => ({
          ref: { kind: 'hotel' as const, id: h.id },
          name: h.name ?? `Hotel ${h.id}`,
        })),
        ...(cars?.items ?? []).map((c) => ({
          ref: { kind: 'car' as const, id: c.id },
          name: [c.model, c.company].filter(Boolean).join(', ') || `Car ${c.id}`,
        })),
      ];
    },
  });

function definedOnly(filter: TraceFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
}

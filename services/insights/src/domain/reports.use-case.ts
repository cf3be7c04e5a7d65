import {
  FUNNEL_STEPS,
  type FunnelPoint,
  type InsightTrace,
  type ListingInsights,
  type ListingRef,
  type SectionSeen,
  type TimelineEntry,
} from '@tripwise/contracts';
import type { Db } from '@tripwise/platform/db';
import { notFound } from '@tripwise/platform/errors';
import { decodeCursor, encodeCursor } from '@tripwise/platform/http';
import { z } from 'zod';
import { pageStepsOf, timelineOf, usersOf, type TraceSubject } from '../data/events.repository.ts';
import { listingDays, totalsBy, type DailyTotals, type Ranking } from '../data/rollups.repository.ts';
import { buildFlow } from './flow.ts';

export interface DayRange {
  from: string;
  /** Exclusive. */
  to: string;
}
export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

/** Page views read for one trace at most: a flow of more sessions than this is a sample of the first ones. */
const TRACE_ROW_CAP = 200_000;
const offsetCursor = z.object({ offset: z.number().int().min(0) });
const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

function sectionOf(row: DailyTotals): SectionSeen {
  const [route = '', section = ''] = row.key.split('#');
  return {
    route,
    section,
    present: row.views,
    seen: row.seen,
    seenRate: rate(row.seen, row.views) ?? 0,
    avgVisibleMs: row.views > 0 ? Math.round(row.visible_ms / row.views) : 0,
  };
}

/** One listing's views, clicks, click-through, conversion and least-seen sections (the caller may see it). */
export async function listingInsights(db: Db, listing: ListingRef, range: DayRange): Promise<ListingInsights> {
  const ref = `${listing.kind}:${listing.id}`;
  const days = await listingDays(db, ref, range.from, range.to);
  const sum = (field: keyof DailyTotals) => days.reduce((total, d) => total + Number(d[field]), 0);
  const sections = await totalsBy(db, 'section', range, { limit: 50, offset: 0, order: 'seen_rate', listing: ref });
  const totals = {
    views: sum('views'),
    clicks: sum('clicks'),
    impressions: sum('impressions'),
    bookings: sum('bookings'),
  };
  return {
    listing,
    ...range,
    totals,
    clickThroughRate: rate(sum('card_clicks'), totals.impressions),
    conversionRate: rate(totals.bookings, totals.views),
    days: days.map((d) => ({
      day: d.day,
      views: d.views,
      clicks: d.clicks,
      impressions: d.impressions,
      bookings: d.bookings,
      sessions: d.sessions,
    })),
    sections: sections.map(sectionOf),
  };
}

async function pageOf<T>(
  load: (offset: number, limit: number) => Promise<T[]>,
  page: PageQuery,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const offset = decodeCursor(offsetCursor, page.cursor)?.offset ?? 0;
  const rows = await load(offset, page.limit + 1);
  return {
    items: rows.slice(0, page.limit),
    nextCursor: rows.length > page.limit ? encodeCursor({ offset: offset + page.limit }) : null,
  };
}

/** Views, clicks and (daily) unique sessions per page, most clicked first. */
export function pagesReport(db: Db, range: DayRange, page: PageQuery, order: Ranking = 'clicks') {
  return pageOf(async (offset, limit) => {
    const rows = await totalsBy(db, 'page', range, { limit, offset, order });
    return rows.map((r) => ({ route: r.key, views: r.views, clicks: r.clicks, sessions: r.sessions }));
  }, page);
}

/** Listing clicks across the marketplace, most clicked first, with impressions and bookings. */
export function listingsReport(db: Db, range: DayRange, page: PageQuery) {
  return pageOf(async (offset, limit) => {
    const rows = await totalsBy(db, 'listing', range, { limit, offset, order: 'clicks' });
    return rows.map((r) => {
      const [kind, id] = r.key.split(':') as [ListingRef['kind'], string];
      return {
        listing: { kind, id },
        views: r.views,
        clicks: r.clicks,
        impressions: r.impressions,
        bookings: r.bookings,
        clickThroughRate: rate(r.card_clicks, r.impressions),
      };
    });
  }, page);
}

/** Sections site-wide, least seen first (by the share of page views they were on screen at all). */
export function sectionsReport(db: Db, range: DayRange, page: PageQuery) {
  return pageOf(
    async (offset, limit) =>
      (await totalsBy(db, 'site-section', range, { limit, offset, order: 'seen_rate' })).map(sectionOf),
    page,
  );
}

/** Clicks per tracked element, most clicked first. */
export function elementsReport(db: Db, range: DayRange, page: PageQuery) {
  return pageOf(async (offset, limit) => {
    const rows = await totalsBy(db, 'element', range, { limit, offset, order: 'clicks' });
    return rows.map((r) => {
      const [route = '', element = ''] = r.key.split('#');
      return { route, element, clicks: r.clicks, sessions: r.sessions };
    });
  }, page);
}

/** Sessions reaching each funnel step (results → details → checkout → booked) and the drop-off between them. */
export async function funnelReport(db: Db, range: DayRange): Promise<{ steps: FunnelPoint[] } & DayRange> {
  const rows = await totalsBy(db, 'funnel', range, { limit: FUNNEL_STEPS.length, offset: 0, order: 'views' });
  const sessions = new Map(rows.map((r) => [r.key, r.sessions]));
  let previous: number | undefined;
  const steps = FUNNEL_STEPS.map((step) => {
    const count = sessions.get(step) ?? 0;
    const dropOff =
      previous === undefined ? null : previous > 0 ? rate(previous - Math.min(count, previous), previous) : null;
    previous = count;
    return { step, sessions: count, dropOff };
  });
  return { ...range, steps };
}

/** The paths one user or a cohort took, as a flow; from raw events, so only within the retention window. */
export async function traceOf(db: Db, subject: TraceSubject, range: DayRange): Promise<InsightTrace> {
  const steps = await pageStepsOf(db, subject, range, TRACE_ROW_CAP);
  const flow = buildFlow(steps);
  return { ...range, users: await usersOf(db, subject, range), ...flow };
}

const timelineCursor = z.object({ at: z.string(), id: z.string().regex(/^\d+$/) });

/** One user's events in order, a page at a time. */
export async function timelineFor(db: Db, userKey: string, range: DayRange, page: PageQuery) {
  const after = decodeCursor(timelineCursor, page.cursor);
  const rows = await timelineOf(db, userKey, range, { limit: page.limit + 1, after });
  const items: TimelineEntry[] = rows.slice(0, page.limit).map((r) => ({
    at: new Date(r.occurred_at).toISOString(),
    sessionId: r.session_id,
    device: r.device,
    type: r.type,
    route: r.route,
    element: r.element,
    section: r.section,
    visibleMs: r.visible_ms,
    listing: r.listing_kind && r.listing_id ? { kind: r.listing_kind, id: r.listing_id } : null,
  }));
  const last = rows[page.limit - 1];
  return {
    items,
    nextCursor:
      rows.length > page.limit && last
        ? encodeCursor({ at: new Date(last.occurred_at).toISOString(), id: last.id })
        : null,
  };
}

export const listingNotFound = () => notFound('listing');

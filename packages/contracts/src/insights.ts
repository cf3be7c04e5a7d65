import { z } from 'zod';

/*
 * Product analytics ("insights"): what the browsers send, and what the reports answer. Events carry no personal
 * data by construction: routes are templates (no ids, no query strings), element and section keys are short slugs,
 * and the only person-shaped field is the pseudonymous account id. Anything else (an email, free text, an unknown
 * field) makes the event invalid, and the service drops it.
 */

/** Bounds the tracker keeps to and the ingest endpoint enforces. */
export const INSIGHTS_LIMITS = {
  /** Events in one batch. */
  maxEventsPerBatch: 50,
  /** Bytes of one batch's JSON body. */
  maxBatchBytes: 32 * 1024,
  /** A section's time on screen counted per page view, at most (a tab left open overnight is not 12 h of reading). */
  maxVisibleMs: 30 * 60 * 1000,
} as const;

/** A stable, developer-chosen name (`results.listing`, `filter.price`): lower-case words, never user input. */
export const insightKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{0,63}$/, { error: 'a key of lower-case letters, digits, `_`, `.` or `-`' });

const ID_LIKE = /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * A route template as the router declares it (`/hotels/:id`), never the URL a browser shows: a segment that is an
 * id, or anything with a query, a fragment or an `@`, is refused.
 */
export const routeTemplateSchema = z
  .string()
  .max(100)
  .regex(/^\/[A-Za-z0-9/_:*-]*$/, { error: 'a route template such as /hotels/:id' })
  .refine((route) => !route.split('/').some((segment) => ID_LIKE.test(segment)), {
    message: 'a route template: ids are written as :id',
  });

export const INSIGHT_LISTING_KINDS = ['hotel', 'car', 'flight'] as const;
export type InsightListingKind = (typeof INSIGHT_LISTING_KINDS)[number];

/** Which listing an event is about (the card clicked, the details page viewed). */
export const listingRefSchema = z.strictObject({
  kind: z.enum(INSIGHT_LISTING_KINDS),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'a listing id' }),
});
export type ListingRef = z.infer<typeof listingRefSchema>;

/** When the browser saw it, in epoch milliseconds. */
const at = z.number().int().positive();

export const pageViewEventSchema = z.strictObject({
  type: z.literal('page_view'),
  at,
  route: routeTemplateSchema,
  listing: listingRefSchema.optional(),
});
export const clickEventSchema = z.strictObject({
  type: z.literal('click'),
  at,
  route: routeTemplateSchema,
  element: insightKeySchema,
  listing: listingRefSchema.optional(),
});
/** A listing card that entered the viewport on a results page (the denominator of click-through). */
export const impressionEventSchema = z.strictObject({
  type: z.literal('impression'),
  at,
  route: routeTemplateSchema,
  listing: listingRefSchema,
});
/** A section that was on a page, and how long it was on screen (0: present but never seen). */
export const sectionViewEventSchema = z.strictObject({
  type: z.literal('section_view'),
  at,
  route: routeTemplateSchema,
  section: insightKeySchema,
  visibleMs: z.number().int().min(0).max(INSIGHTS_LIMITS.maxVisibleMs),
  listing: listingRefSchema.optional(),
});
/** A booking the traveler completed (the funnel's last step), for each listing in it. */
export const bookedEventSchema = z.strictObject({
  type: z.literal('booked'),
  at,
  route: routeTemplateSchema,
  listing: listingRefSchema.optional(),
});

export const insightEventSchema = z.discriminatedUnion('type', [
  pageViewEventSchema,
  clickEventSchema,
  impressionEventSchema,
  sectionViewEventSchema,
  bookedEventSchema,
]);
export type InsightEvent = z.infer<typeof insightEventSchema>;
export type InsightEventType = InsightEvent['type'];

export const DEVICE_TYPES = ['mobile', 'tablet', 'desktop'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/**
 * One batch from one tab. The envelope is validated whole (a bad envelope refuses the batch); each event on its
 * own (a bad event is dropped, the others kept), hence `unknown` items here.
 */
export const insightBatchSchema = z.strictObject({
  /** Random per tab (sessionStorage), not a cookie, not shared across tabs or sites. */
  sessionId: z.uuid(),
  /** The signed-in account's id (a pseudonymous key), absent when signed out. */
  userKey: z.uuid().optional(),
  device: z.enum(DEVICE_TYPES),
  events: z.array(z.unknown()).min(1).max(INSIGHTS_LIMITS.maxEventsPerBatch),
});
export type InsightBatch = Omit<z.infer<typeof insightBatchSchema>, 'events'> & { events: InsightEvent[] };

/** What the ingest endpoint answers (202): how many events were kept and how many dropped. */
export interface InsightIngestResult {
  accepted: number;
  dropped: number;
}

/** The funnel's steps, in order. */
export const FUNNEL_STEPS = ['results', 'details', 'checkout', 'booked'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface InsightCount {
  key: string;
  views: number;
  clicks: number;
  sessions: number;
}
export interface InsightDayPoint {
  day: string;
  views: number;
  clicks: number;
  impressions: number;
  bookings: number;
  sessions: number;
}
export interface SectionSeen {
  route: string;
  section: string;
  /** Page views the section was on. */
  present: number;
  /** Of those, the ones where it was on screen at all. */
  seen: number;
  seenRate: number;
  avgVisibleMs: number;
}
export interface FunnelPoint {
  step: FunnelStep;
  sessions: number;
  /** Share of the previous step's sessions that did not reach this one (null for the first). */
  dropOff: number | null;
}
export interface ListingInsights {
  listing: ListingRef;
  from: string;
  to: string;
  totals: { views: number; clicks: number; impressions: number; bookings: number };
  /** Clicks from results per impression in results (null without impressions). */
  clickThroughRate: number | null;
  /** Bookings per details view (null without views). */
  conversionRate: number | null;
  days: InsightDayPoint[];
  /** Sections of this listing's pages, least seen first. */
  sections: SectionSeen[];
}
export interface FlowLink {
  /** Step index of the source (the target is the next step). */
  step: number;
  from: string;
  to: string;
  sessions: number;
}
export interface FlowNode {
  step: number;
  route: string;
  sessions: number;
  /** Sessions whose path ended here. */
  exits: number;
}
export interface InsightTrace {
  from: string;
  to: string;
  sessions: number;
  users: number;
  nodes: FlowNode[];
  links: FlowLink[];
}
export interface TimelineEntry {
  at: string;
  sessionId: string;
  device: DeviceType;
  type: InsightEventType;
  route: string;
  element: string | null;
  section: string | null;
  visibleMs: number | null;
  listing: ListingRef | null;
}

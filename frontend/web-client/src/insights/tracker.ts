import type { DeviceType, InsightEvent, ListingRef } from '@tripwise/contracts';

/*
 * The analytics tracker's core, free of the DOM so it can be tested: events wait in a small in-memory queue and
 * leave in batches through `send` (navigator.sendBeacon in the browser). A batch that cannot be sent is dropped,
 * never retried; with Do Not Track or Global Privacy Control on, nothing is queued or sent at all.
 */

/** Mirrors the ingest endpoint's caps (INSIGHTS_LIMITS in contracts, not imported to keep zod out of the bundle). */
const MAX_EVENTS_PER_BATCH = 50;
const MAX_BATCH_BYTES = 32 * 1024;
/** Events kept at most while waiting (the oldest go first): a tab left open never grows without bound. */
const MAX_QUEUED = 200;

export interface TrackerEnv {
  /** True when the browser says Do Not Track or Global Privacy Control. */
  optedOut(): boolean;
  /** Hands a batch to the browser; false when it refused it (then it is dropped). */
  send(url: string, body: string): boolean;
  now(): number;
  sessionId(): string;
  device(): DeviceType;
  /** The signed-in account's id (pseudonymous), if any. */
  userKey(): string | undefined;
}

type Payload<E> = E extends InsightEvent ? Omit<E, 'at'> : never;

export interface Tracker {
  readonly enabled: boolean;
  track(event: Payload<InsightEvent>): void;
  /** Sends what is queued now, in as many batches as it takes. */
  flush(): void;
  /** Events waiting (for tests). */
  pending(): number;
}

export function createTracker(env: TrackerEnv, url = '/api/insights/events'): Tracker {
  const enabled = !env.optedOut();
  let queue: InsightEvent[] = [];
  const batchOf = (events: InsightEvent[]) => {
    const userKey = env.userKey();
    return JSON.stringify({
      sessionId: env.sessionId(),
      ...(userKey ? { userKey } : {}),
      device: env.device(),
      events,
    });
  };
  return {
    enabled,
    track(event) {
      if (!enabled) return;
      queue.push({ ...event, at: env.now() });
      if (queue.length > MAX_QUEUED) queue = queue.slice(queue.length - MAX_QUEUED);
      if (queue.length >= MAX_EVENTS_PER_BATCH) this.flush();
    },
    flush() {
      while (enabled && queue.length > 0) {
        let events = queue.splice(0, MAX_EVENTS_PER_BATCH);
        let body = batchOf(events);
        // Halve a batch until it fits the size cap (long route names); a single event too big is dropped.
        while (body.length > MAX_BATCH_BYTES && events.length > 1) {
          queue.unshift(...events.slice(events.length >> 1));
          events = events.slice(0, events.length >> 1);
          body = batchOf(events);
        }
        if (body.length <= MAX_BATCH_BYTES) env.send(url, body);
      }
    },
    pending: () => queue.length,
  };
}

/** `hotel:12` (the value of data-insights-listing) → a listing reference. */
export function listingFrom(value: string | null | undefined): ListingRef | undefined {
  const match = /^(hotel|car|flight):([A-Za-z0-9_-]{1,64})$/.exec(value ?? '');
  return match ? { kind: match[1] as ListingRef['kind'], id: match[2]! } : undefined;
}

/** The router's matched paths → the route template (`/hotels/:id`), never the URL with its ids and query. */
export function routeTemplate(paths: readonly (string | undefined)[]): string {
  const parts = paths.filter((p): p is string => !!p && p !== '/').map((p) => p.replace(/^\/|\/$/g, ''));
  return `/${parts.join('/')}`;
}

/** Which listing a details page shows, from its template and id parameter. */
export function listingOfPage(template: string, id: string | undefined): ListingRef | undefined {
  const kind = /^\/(hotel|car|flight)s\/:id$/.exec(template)?.[1];
  return kind && id ? listingFrom(`${kind}:${id}`) : undefined;
}

/** Do Not Track (navigator or window) or Global Privacy Control. */
export function privacySignal(
  nav: { doNotTrack?: string | null; globalPrivacyControl?: boolean },
  win?: { doNotTrack?: string | null },
): boolean {
  return (
    nav.globalPrivacyControl === true || nav.doNotTrack === '1' || nav.doNotTrack === 'yes' || win?.doNotTrack === '1'
  );
}

/** The listings a checkout URL books (`?hotel=…&car=…&flight=…`), for the funnel's "booked" step. */
export function listingsInCheckout(search: string): ListingRef[] {
  const params = new URLSearchParams(search);
  const refs = [
    ...params.getAll('flight').map((id) => listingFrom(`flight:${id}`)),
    listingFrom(`hotel:${params.get('hotel') ?? ''}`),
    listingFrom(`car:${params.get('car') ?? ''}`),
  ];
  return refs.filter((r): r is ListingRef => r !== undefined);
}

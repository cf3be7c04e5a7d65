import type { DeviceType, ListingRef } from '@tripwise/contracts';
import type { DataRouter } from 'react-router';
import { session } from '../session/session.ts';
import { createTracker, listingFrom, listingOfPage, privacySignal, routeTemplate, type Tracker } from './tracker.ts';

/*
 * What the web client measures, with no third-party script: page views by route template, clicks on elements
 * marked `data-insights="<key>"` (with `data-insights-listing="hotel:12"` for a listing), listing cards entering the
 * viewport (impressions), and how long each `data-insights-section="<key>"` was on screen. Sent with sendBeacon
 * every 15 s while events wait and when the page is hidden.
 */

type RouterLike = Pick<DataRouter, 'state' | 'subscribe'>;

const FLUSH_EVERY_MS = 15_000;
const SESSION_KEY = 'tripwise.insights.session';

function tabSessionId(): string {
  try {
    const existing = sessionStorage.getItem(SESSION_KEY);
    if (existing) return existing;
    const id = crypto.randomUUID();
    sessionStorage.setItem(SESSION_KEY, id);
    return id;
  } catch {
    return crypto.randomUUID();
  }
}

function deviceType(): DeviceType {
  const width = Math.min(screen.width, screen.height);
  return width < 600 ? 'mobile' : width < 1000 ? 'tablet' : 'desktop';
}

let current: Tracker | undefined;

/** Starts measuring; does nothing at all (no listener, no request) with Do Not Track or GPC. */
export function startInsights(router: RouterLike): Tracker | undefined {
  const sessionId = tabSessionId();
  const tracker = createTracker({
    optedOut: () => privacySignal(navigator, window as { doNotTrack?: string | null }),
    send: (url, body) => navigator.sendBeacon(url, new Blob([body], { type: 'application/json' })),
    now: () => Date.now(),
    sessionId: () => sessionId,
    device: deviceType,
    userKey: () => (session.state.status === 'signed-in' ? session.state.user.id : undefined),
  });
  if (!tracker.enabled) return undefined;
  current = tracker;

  let route = '/';
  let pageListing: ListingRef | undefined;
  /** Sections on the current page: time on screen so far, and since when it is on screen now. */
  const sections = new Map<Element, { key: string; ms: number; since: number | undefined }>();
  const impressed = new Set<string>();

  const endSections = () => {
    const now = performance.now();
    for (const [, s] of sections) {
      const ms = Math.round(s.ms + (s.since === undefined ? 0 : now - s.since));
      tracker.track({
        type: 'section_view',
        route,
        section: s.key,
        visibleMs: ms,
        ...(pageListing ? { listing: pageListing } : {}),
      });
    }
    sections.clear();
    sectionObserver.disconnect();
  };

  const sectionObserver = new IntersectionObserver(
    (entries) => {
      const now = performance.now();
      for (const entry of entries) {
        const s = sections.get(entry.target);
        if (!s) continue;
        // Seen: half of it on screen, or (a section taller than the screen) half the screen filled by it.
        const seen =
          entry.isIntersecting &&
          (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= window.innerHeight / 2);
        if (seen && s.since === undefined) s.since = now;
        if (!seen && s.since !== undefined) {
          s.ms += now - s.since;
          s.since = undefined;
        }
      }
    },
    { threshold: [0, 0.25, 0.5, 0.75, 1] },
  );
  const cardObserver = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const listing = listingFrom(entry.target.getAttribute('data-insights-listing'));
        cardObserver.unobserve(entry.target);
        if (!listing || impressed.has(`${listing.kind}:${listing.id}`)) continue;
        impressed.add(`${listing.kind}:${listing.id}`);
        tracker.track({ type: 'impression', route, listing });
      }
    },
    { threshold: 0.5 },
  );

  // Sections and cards appear as data loads: the page is scanned for new ones whenever the DOM changes.
  const scan = () => {
    for (const el of document.querySelectorAll('[data-insights-section]')) {
      if (sections.has(el)) continue;
      sections.set(el, { key: el.getAttribute('data-insights-section') ?? '', ms: 0, since: undefined });
      sectionObserver.observe(el);
    }
    for (const el of document.querySelectorAll('[data-insights="results.listing"]:not([data-insights-seen])')) {
      el.setAttribute('data-insights-seen', '');
      cardObserver.observe(el);
    }
  };
  let scanQueued = false;
  new MutationObserver(() => {
    if (scanQueued) return;
    scanQueued = true;
    requestAnimationFrame(() => {
      scanQueued = false;
      scan();
    });
  }).observe(document.body, { childList: true, subtree: true });

  const pageView = (state: RouterLike['state']) => {
    const template = routeTemplate(state.matches.map((m) => m.route.path));
    if (template === route && sections.size > 0) return;
    endSections();
    impressed.clear();
    route = template;
    pageListing = listingOfPage(template, state.matches.at(-1)?.params.id);
    tracker.track({ type: 'page_view', route, ...(pageListing ? { listing: pageListing } : {}) });
    scan();
  };
  pageView(router.state);
  let lastLocation = router.state.location.pathname;
  router.subscribe((state) => {
    if (state.navigation.state !== 'idle' || state.location.pathname === lastLocation) return;
    lastLocation = state.location.pathname;
    pageView(state);
  });

  document.addEventListener(
    'click',
    (event) => {
      const el = (event.target as Element | null)?.closest?.('[data-insights]');
      const key = el?.getAttribute('data-insights');
      if (!el || !key) return;
      const listing = listingFrom(el.getAttribute('data-insights-listing'));
      tracker.track({ type: 'click', route, element: key, ...(listing ? { listing } : {}) });
    },
    { capture: true, passive: true },
  );

  const leave = () => {
    endSections();
    tracker.flush();
  };
  addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leave();
    else scan();
  });
  setInterval(() => tracker.flush(), FLUSH_EVERY_MS);
  return tracker;
}

/** For the checkout: a completed booking, once per listing in it (the funnel's last step). */
export function trackBooked(listings: readonly ListingRef[]): void {
  const tracker = current;
  if (!tracker) return;
  if (listings.length === 0) tracker.track({ type: 'booked', route: '/checkout' });
  for (const listing of listings) tracker.track({ type: 'booked', route: '/checkout', listing });
  tracker.flush();
}

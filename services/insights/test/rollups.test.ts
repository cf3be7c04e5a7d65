import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { InsightEvent } from '@tripwise/contracts';
import { insertEvents } from '../src/data/events.repository.ts';
import { batch, givenInsights, today, tomorrow, type InsightsHarness } from './given-insights.ts';

let h: InsightsHarness;
const ownerId = randomUUID();
const hotel = { kind: 'hotel' as const, id: '41' };
const other = { kind: 'hotel' as const, id: '42' };
const range = () => `from=${today()}&to=${tomorrow()}`;

/** A traveler's visit: results (both cards seen, one clicked), details with one section seen and one not, booked. */
function visit(booked: boolean): InsightEvent[] {
  const at = Date.now();
  const events: InsightEvent[] = [
    { type: 'page_view', at, route: '/hotels' },
    { type: 'impression', at, route: '/hotels', listing: hotel },
    { type: 'impression', at, route: '/hotels', listing: other },
    { type: 'click', at: at + 1, route: '/hotels', element: 'results.listing', listing: hotel },
    { type: 'page_view', at: at + 2, route: '/hotels/:id', listing: hotel },
    { type: 'section_view', at: at + 3, route: '/hotels/:id', section: 'photos', visibleMs: 4_000, listing: hotel },
    { type: 'section_view', at: at + 3, route: '/hotels/:id', section: 'reviews', visibleMs: 0, listing: hotel },
  ];
  if (booked) {
    events.push(
      { type: 'page_view', at: at + 4, route: '/checkout' },
      { type: 'booked', at: at + 5, route: '/checkout', listing: hotel },
    );
  }
  return events;
}

beforeAll(async () => {
  h = await givenInsights();
  h.owned.set(ownerId, ['hotel:41']);
  expect((await h.send(batch(visit(true)))).status).toBe(202);
  expect((await h.send(batch(visit(false)))).status).toBe(202);
  await h.service.flush();
  await h.service.rollUp();
});
afterAll(() => h.close());

describe('daily rollups', () => {
  test("When two travelers saw a listing and one booked, then the owner's report has views, clicks, CTR and conversion", async () => {
    const owner = await h.token('owner', { sub: ownerId });
    const res = await h.get(owner, `/api/insights/listings/hotel/41?${range()}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      totals: { views: 2, clicks: 2, impressions: 2, bookings: 1 },
      clickThroughRate: 1,
      conversionRate: 0.5,
      days: [{ day: today(), views: 2, clicks: 2, sessions: 2 }],
    });
    expect(res.body.sections).toMatchObject([
      { route: '/hotels/:id', section: 'reviews', present: 2, seen: 0, seenRate: 0 },
      { route: '/hotels/:id', section: 'photos', present: 2, seen: 2, seenRate: 1, avgVisibleMs: 4_000 },
    ]);
  });

  test('When the rollup runs again, then the figures are the same (recomputed, never doubled)', async () => {
    await h.service.rollUp();
    await h.service.rollUp();
    const admin = await h.token('admin');
    const pages = await h.get(admin, `/api/insights/admin/pages?${range()}`);
    expect(pages.body.items).toContainEqual({ route: '/hotels', views: 2, clicks: 2, sessions: 2 });
    expect(pages.body.items).toContainEqual({ route: '/hotels/:id', views: 2, clicks: 0, sessions: 2 });
  });

  test('When admins ask, then listing clicks, least-seen sections and the funnel come from the rollups', async () => {
    const admin = await h.token('admin');
    const listings = await h.get(admin, `/api/insights/admin/listings?${range()}`);
    expect(listings.body.items[0]).toMatchObject({ listing: hotel, clicks: 2, impressions: 2, bookings: 1 });
    expect(listings.body.items[1]).toMatchObject({ listing: other, clicks: 0, impressions: 2, clickThroughRate: 0 });
    const sections = await h.get(admin, `/api/insights/admin/sections?${range()}&limit=1`);
    expect(sections.body.items).toMatchObject([{ section: 'reviews', seenRate: 0 }]);
    const next = await h.get(
      admin,
      `/api/insights/admin/sections?${range()}&limit=1&cursor=${sections.body.nextCursor}`,
    );
    expect(next.body).toMatchObject({ items: [{ section: 'photos' }], nextCursor: null });
    const funnel = await h.get(admin, `/api/insights/admin/funnel?${range()}`);
    expect(funnel.body.steps).toEqual([
      { step: 'results', sessions: 2, dropOff: null },
      { step: 'details', sessions: 2, dropOff: 0 },
      { step: 'checkout', sessions: 1, dropOff: 0.5 },
      { step: 'booked', sessions: 1, dropOff: 0 },
    ]);
  });
});

describe('retention', () => {
  test('When raw events are past the retention window, then they are deleted and their rollups stay', async () => {
    const longAgo = Date.now() - 100 * 86_400_000;
    const sessionId = randomUUID();
    await insertEvents(h.db, [
      { sessionId, userKey: null, device: 'mobile', event: { type: 'page_view', at: longAgo, route: '/cars' } },
      { sessionId, userKey: null, device: 'mobile', event: { type: 'page_view', at: Date.now(), route: '/cars' } },
    ]);
    // The day of the old event was rolled up while it was recent.
    await h.service.rollUp(longAgo);
    const count = async () =>
      (
        await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM insight_events WHERE session_id = $1`, [
          sessionId,
        ])
      ).rows[0]!.n;
    expect(await count()).toBe(2);
    expect(await h.service.deleteExpired()).toBe(1);
    expect(await count()).toBe(1);
    const day = new Date(longAgo).toISOString().slice(0, 10);
    const next = new Date(longAgo + 86_400_000).toISOString().slice(0, 10);
    const admin = await h.token('admin');
    const pages = await h.get(admin, `/api/insights/admin/pages?from=${day}&to=${next}`);
    expect(pages.body.items).toEqual([{ route: '/cars', views: 1, clicks: 0, sessions: 1 }]);
  });
});

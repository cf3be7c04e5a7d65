import { insightBatchSchema, insightEventSchema } from '@tripwise/contracts';
import { describe, expect, test } from 'vitest';
import {
  createTracker,
  listingOfPage,
  listingsInCheckout,
  privacySignal,
  routeTemplate,
  type TrackerEnv,
} from '../src/insights/tracker.ts';

const SESSION = '7d1f8b0e-7c53-4c55-9a5e-0b6f7c1d2e3f';
const USER = '0b3c6a57-1e0e-4c7b-8f6a-2d4c5e6f7a8b';

function fakeEnv(overrides: Partial<TrackerEnv> = {}) {
  const sent: { url: string; body: string }[] = [];
  const env: TrackerEnv = {
    optedOut: () => false,
    send: (url, body) => {
      sent.push({ url, body });
      return true;
    },
    now: () => 1_765_000_000_000,
    sessionId: () => SESSION,
    device: () => 'desktop',
    userKey: () => USER,
    ...overrides,
  };
  return { env, sent };
}

describe('the insights tracker', () => {
  test('When Do Not Track or Global Privacy Control is on, then nothing is queued or sent', () => {
    expect(privacySignal({ doNotTrack: '1' })).toBe(true);
    expect(privacySignal({ globalPrivacyControl: true })).toBe(true);
    expect(privacySignal({ doNotTrack: null }, { doNotTrack: '1' })).toBe(true);
    expect(privacySignal({ doNotTrack: '0', globalPrivacyControl: false })).toBe(false);
    const { env, sent } = fakeEnv({ optedOut: () => true });
    const tracker = createTracker(env);
    for (let i = 0; i < 120; i += 1) tracker.track({ type: 'page_view', route: '/hotels' });
    tracker.flush();
    expect(tracker.enabled).toBe(false);
    expect(tracker.pending()).toBe(0);
    expect(sent).toEqual([]);
  });

  test('When events are tracked, then they leave in batches the ingest schema accepts, with no personal data', () => {
    const { env, sent } = fakeEnv();
    const tracker = createTracker(env);
    tracker.track({ type: 'page_view', route: '/hotels/:id', listing: { kind: 'hotel', id: '12' } });
    tracker.track({
      type: 'click',
      route: '/hotels',
      element: 'results.listing',
      listing: { kind: 'hotel', id: '12' },
    });
    tracker.track({ type: 'section_view', route: '/hotels/:id', section: 'reviews', visibleMs: 0 });
    expect(sent).toEqual([]);
    tracker.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('/api/insights/events');
    const batch = insightBatchSchema.parse(JSON.parse(sent[0]!.body));
    expect(batch).toMatchObject({ sessionId: SESSION, userKey: USER, device: 'desktop' });
    for (const event of batch.events) expect(insightEventSchema.safeParse(event).success).toBe(true);
    expect(sent[0]!.body).not.toMatch(/@/);
  });

  test('When more than a batch is queued, then it is sent at once in batches of 50, and failed sends are not retried', () => {
    let accept = false;
    const { env, sent } = fakeEnv({
      send: (url, body) => {
        sent.push({ url, body });
        return accept;
      },
    });
    const tracker = createTracker(env);
    for (let i = 0; i < 50; i += 1) tracker.track({ type: 'page_view', route: '/cars' });
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!.body).events).toHaveLength(50);
    tracker.flush();
    expect(sent).toHaveLength(1);
    accept = true;
    tracker.track({ type: 'page_view', route: '/cars' });
    tracker.flush();
    expect(JSON.parse(sent[1]!.body).events).toHaveLength(1);
  });

  test('When routes are matched, then the template is sent, never the ids or the query', () => {
    expect(routeTemplate(['/', 'hotels/:id'])).toBe('/hotels/:id');
    expect(routeTemplate(['/', undefined])).toBe('/');
    expect(listingOfPage('/hotels/:id', '42')).toEqual({ kind: 'hotel', id: '42' });
    expect(listingOfPage('/checkout', '42')).toBeUndefined();
    expect(listingsInCheckout('?hotel=4&room=9&car=7&flight=1&flight=2&checkIn=2026-01-01')).toEqual([
      { kind: 'flight', id: '1' },
      { kind: 'flight', id: '2' },
      { kind: 'hotel', id: '4' },
      { kind: 'car', id: '7' },
    ]);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { InsightEvent } from '@tripwise/contracts';
import { buildFlow } from '../src/domain/flow.ts';
import { batch, givenInsights, today, tomorrow, type InsightsHarness } from './given-insights.ts';

let h: InsightsHarness;
const sanJose = randomUUID();
const sanJose2 = randomUUID();
const denver = randomUUID();
const range = () => `from=${today()}&to=${tomorrow()}`;

const path = (...routes: string[]): InsightEvent[] =>
  routes.map((route, i) => ({ type: 'page_view', at: Date.now() + i, route }));

beforeAll(async () => {
  h = await givenInsights();
  h.profiles.set(sanJose, { city: 'San Jose', state: 'CA', signupMonth: '2026-01', email: 'sj@example.com' });
  h.profiles.set(sanJose2, { city: 'San Jose', state: 'CA', signupMonth: '2026-02' });
  h.profiles.set(denver, { city: 'Denver', state: 'CO', signupMonth: '2026-01' });
  await h.send(batch(path('/', '/hotels', '/hotels/:id', '/checkout'), { userKey: sanJose }));
  await h.send(batch(path('/', '/hotels', '/hotels/:id', '/hotels'), { userKey: sanJose2, device: 'mobile' }));
  await h.send(batch(path('/', '/cars'), { userKey: denver }));
  await h.service.flush();
  expect(await h.service.fetchProfiles()).toBe(3);
});
afterAll(() => h.close());

describe('GET /api/insights/admin/traces', () => {
  test("When a city's cohort is traced, then only its travelers' paths make the flow, with drop-off per step", async () => {
    const admin = await h.token('admin');
    const res = await h.get(admin, `/api/insights/admin/traces?${range()}&city=san%20jose&state=CA`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sessions: 2, users: 2 });
    expect(res.body.links).toEqual([
      { step: 0, from: '/', to: '/hotels', sessions: 2 },
      { step: 1, from: '/hotels', to: '/hotels/:id', sessions: 2 },
      { step: 2, from: '/hotels/:id', to: '/checkout', sessions: 1 },
      { step: 2, from: '/hotels/:id', to: '/hotels', sessions: 1 },
    ]);
    expect(res.body.nodes).toContainEqual({ step: 3, route: '/checkout', sessions: 1, exits: 1 });
    expect(JSON.stringify(res.body)).not.toContain('/cars');
  });

  test('When a cohort is a sign-up month and a device, or one user by email, then the flow is theirs', async () => {
    const admin = await h.token('admin');
    const january = await h.get(admin, `/api/insights/admin/traces?${range()}&signupMonth=2026-01`);
    expect(january.body).toMatchObject({ sessions: 2, users: 2 });
    const mobile = await h.get(admin, `/api/insights/admin/traces?${range()}&device=mobile`);
    expect(mobile.body).toMatchObject({ sessions: 1, users: 1 });
    const one = await h.get(admin, `/api/insights/admin/traces?${range()}&email=sj@example.com`);
    expect(one.body.nodes.map((n: { route: string }) => n.route)).toEqual(['/', '/hotels', '/hotels/:id', '/checkout']);
    const nobody = await h.get(admin, `/api/insights/admin/traces?${range()}&email=nobody@example.com`);
    expect(nobody).toMatchObject({ status: 400, body: { errors: [{ field: 'email' }] } });
  });

  test("When one user's timeline is asked a page at a time, then every event comes once, in order", async () => {
    const admin = await h.token('admin');
    const first = await h.get(admin, `/api/insights/admin/users/${sanJose}/timeline?${range()}&limit=3`);
    expect(first.body.items.map((e: { route: string }) => e.route)).toEqual(['/', '/hotels', '/hotels/:id']);
    const second = await h.get(
      admin,
      `/api/insights/admin/users/${sanJose}/timeline?${range()}&limit=3&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toMatchObject({
      items: [{ route: '/checkout', type: 'page_view', device: 'desktop' }],
      nextCursor: null,
    });
  });
});

describe('buildFlow', () => {
  test('When a session reloads a page or goes on for long, then repeats count once and the path is cut', () => {
    const steps = ['/', '/', '/a', '/b', '/c', '/d', '/e', '/f'].map((route) => ({ session_id: 's', route }));
    const flow = buildFlow(steps, 4);
    expect(flow.nodes.map((n) => n.route)).toEqual(['/', '/a', '/b', '/c']);
    expect(flow.nodes.at(-1)).toMatchObject({ exits: 1 });
  });
});

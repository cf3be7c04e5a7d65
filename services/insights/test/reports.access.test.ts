import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenInsights, today, tomorrow, type InsightsHarness } from './given-insights.ts';

let h: InsightsHarness;
const ownerId = randomUUID();
const range = () => `from=${today()}&to=${tomorrow()}`;

beforeAll(async () => {
  h = await givenInsights();
  h.owned.set(ownerId, ['hotel:7']);
});
afterAll(() => h.close());

const ADMIN_PATHS = [
  '/api/insights/admin/pages',
  '/api/insights/admin/listings',
  '/api/insights/admin/sections',
  '/api/insights/admin/elements',
  '/api/insights/admin/funnel',
  '/api/insights/admin/traces',
  `/api/insights/admin/users/${randomUUID()}/timeline`,
];

describe('who may read insights', () => {
  test('When nobody is signed in, then every report is refused with 401', async () => {
    for (const path of [...ADMIN_PATHS, '/api/insights/listings/hotel/7']) {
      expect((await h.get(undefined, path)).status, path).toBe(401);
    }
  });

  test('When a traveler asks, then every report is refused with 403', async () => {
    const traveler = await h.token('traveler');
    for (const path of [...ADMIN_PATHS, '/api/insights/listings/hotel/7']) {
      expect((await h.get(traveler, path)).status, path).toBe(403);
    }
  });

  test('When an owner asks for admin reports, or an admin has no second factor, then they are refused with 403', async () => {
    const owner = await h.token('owner', { sub: ownerId });
    const adminWithoutMfa = await h.token('admin', { mfa: false });
    for (const path of ADMIN_PATHS) {
      expect((await h.get(owner, path)).status, path).toBe(403);
      expect((await h.get(adminWithoutMfa, path)).status, path).toBe(403);
    }
    expect((await h.get(adminWithoutMfa, '/api/insights/listings/hotel/7')).status).toBe(403);
  });

  test("When an owner asks about someone else's listing, then it is answered as not found", async () => {
    const owner = await h.token('owner', { sub: ownerId });
    const res = await h.get(owner, `/api/insights/listings/hotel/8?${range()}`);
    expect(res.status).toBe(404);
    expect((await h.get(await h.token('owner'), `/api/insights/listings/hotel/7?${range()}`)).status).toBe(404);
  });

  test('When the owner asks about their own listing, or an admin about any, then the report is given', async () => {
    const owner = await h.token('owner', { sub: ownerId });
    expect(await h.get(owner, `/api/insights/listings/hotel/7?${range()}`)).toMatchObject({
      status: 200,
      body: { listing: { kind: 'hotel', id: '7' }, totals: { views: 0 } },
    });
    const admin = await h.token('admin');
    expect((await h.get(admin, `/api/insights/listings/car/99?${range()}`)).status).toBe(200);
    for (const path of ADMIN_PATHS) expect((await h.get(admin, path)).status, path).toBe(200);
  });

  test('When a range or id is invalid, then 400 names the field', async () => {
    const admin = await h.token('admin');
    const backwards = await h.get(admin, `/api/insights/admin/pages?from=${tomorrow()}&to=${today()}`);
    expect(backwards).toMatchObject({ status: 400, body: { errors: [{ field: 'to' }] } });
    const kind = await h.get(admin, '/api/insights/listings/boat/1');
    expect(kind).toMatchObject({ status: 400, body: { errors: [{ field: 'kind' }] } });
    const cursor = await h.get(admin, '/api/insights/admin/pages?cursor=nope');
    expect(cursor).toMatchObject({ status: 400, body: { errors: [{ field: 'cursor' }] } });
    const both = await h.get(admin, `/api/insights/admin/traces?userId=${randomUUID()}&email=a@example.com`);
    expect(both).toMatchObject({ status: 400, body: { errors: [{ field: 'email' }] } });
  });
});

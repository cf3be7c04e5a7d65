import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sessionDenyKey } from '@tripwise/platform/auth';
import type { TestServer } from '@tripwise/platform/testing';
import { givenAGateway, startEchoUpstream, type RunningGateway } from './given-a-gateway.ts';

let upstream: TestServer;
let gateway: RunningGateway;
beforeAll(async () => {
  upstream = await startEchoUpstream('any');
  gateway = await givenAGateway({
    AUTH_URL: upstream.url,
    SEARCH_URL: upstream.url,
    BOOKING_URL: upstream.url,
    AI_AGENT_URL: upstream.url,
    INSIGHTS_URL: upstream.url,
  });
});
afterAll(async () => {
  await upstream.close();
  await gateway.close();
});

type Caller = 'anonymous' | 'traveler' | 'owner' | 'admin' | 'admin without 2FA' | 'expired' | 'forged' | 'revoked';
const CALLERS: Caller[] = [
  'anonymous',
  'traveler',
  'owner',
  'admin',
  'admin without 2FA',
  'expired',
  'forged',
  'revoked',
];

async function tokenOf(caller: Caller): Promise<string | undefined> {
  switch (caller) {
    case 'anonymous':
      return undefined;
    case 'traveler':
    case 'owner':
    case 'admin':
      return gateway.token(caller);
    case 'admin without 2FA':
      return gateway.token('admin', { amr: ['pwd'] });
    case 'expired':
      return gateway.token('admin', { expiresInSec: -30 });
    case 'forged':
      return gateway.forge();
    case 'revoked': {
      const sid = randomUUID();
      await gateway.kv.set(sessionDenyKey(sid), '1', { ttlMs: 60_000 });
      return gateway.token('admin', { sid });
    }
  }
}

// Expected status per caller, in CALLERS order.
const TABLE: [string, string, number[]][] = [
  ['GET', '/api/search/flights', [200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST', '/api/auth/login', [200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET', '/api/auth/me', [401, 200, 200, 200, 200, 401, 401, 401]],
  ['POST', '/api/auth/2fa/setup', [401, 200, 200, 200, 200, 401, 401, 401]],
  ['POST', '/api/bookings', [401, 200, 200, 200, 403, 401, 401, 401]],
  ['GET', '/api/bookings/of-my-listings', [401, 200, 200, 200, 403, 401, 401, 401]],
  ['POST', '/api/ai/chat', [401, 200, 200, 200, 403, 401, 401, 401]],
  ['GET', '/api/ai/deals', [200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST', '/api/listings/hotels', [401, 403, 200, 200, 403, 401, 401, 401]],
  ['PATCH', '/api/listings/hotels/1', [401, 403, 200, 200, 403, 401, 401, 401]],
  ['GET', '/api/analytics/top-properties', [401, 403, 200, 200, 403, 401, 401, 401]],
  ['GET', '/api/billing', [401, 403, 403, 200, 403, 401, 401, 401]],
  ['GET', '/api/auth/admin/users', [401, 403, 403, 200, 403, 401, 401, 401]],
  // Analytics: any browser sends its beacon; owners read their listings' reports; traces are for admins.
  ['POST', '/api/insights/events', [200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET', '/api/insights/listings/hotel/1', [401, 403, 200, 200, 403, 401, 401, 401]],
  ['GET', '/api/insights/admin/traces', [401, 403, 403, 200, 403, 401, 401, 401]],
  // Express routes without regard to case or a trailing slash; the policy reads paths the same way.
  ['GET', '/api/auth/ADMIN/users', [401, 403, 403, 200, 403, 401, 401, 401]],
  ['GET', '/api/auth/Admin/Users/', [401, 403, 403, 200, 403, 401, 401, 401]],
  ['GET', '/api/auth/%61dmin/users', [401, 403, 403, 200, 403, 401, 401, 401]],
  ['GET', '/api/not-yet-routed', [401, 404, 404, 404, 403, 401, 401, 401]],
];

describe('route policy', () => {
  test.each(TABLE)(
    'When %s %s is called by each kind of caller, then each gets what the policy table says',
    async (method, path, expected) => {
      const statuses: Record<string, number> = {};
      for (const caller of CALLERS) {
        const token = await tokenOf(caller);
        const res = await fetch(`${gateway.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        statuses[caller] = res.status;
      }
      expect(statuses).toEqual(Object.fromEntries(CALLERS.map((c, i) => [c, expected[i]])));
    },
  );

  test('When a public route gets a bad token, then it is served anonymously and the token is not passed on', async () => {
    const res = await fetch(`${gateway.url}/api/search/hotels`, {
      headers: { authorization: `Bearer ${await gateway.forge()}` },
    });
    expect(res.status).toBe(200);
    const echoed = (await res.json()) as { headers: Record<string, string> };
    expect(echoed.headers.authorization).toBeUndefined();
    expect(echoed.headers['x-user-id']).toBeUndefined();
  });

  test('When a refusal happens, then it is problem+json saying why', async () => {
    const expired = await fetch(`${gateway.url}/api/auth/me`, {
      headers: { authorization: `Bearer ${await tokenOf('expired')}` },
    });
    expect(await expired.json()).toMatchObject({
      type: '/problems/invalid-token',
      detail: 'The access token has expired.',
    });
    const revoked = await fetch(`${gateway.url}/api/auth/me`, {
      headers: { authorization: `Bearer ${await tokenOf('revoked')}` },
    });
    expect(await revoked.json()).toMatchObject({ type: '/problems/session-revoked' });
    const no2fa = await fetch(`${gateway.url}/api/billing`, {
      headers: { authorization: `Bearer ${await tokenOf('admin without 2FA')}` },
    });
    expect(await no2fa.json()).toMatchObject({ type: '/problems/mfa-required' });
  });

  test('When a session is revoked after its token was used, then the gateway refuses it within the deny-list cache time', async () => {
    const sid = randomUUID();
    const token = await gateway.token('traveler', { sid });
    expect((await fetch(`${gateway.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      200,
    );
    await gateway.kv.set(sessionDenyKey(sid), '1', { ttlMs: 60_000 });
    expect((await fetch(`${gateway.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
  });
});

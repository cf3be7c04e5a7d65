import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
    RATE_LIMIT_AI_MESSAGES_PER_MINUTE: 2,
  });
});
afterAll(async () => {
  await upstream.close();
  await gateway.close();
});

const nested = (depth: number) => `{"email":"a@b.test","password":${'['.repeat(depth)}${']'.repeat(depth)}}`;

describe('hostile input at the gateway', () => {
  test('When a path has malformed percent-encoding, then the gateway answers 400 problem+json and forwards nothing', async () => {
    const token = await gateway.token('traveler');
    for (const path of ['/api/bookings/%FF%FE', '/api/search/hotels/%E0%A4%A', '/api/auth/%']) {
      const res = await fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ type: '/problems/malformed-uri', status: 400 });
    }
  });

  test('When a sign-in body nests deeper than the bound, then it is a 400, not a 502 from re-sending it', async () => {
    const res = await fetch(`${gateway.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: nested(5_000),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: '/problems/too-deeply-nested' });
  });

  test('When a sign-in body nests a little, then it still reaches auth byte for byte', async () => {
    const res = await fetch(`${gateway.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.1' },
      body: nested(3),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { body: string }).body).toBe(nested(3));
  });

  test('When a limited route is spelled in another case or with a trailing slash, then the same limit counts it', async () => {
    const token = await gateway.token('traveler');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const statuses = [];
    for (const path of ['/api/ai/chat', '/api/ai/CHAT', '/api/ai/Chat/']) {
      statuses.push((await fetch(`${gateway.url}${path}`, { method: 'POST', headers, body: '{}' })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});

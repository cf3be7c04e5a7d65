import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listen, type TestServer } from '@tripwise/platform/testing';
import { givenAGateway, startEchoUpstream, type EchoedRequest, type RunningGateway } from './given-a-gateway.ts';

const breakerState = (upstream: string, value: number) =>
  new RegExp(`gateway_circuit_state\\{[^}]*upstream="${upstream}"[^}]*\\} ${value}\\n`);

let auth: TestServer;
let search: TestServer;
let booking: TestServer;
let gateway: RunningGateway;

beforeAll(async () => {
  [auth, search, booking] = await Promise.all([
    startEchoUpstream('auth'),
    startEchoUpstream('search'),
    startEchoUpstream('booking'),
  ]);
  gateway = await givenAGateway({
    AUTH_URL: auth.url,
    SEARCH_URL: search.url,
    BOOKING_URL: booking.url,
    UPSTREAM_TIMEOUT_MS: 500,
  });
});
afterAll(async () => {
  await Promise.all([auth, search, booking].map((s) => s.close()));
  await gateway.close();
});

describe('gateway routing', () => {
  test.each([
    ['/api/auth/login', 'auth', 'POST', undefined],
    ['/api/search/flights', 'search', 'GET', undefined],
    ['/api/listings/hotels/1', 'search', 'GET', 'owner'],
    ['/api/bookings', 'booking', 'GET', 'traveler'],
    ['/api/billing/2026-01', 'booking', 'GET', 'admin'],
    ['/api/analytics/revenue', 'booking', 'GET', 'owner'],
  ] as const)(
    'When %s is requested, then %s answers it with the path and query unchanged',
    async (path, upstream, method, role) => {
      const headers: Record<string, string> = role ? { authorization: `Bearer ${await gateway.token(role)}` } : {};
      const res = await fetch(`${gateway.url}${path}?limit=5&cursor=abc`, {
        method,
        headers,
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-upstream')).toBe(upstream);
      expect(((await res.json()) as EchoedRequest).url).toBe(`${path}?limit=5&cursor=abc`);
    },
  );

  test('When a JSON body is posted, then it reaches the upstream byte for byte (also when a limiter read it)', async () => {
    const token = await gateway.token();
    const body = JSON.stringify({ items: [{ kind: 'flight', id: 'f1' }], note: 'window seat ✈' });
    const res = await fetch(`${gateway.url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    expect(await res.json()).toMatchObject({ method: 'POST', body });
    const login = JSON.stringify({ email: 'Ann@Example.test', password: 'correct horse battery staple' });
    const viaLimiter = await fetch(`${gateway.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: login,
    });
    expect(JSON.parse(((await viaLimiter.json()) as EchoedRequest).body)).toEqual(JSON.parse(login));
  });

  test('When a request passes through, then the upstream gets its request id, X-Forwarded-For and the verified identity', async () => {
    const token = await gateway.token('owner', { sub: 'user-7', sid: 'session-7' });
    const res = await fetch(`${gateway.url}/api/listings/hotels`, {
      headers: {
        authorization: `Bearer ${token}`,
        'x-request-id': 'edge-req-000001',
        'x-user-id': 'spoofed',
        'x-user-role': 'admin',
      },
    });
    const echoed = (await res.json()) as EchoedRequest;
    expect(echoed.headers).toMatchObject({
      'x-request-id': 'edge-req-000001',
      'x-forwarded-for': '127.0.0.1',
      'x-user-id': 'user-7',
      'x-user-role': 'owner',
      'x-session-id': 'session-7',
      authorization: `Bearer ${token}`,
    });
    expect(res.headers.get('x-request-id')).toBe('edge-req-000001');
    const line = gateway.logs.lines().find((l) => l.message === 'request' && l.requestId === 'edge-req-000001');
    expect(line).toMatchObject({ route: 'proxy:search', status: 200 });
  });

  test('When a client sends its own X-Forwarded-For, then the upstream is told the address the gateway saw instead', async () => {
    const res = await fetch(`${gateway.url}/api/search/flights`, {
      headers: { 'x-forwarded-for': '6.6.6.6', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.test' },
    });
    const echoed = (await res.json()) as EchoedRequest;
    expect(echoed.headers).toMatchObject({ 'x-forwarded-for': '127.0.0.1', 'x-forwarded-proto': 'http' });
    expect(echoed.headers['x-forwarded-host']).not.toBe('evil.test');
  });

  test('When the gateway is behind an edge, then it believes the edge’s entry and nothing the client wrote before it', async () => {
    const behindEdge = await givenAGateway({ SEARCH_URL: search.url, TRUST_PROXY_HOPS: 1 });
    try {
      const res = await fetch(`${behindEdge.url}/api/search/flights`, {
        // What the client claimed, then what the edge appended (nginx here replaces it outright; either way).
        headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.7' },
      });
      expect(((await res.json()) as EchoedRequest).headers['x-forwarded-for']).toBe('198.51.100.7');
    } finally {
      await behindEdge.close();
    }
  });

  test('When a path only looks like a prefix, then it is not forwarded', async () => {
    const res = await fetch(`${gateway.url}/api/searchx/flights`, {
      headers: { authorization: `Bearer ${await gateway.token()}` },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-upstream')).toBeNull();
  });

  test('When requests were proxied, then metrics show them by upstream and never by path', async () => {
    await fetch(`${gateway.url}/api/search/hotels/abc-123`);
    const text = await gateway.metrics();
    expect(text).toContain('route="proxy:search"');
    expect(text).toMatch(
      /gateway_upstream_duration_seconds_count\{service="api-gateway",upstream="search",status_class="2xx"\}/,
    );
    expect(text).toMatch(breakerState('search', 0));
    expect(text).not.toContain('abc-123');
  });
});

describe('gateway when an upstream fails', () => {
  test('When an upstream is stopped, then the answer is a 503 naming it (not a 504 after waiting)', async () => {
    const res = await fetch(`${gateway.url}/api/ai/chat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await gateway.token()}` },
      body: '{}',
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({
      type: '/problems/upstream-unavailable',
      detail: 'The ai-agent service is unavailable.',
      instance: '/api/ai/chat',
    });
  });

  test('When an upstream hangs past the route timeout, then the answer is 504 naming it', async () => {
    const res = await fetch(`${gateway.url}/api/search/slow`);
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ detail: 'The search service did not answer in time.' });
  });

  test('When an upstream breaks off mid-response, then the answer is 502', async () => {
    const broken = await listen((_req, res) => res.socket?.destroy());
    const g = await givenAGateway({ BOOKING_URL: broken.url });
    const res = await fetch(`${g.url}/api/bookings/1`, { headers: { authorization: `Bearer ${await g.token()}` } });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ detail: 'The booking service broke off the response.' });
    await Promise.all([broken.close(), g.close()]);
  });

  test("When a service answers 503 problems of its own, then the breaker stays closed for everyone's other requests", async () => {
    const upstream = await startEchoUpstream('search');
    const g = await givenAGateway({ SEARCH_URL: upstream.url, BREAKER_FAILURE_THRESHOLD: 3, BREAKER_OPEN_MS: 300 });
    for (let i = 0; i < 5; i++) expect((await fetch(`${g.url}/api/search/fail`)).status).toBe(503);
    const healthy = await fetch(`${g.url}/api/search/flights`);
    expect(healthy.status).toBe(200);
    expect(healthy.headers.get('x-upstream')).toBe('search');
    expect(await g.metrics()).toMatch(breakerState('search', 0));
    await Promise.all([upstream.close(), g.close()]);
  });

  test('When an upstream cannot be reached again and again, then the breaker opens (fast 503s) and closes once it is back', async () => {
    let upstream = await startEchoUpstream('search');
    const port = upstream.port;
    const g = await givenAGateway({ SEARCH_URL: upstream.url, BREAKER_FAILURE_THRESHOLD: 3, BREAKER_OPEN_MS: 300 });
    expect((await fetch(`${g.url}/api/search/flights`)).status).toBe(200);
    await upstream.close();
    for (let i = 0; i < 3; i++) expect((await fetch(`${g.url}/api/search/flights`)).status).toBe(503);
    expect(await g.metrics()).toMatch(breakerState('search', 2));

    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await fetch(`${g.url}/api/search/flights`)).status).toBe(503); // half-open trial fails: still stopped
    upstream = await startEchoUpstream('search', port); // the service comes back
    await new Promise((resolve) => setTimeout(resolve, 350));
    const recovered = await fetch(`${g.url}/api/search/flights`);
    expect(recovered.status).toBe(200);
    expect(await g.metrics()).toMatch(breakerState('search', 0));
    await Promise.all([upstream.close(), g.close()]);
  });
});

import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openRedisKvStore } from '@tripwise/platform/kv';
import { createService } from '@tripwise/platform/http';
import { captureLogs, deleteRedisKeys, listen, openTestKv, testEnv, type TestServer } from '@tripwise/platform/testing';
import { givenAGateway, startEchoUpstream, type RunningGateway } from './given-a-gateway.ts';

let upstream: TestServer;
beforeAll(async () => {
  upstream = await startEchoUpstream('any');
});
afterAll(() => upstream.close());

const everywhere = () => ({
  AUTH_URL: upstream.url,
  SEARCH_URL: upstream.url,
  BOOKING_URL: upstream.url,
  AI_AGENT_URL: upstream.url,
});
const from = (ip: string, extra: Record<string, string> = {}) => ({ 'x-forwarded-for': ip, ...extra });

const RIGHT = 'the right password';

/** Stands in for auth: a sign-in with RIGHT succeeds, any other fails with 401; everything else answers 200. */
async function startSignInUpstream(): Promise<TestServer> {
  const { app } = createService({
    name: 'auth-stand-in',
    logger: captureLogs('auth-stand-in').logger,
    routes: (a) => {
      a.post('/api/auth/login', (req, res) => {
        const { password } = req.body as { password?: string };
        res.status(password === RIGHT ? 200 : 401).json({});
      });
      a.use('/api', (_req, res) => {
        res.json({});
      });
    },
  });
  return listen(app);
}

const signIn = (g: RunningGateway, ip: string, email: string, password: string) =>
  fetch(`${g.url}/api/auth/login`, {
    method: 'POST',
    headers: from(ip, { 'content-type': 'application/json' }),
    body: JSON.stringify({ email, password }),
  });

describe('rate limits', () => {
  test('When a client passes the read limit, then it gets 429 problem+json with Retry-After and draft-8 headers, until the window resets', async () => {
    const g = await givenAGateway({
      ...everywhere(),
      TRUST_PROXY_HOPS: 1,
      RATE_LIMIT_READS_PER_MINUTE: 3,
      RATE_LIMIT_WINDOW_MS: 1_000,
    });
    const get = () => fetch(`${g.url}/api/search/flights`, { headers: from('203.0.113.9') });
    const first = await get();
    expect(first.headers.get('ratelimit')).toMatch(/^"reads"; r=2; t=\d+$/);
    expect(first.headers.get('ratelimit-policy')).toMatch(/^"reads"; q=3; w=1/);
    await get();
    await get();
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ type: '/problems/rate-limited', status: 429 });
    expect((await fetch(`${g.url}/api/search/flights`, { headers: from('203.0.113.10') })).status).toBe(200); // others unaffected
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await get()).status).toBe(200);
    expect(await g.metrics()).toMatch(/gateway_rate_limited_total\{[^}]*limiter="reads"[^}]*\} 1/);
    await g.close();
  });

  test('When sign-ins for one account fail from many addresses, then the gateway never locks its owner out of signing in or resetting', async () => {
    const auth = await startSignInUpstream();
    const g = await givenAGateway({
      ...everywhere(),
      AUTH_URL: auth.url,
      TRUST_PROXY_HOPS: 1,
      RATE_LIMIT_AUTH_PER_15_MINUTES: 3,
    });
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await signIn(g, `198.51.100.${i + 1}`, 'victim@example.test', `guess-${i}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    expect((await signIn(g, '198.51.100.99', 'Victim@Example.test', RIGHT)).status).toBe(200);
    const forgot = await fetch(`${g.url}/api/auth/password/forgot`, {
      method: 'POST',
      headers: from('198.51.100.99', { 'content-type': 'application/json' }),
      body: JSON.stringify({ email: 'victim@example.test' }),
    });
    expect(forgot.status).toBe(200);
    await g.close();
    await auth.close();
  });

  test('When one address keeps failing, then it is limited per account and address, then per address, and never for a password reset', async () => {
    const auth = await startSignInUpstream();
    const g = await givenAGateway({
      ...everywhere(),
      AUTH_URL: auth.url,
      TRUST_PROXY_HOPS: 1,
      RATE_LIMIT_AUTH_PER_15_MINUTES: 4,
    });
    const ip = '198.51.100.200';
    const statuses = [
      (await signIn(g, ip, 'first@example.test', 'guess')).status,
      (await signIn(g, ip, 'first@example.test', 'guess')).status,
      (await signIn(g, ip, ' FIRST@example.test', 'guess')).status, // the pair's limit (half the address's)
      (await signIn(g, ip, 'second@example.test', 'guess')).status,
      (await signIn(g, ip, 'third@example.test', 'guess')).status, // the address's limit
    ];
    expect(statuses).toEqual([401, 401, 429, 401, 429]);
    const forgot = await fetch(`${g.url}/api/auth/password/forgot`, {
      method: 'POST',
      headers: from(ip, { 'content-type': 'application/json' }),
      body: JSON.stringify({ email: 'first@example.test' }),
    });
    expect(forgot.status).toBe(200);
    await g.close();
    await auth.close();
  });

  test('When sign-ins succeed, then they do not count against the address', async () => {
    const auth = await startSignInUpstream();
    const g = await givenAGateway({
      ...everywhere(),
      AUTH_URL: auth.url,
      TRUST_PROXY_HOPS: 1,
      RATE_LIMIT_AUTH_PER_15_MINUTES: 2,
    });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(g, '198.51.100.201', 'busy@example.test', RIGHT)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    await g.close();
    await auth.close();
  });

  test('When a user sends too many AI messages, then that user is limited whatever address they use', async () => {
    const g = await givenAGateway({ ...everywhere(), TRUST_PROXY_HOPS: 1, RATE_LIMIT_AI_MESSAGES_PER_MINUTE: 2 });
    const token = await g.token('traveler', { sub: 'chatty-user' });
    const send = (ip: string) =>
      fetch(`${g.url}/api/ai/chat`, {
        method: 'POST',
        headers: from(ip, { authorization: `Bearer ${token}` }),
        body: '{}',
      });
    expect([
      (await send('192.0.2.1')).status,
      (await send('192.0.2.2')).status,
      (await send('192.0.2.3')).status,
    ]).toEqual([200, 200, 429]);
    const other = await g.token('traveler');
    const otherRes = await fetch(`${g.url}/api/ai/chat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other}` },
      body: '{}',
    });
    expect(otherRes.status).toBe(200);
    await g.close();
  });

  test('When a traveler books through the bookings API and through the concierge, then one limit counts both', async () => {
    const g = await givenAGateway({ ...everywhere(), TRUST_PROXY_HOPS: 1, RATE_LIMIT_BOOKING_WRITES_PER_MINUTE: 2 });
    const token = await g.token('traveler');
    const post = (path: string) =>
      fetch(`${g.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
    const statuses = [
      (await post('/api/bookings')).status,
      (await post(`/api/ai/bundles/${crypto.randomUUID()}/book`)).status,
      (await post(`/api/ai/bundles/${crypto.randomUUID()}/book`)).status,
    ];
    expect(statuses).toEqual([200, 200, 429]);
    await g.close();
  });

  test('When two gateway instances share the store, then a client is counted once across both', async () => {
    const kv = await openTestKv();
    const [a, b] = [
      await givenAGateway({ ...everywhere(), TRUST_PROXY_HOPS: 1, RATE_LIMIT_WRITES_PER_MINUTE: 4 }, { kv }),
      await givenAGateway({ ...everywhere(), TRUST_PROXY_HOPS: 1, RATE_LIMIT_WRITES_PER_MINUTE: 4 }, { kv }),
    ];
    const post = (g: RunningGateway) =>
      fetch(`${g.url}/api/auth/logout`, {
        method: 'POST',
        headers: from('203.0.113.50', { 'content-type': 'application/json' }),
        body: '{}',
      });
    const statuses = [await post(a), await post(b), await post(a), await post(b), await post(a)].map((r) => r.status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    await Promise.all([a.close(), b.close()]);
    await kv.close();
  });
});

// A TCP relay in front of the real Redis: closing it is a Redis outage the gateway cannot tell from a real one.
async function redisRelay(target: URL): Promise<{ url: string; cut: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const redis = connect(Number(target.port || 6379), target.hostname);
    sockets.add(client).add(redis);
    client.pipe(redis).pipe(client);
    const drop = () => {
      client.destroy();
      redis.destroy();
    };
    client.on('error', drop);
    redis.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    cut: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.runIf(testEnv.REDIS_URL)('when Redis goes down', () => {
  test('When the limit store cannot answer, then reads go on, writes and sign-ins fail closed with 503', async () => {
    const relay = await redisRelay(new URL(testEnv.REDIS_URL!));
    const prefix = `test:relay-${Date.now()}:`;
    const kv = await openRedisKvStore({ url: relay.url, prefix, logger: captureLogs().logger });
    const g = await givenAGateway({ ...everywhere() }, { kv });
    expect((await fetch(`${g.url}/api/search/flights`)).status).toBe(200);
    await relay.cut();
    const read = await fetch(`${g.url}/api/search/flights`);
    const write = await fetch(`${g.url}/api/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const login = await fetch(`${g.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.test', password: 'x' }),
    });
    expect([read.status, write.status, login.status]).toEqual([200, 503, 503]);
    expect(await login.json()).toMatchObject({ type: '/problems/service-unavailable' });
    await g.close();
    await kv.close().catch(() => undefined);
    await deleteRedisKeys(testEnv.REDIS_URL!, prefix);
  });
});

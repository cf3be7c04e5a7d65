import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openRedisKvStore } from '@tripwise/platform/kv';
import { captureLogs, deleteRedisKeys, openTestKv, testEnv, type TestServer } from '@tripwise/platform/testing';
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

  test('When sign-ins for one email come from many addresses, then the per-email limit still stops them', async () => {
    const g = await givenAGateway({ ...everywhere(), TRUST_PROXY_HOPS: 1, RATE_LIMIT_AUTH_PER_15_MINUTES: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${g.url}/api/auth/login`, {
        method: 'POST',
        headers: from(`198.51.100.${i + 1}`, { 'content-type': 'application/json' }),
        body: JSON.stringify({ email: i % 2 ? 'Victim@Example.test' : ' victim@example.test', password: `guess-${i}` }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    await g.close();
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

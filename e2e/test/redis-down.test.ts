import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTcpFaultProxy, testEnv, type TcpFaultProxy } from '@tripwise/platform/testing';
import { givenAStack, type GivenStack } from './given-a-stack.ts';

// The whole stack on PostgreSQL, with Redis behind a link the test cuts: what a traveler can still do when Redis is
// down (README, "Reliability"). Browsing is reads: it must keep working from PostgreSQL; what needs Redis to be safe
// (writes, whose rate limits and revoked sessions live there) answers 503 with Retry-After, never 500 or a hang.
let stack: GivenStack;
let link: TcpFaultProxy;
let headers: Record<string, string>;
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

const get = (path: string) => fetch(`${stack.gatewayUrl}${path}`, { headers });

describe.runIf(testEnv.REDIS_URL && testEnv.DATABASE_URL)('when Redis goes away', () => {
  beforeAll(async () => {
    const redis = new URL(testEnv.REDIS_URL!);
    link = await startTcpFaultProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    stack = await givenAStack('redisdown', { redisUrl: `redis://127.0.0.1:${link.port}` });
    const json = { 'content-type': 'application/json' };
    const credentials = { email: `redis-${Date.now()}@example.com`, password: 'correct horse battery staple' };
    await fetch(`${stack.gatewayUrl}/api/auth/register`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(credentials),
    });
    const login = await fetch(`${stack.gatewayUrl}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(credentials),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    headers = { ...json, authorization: `Bearer ${accessToken}` };
  });
  afterAll(async () => {
    await stack?.remove();
    await link?.close();
  });

  test.each(['refuse', 'blackhole'] as const)(
    'When Redis is cut (%s), then searches, details, my account and my trips still answer',
    async (fault) => {
      const hotels = await get(`/api/search/hotels?city=NYC&checkIn=${inAWeek}&checkOut=${inTenDays}`);
      const hotel = ((await hotels.json()) as { items: { id: string }[] }).items[0]!;
      link.set(fault);
      try {
        for (const path of [
          `/api/search/flights?origin=NYC&destination=LAX&date=${inAWeek}`,
          `/api/search/hotels?city=NYC&checkIn=${inAWeek}&checkOut=${inTenDays}`,
          `/api/search/hotels/${hotel.id}?checkIn=${inAWeek}&checkOut=${inTenDays}`,
          `/api/search/cars?location=LAX&pickupDate=${inAWeek}&dropoffDate=${inTenDays}`,
          '/api/auth/me',
          '/api/bookings?when=upcoming',
        ]) {
          const res = await get(path);
          expect({ path, status: res.status }).toEqual({ path, status: 200 });
        }
      } finally {
        link.set('forward');
      }
    },
  );

  test('When Redis refuses connections, then a write is a 503 with Retry-After, and works again once Redis is back', async () => {
    link.set('refuse');
    try {
      const res = await fetch(`${stack.gatewayUrl}/api/auth/me`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ firstName: 'Ada' }),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await res.json()) as { type: string }).type).toMatch(/^\/problems\//);
    } finally {
      link.set('forward');
    }
    await expect
      .poll(
        async () =>
          (await fetch(`${stack.gatewayUrl}/api/auth/me`, { method: 'PATCH', headers, body: '{"firstName":"Ada"}' }))
            .status,
        {
          timeout: 15_000,
          interval: 500,
        },
      )
      .toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '@tripwise/platform/testing';
import { givenAGateway, startEchoUpstream, type RunningGateway } from './given-a-gateway.ts';

let upstream: TestServer;
let gateway: RunningGateway;
beforeAll(async () => {
  upstream = await startEchoUpstream('search');
  gateway = await givenAGateway({ SEARCH_URL: upstream.url, CORS_ORIGINS: ['https://app.tripwise.test'] });
});
afterAll(async () => {
  await upstream.close();
  await gateway.close();
});

const call = (path: string, init: RequestInit = {}) => fetch(`${gateway.url}${path}`, init);

describe('CORS', () => {
  test('When a listed origin calls, then it may read the answer with credentials and see the limit headers', async () => {
    const res = await call('/api/search/flights', { headers: { origin: 'https://app.tripwise.test' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.tripwise.test');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-expose-headers')).toContain('RateLimit');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  test('When a listed origin sends a preflight, then it is answered by the gateway with the allowed methods and headers', async () => {
    const res = await call('/api/bookings', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.tripwise.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,idempotency-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  test.each([
    'https://evil.example',
    'https://app.tripwise.test.evil.example',
    'https://evilapp.tripwise.test',
    'null',
  ])('When the unlisted origin %s sends a preflight or a request, then no CORS header is given', async (origin) => {
    for (const res of [
      await call('/api/bookings', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } }),
      await call('/api/search/flights', { headers: { origin } }),
    ]) {
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });
});

describe('security headers on API answers', () => {
  test('When any API answer goes out, then it has nosniff, a referrer policy, no X-Powered-By and no HSTS', async () => {
    for (const res of [await call('/api/search/flights'), await call('/api/nowhere'), await call('/health')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBeTruthy();
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-request-id')).toMatch(/^[\w.:-]{8,}$/);
    }
  });
});

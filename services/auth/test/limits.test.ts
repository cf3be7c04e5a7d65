import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testEnv } from '@tripwise/platform/testing';
import { authClient, givenASignedInUser } from './auth-client.ts';
import { givenAnAuthService, type AuthTestService } from './given-an-auth-service.ts';

// Two instances of the service sharing one database and one store: with Redis, as in production.
let a: AuthTestService;
let b: AuthTestService;
beforeAll(async () => {
  a = await givenAnAuthService();
  b = await givenAnAuthService({ db: a.db, kv: a.kv, keys: a.keys, dataKey: a.dataKey });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

describe(`limits across instances (${testEnv.REDIS_URL ? 'Redis' : 'in-process store'})`, () => {
  test('When one address fails over two instances, then the back-off of that account and address counts them all', async () => {
    const user = await givenASignedInUser(a);
    const ip = '192.0.2.78';
    for (let i = 0; i < 5; i++) {
      const instance = i % 2 === 0 ? a : b;
      await authClient(instance.url, { ip }).call('POST', '/api/auth/login', {
        body: { email: user.email, password: 'wrong guess again' },
      });
    }
    const res = await authClient(b.url, { ip }).call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(res.status).toBe(429);
  });

  test('When one IP signs in too often across instances, then the per-IP limit holds', async () => {
    const ip = '192.0.2.77';
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const instance = i % 2 === 0 ? a : b;
      const res = await authClient(instance.url, { ip }).call('POST', '/api/auth/login', {
        body: { email: `nobody-${i}@example.test`, password: 'whatever it is' },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  test('When the per-address limits are configured, then sign-ups, sign-ins and mail requests follow them', async () => {
    const strict = await givenAnAuthService({
      config: {
        REGISTRATIONS_PER_IP_PER_HOUR: 2,
        LOGINS_PER_IP_PER_5_MINUTES: 2,
        EMAIL_REQUESTS_PER_IP_PER_15_MINUTES: 2,
      },
    });
    try {
      const client = authClient(strict.url, { ip: '192.0.2.99' });
      const statuses = async (path: string, body: (i: number) => object) => {
        const seen: number[] = [];
        for (let i = 0; i < 3; i++) seen.push((await client.call('POST', path, { body: body(i) })).status);
        return seen;
      };
      expect(
        await statuses('/api/auth/register', (i) => ({
          email: `limit-${i}@example.test`,
          password: 'a long passphrase 9',
        })),
      ).toEqual([202, 202, 429]);
      expect(
        await statuses('/api/auth/login', (i) => ({
          email: `limit-${i}@example.test`,
          password: 'a wrong passphrase',
        })),
      ).toEqual([401, 401, 429]);
      expect(await statuses('/api/auth/password/forgot', (i) => ({ email: `limit-${i}@example.test` }))).toEqual([
        202, 202, 429,
      ]);
    } finally {
      await strict.close();
    }
  });

  test('When a session is refreshed on one instance, then the other sees the rotation', async () => {
    const user = await givenASignedInUser(a);
    const old = user.client.cookie;
    expect((await user.client.refresh()).status).toBe(200);
    const onB = authClient(b.url);
    onB.cookie = old;
    b.advance(60_000);
    expect((await onB.refresh()).status).toBe(401); // reuse, seen by the other instance
  });
});

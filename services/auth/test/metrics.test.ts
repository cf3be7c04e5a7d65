import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authClient, givenASignedInUser } from './auth-client.ts';
import { givenAnAuthService, type AuthTestService } from './given-an-auth-service.ts';

let service: AuthTestService;
beforeAll(async () => {
  service = await givenAnAuthService();
});
afterAll(() => service.close());

/** A sample of auth's /metrics (the service label comes last). */
async function logins(outcome: string): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`auth_logins_total{outcome="${outcome}"`));
  return Number(line?.split(' ').at(-1));
}

describe('sign-in metrics', () => {
  test('When every outcome is read before any sign-in, then each is there at 0 or more, never missing', async () => {
    for (const outcome of ['success', 'mfa_required', 'bad_credentials', 'backoff', 'disabled']) {
      expect(await logins(outcome), outcome).toBeGreaterThanOrEqual(0);
    }
  });

  test('When a wrong password and then the right one are given, then one bad_credentials and one success are counted', async () => {
    const user = await givenASignedInUser(service);
    const [bad, good] = [await logins('bad_credentials'), await logins('success')];
    const client = authClient(service.url);
    expect(
      (await client.call('POST', '/api/auth/login', { body: { email: user.email, password: 'wrong!' } })).status,
    ).toBe(401);
    expect(
      (await client.call('POST', '/api/auth/login', { body: { email: user.email, password: user.password } })).status,
    ).toBe(200);
    expect(await logins('bad_credentials')).toBe(bad + 1);
    expect(await logins('success')).toBe(good + 1);
  });
});

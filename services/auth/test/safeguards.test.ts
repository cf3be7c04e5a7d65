import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertUser, markEmailVerified } from '../src/data/user.repository.ts';
import { hashPassword } from '../src/domain/passwords/password-hasher.ts';
import { MAX_SESSIONS } from '../src/domain/sessions/session.store.ts';
import { authClient, givenASignedInUser, GOOD_PASSWORD, uniqueEmail } from './auth-client.ts';
import { givenAnAuthService, type AuthTestService } from './given-an-auth-service.ts';

let service: AuthTestService;
beforeAll(async () => {
  service = await givenAnAuthService();
});
afterAll(() => service.close());

/** The claims of an access token, read without verifying (the services verify; this only looks). */
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('what access tokens say about the account', () => {
  test('When an account has not confirmed its email, then its tokens say so, until a refresh after confirming', async () => {
    const email = uniqueEmail();
    const user = (await insertUser(service.db, {
      email,
      passwordHash: await hashPassword(GOOD_PASSWORD),
      role: 'traveler',
      verified: false,
    }))!;
    const client = authClient(service.url);
    const login = await client.call('POST', '/api/auth/login', { body: { email, password: GOOD_PASSWORD } });
    expect(claimsOf(login.body.accessToken)).toMatchObject({ email_verified: false });
    await markEmailVerified(service.db, user.id);
    const refreshed = await client.refresh();
    expect(claimsOf(refreshed.body.accessToken)).toMatchObject({ email_verified: true });
  });
});

describe('how many sessions one account keeps', () => {
  test(`When an account signs in more than ${MAX_SESSIONS} times, then the least recently used session ends`, async () => {
    const first = await givenASignedInUser(service);
    for (let i = 0; i < MAX_SESSIONS; i++) {
      const reply = await authClient(service.url).call('POST', '/api/auth/login', {
        body: { email: first.email, password: first.password },
      });
      expect(reply.status).toBe(200);
    }
    expect((await first.client.refresh()).status).toBe(401);
    const latest = authClient(service.url);
    const login = await latest.call('POST', '/api/auth/login', {
      body: { email: first.email, password: first.password },
    });
    const sessions = await latest.call('GET', '/api/auth/sessions', { token: login.body.accessToken });
    expect(sessions.body.items).toHaveLength(MAX_SESSIONS);
  });
});

import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findUserByEmail, insertUser } from '../src/data/user.repository.ts';
import { authClient, givenASignedInUser, GOOD_PASSWORD, uniqueEmail } from './auth-client.ts';
import { givenAnAuthService, type AuthTestService } from './given-an-auth-service.ts';

let service: AuthTestService;
beforeAll(async () => {
  service = await givenAnAuthService();
});
afterAll(() => service.close());

describe('POST /api/auth/login', () => {
  test('When the password is right, then it answers an access token and sets the refresh cookie, safely', async () => {
    const user = await givenASignedInUser(service, { role: 'owner' });
    const res = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email: user.email.toUpperCase(), password: user.password },
    });
    expect(res).toMatchObject({
      status: 200,
      body: {
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 600,
        user: { email: user.email, role: 'owner' },
      },
    });
    expect(res.body).not.toHaveProperty('refreshToken');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.setCookie).toMatch(/^tw_rt=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43};/);
    expect(res.setCookie).toMatch(/Path=\/api\/auth/);
    expect(res.setCookie).toMatch(/HttpOnly/);
    expect(res.setCookie).toMatch(/Secure/);
    expect(res.setCookie).toMatch(/SameSite=Strict/);
    // The pages' readable hint that a session exists: no secret in it.
    const hint = res.setCookie!.split(/, (?=tw_)/).find((c: string) => c.startsWith('tw_session='));
    expect(hint).toMatch(/^tw_session=1;/);
    expect(hint).toMatch(/Path=\/;/);
    expect(hint).not.toMatch(/HttpOnly/);

    const header = decodeProtectedHeader(res.body.accessToken);
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'at+jwt', kid: expect.any(String) });
    const claims = decodeJwt(res.body.accessToken);
    expect(claims).toMatchObject({
      iss: 'http://localhost:8080/api/auth',
      aud: 'tripwise',
      sub: user.id,
      sid: res.body.sessionId,
      role: 'owner',
      amr: ['pwd'],
      jti: expect.any(String),
      auth_time: expect.any(Number),
    });
    expect(claims.exp! - claims.iat!).toBe(600);
    const jwks = (await fetch(`${service.url}/api/auth/.well-known/jwks.json`).then((r) => r.json())) as any;
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toContain(header.kid);
    expect(JSON.stringify(jwks)).not.toMatch(/"d":/); // no private key material
  });

  test('When the email is unknown or the password wrong, then both get the very same 401', async () => {
    const user = await givenASignedInUser(service);
    const wrong = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email: user.email, password: 'not the password at all' },
    });
    const unknown = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email: uniqueEmail(), password: 'not the password at all' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(wrong.body.detail).toBe('The email or password is incorrect.');
  });

  test('When an account fails five times, then sign-in backs off with 429 and Retry-After, even with the right password', async () => {
    const user = await givenASignedInUser(service);
    const client = authClient(service.url);
    for (let i = 0; i < 5; i++) {
      expect(
        (await client.call('POST', '/api/auth/login', { body: { email: user.email, password: 'wrong password here' } }))
          .status,
      ).toBe(401);
    }
    const locked = await client.call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(locked.body).toMatchObject({ type: '/problems/too-many-attempts' });
    // Back-off, not a permanent lock: once it passes, the right password works.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(
      (await client.call('POST', '/api/auth/login', { body: { email: user.email, password: user.password } })).status,
    ).toBe(200);
  });

  test('When an unknown email fails five times, then it is locked the same way (nothing to tell the two apart)', async () => {
    const email = uniqueEmail();
    const client = authClient(service.url);
    for (let i = 0; i < 5; i++) {
      await client.call('POST', '/api/auth/login', { body: { email, password: 'guess number one' } });
    }
    expect((await client.call('POST', '/api/auth/login', { body: { email, password: 'guess' } })).status).toBe(429);
  });

  test('When others fail against an account from many addresses, then its owner still signs in from a known address and can reset the password', async () => {
    const user = await givenASignedInUser(service); // signs in once: that address is now known
    for (let i = 0; i < 25; i++) {
      const attacker = authClient(service.url);
      await attacker.call('POST', '/api/auth/login', { body: { email: user.email, password: `guess number ${i}` } });
    }
    const stranger = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(stranger.status).toBe(429); // a new address waits a little (at most a minute), never for good
    expect(Number(stranger.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    const owner = await user.client.call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(owner.status).toBe(200);
    const reset = await authClient(service.url).call('POST', '/api/auth/password/forgot', {
      body: { email: user.email },
    });
    expect(reset.status).toBe(202);
  });

  test('When the account is disabled, then the right password gets 403 account-disabled', async () => {
    const user = await givenASignedInUser(service);
    await service.db.query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);
    const res = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(res).toMatchObject({ status: 403, body: { type: '/problems/account-disabled' } });
  });

  test('When the stored hash uses weaker argon2 settings, then signing in upgrades it', async () => {
    const email = uniqueEmail();
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash(GOOD_PASSWORD, { memoryCost: 8192, timeCost: 1, parallelism: 1 });
    await insertUser(service.db, { email, passwordHash: weak, role: 'traveler', verified: true });
    const res = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email, password: GOOD_PASSWORD },
    });
    expect(res.status).toBe(200);
    const stored = (await findUserByEmail(service.db, email))!.passwordHash!;
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  test('When login bodies are malformed, then they get 400s naming the field', async () => {
    const client = authClient(service.url);
    expect(
      (await client.call('POST', '/api/auth/login', { body: { email: 'x' } })).body.errors.map(
        (e: { field: string }) => e.field,
      ),
    ).toEqual(['email', 'password']);
    expect((await client.call('POST', '/api/auth/login', { body: '{"email":' })).body.type).toBe(
      '/problems/malformed-json',
    );
  });

  test('When sign-ins happen, then the audit log records them with IP and user agent, and no secret', async () => {
    const user = await givenASignedInUser(service);
    await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email: user.email, password: 'a wrong password' },
      headers: { 'user-agent': 'AuditTest/1.0' },
    });
    const { rows } = await service.db.query<{ event: string; ip: string; user_agent: string; details: unknown }>(
      `SELECT event, ip, user_agent, details FROM audit_events WHERE user_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(rows.map((r) => r.event)).toEqual(['login.succeeded', 'session.created', 'login.failed']);
    expect(rows[2]).toMatchObject({
      user_agent: 'AuditTest/1.0',
      ip: expect.any(String),
      details: { reason: 'bad_password' },
    });
    expect(JSON.stringify(rows)).not.toContain('a wrong password');
    await expect(service.db.query('UPDATE audit_events SET event = $1', ['tampered'])).rejects.toThrow(/append-only/);
  });
});

import { SignJWT, UnsecuredJWT } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createTokenVerifier, requireAuth, type TokenVerifier } from '@tripwise/platform/auth';
import { createService } from '@tripwise/platform/http';
import { captureLogs, startTestIssuer, type TestIssuer } from '@tripwise/platform/testing';

let issuer: TestIssuer;
let verify: TokenVerifier;

beforeAll(async () => {
  issuer = await startTestIssuer();
  verify = createTokenVerifier({
    jwksUrl: issuer.jwksUrl,
    issuer: issuer.issuer,
    audience: issuer.audience,
    cooldownMs: 0,
  });
});
afterAll(() => issuer.close());

function givenAProtectedApp(verifier: TokenVerifier = verify) {
  return createService({
    name: 'protected',
    logger: captureLogs().logger,
    routes: (app) => {
      app.get('/me', requireAuth(verifier), (req, res) => {
        res.json(req.identity);
      });
      app.get('/admin-only', requireAuth(verifier, { roles: ['admin'] }), (_req, res) => {
        res.json({ ok: true });
      });
    },
  }).app;
}

describe('createTokenVerifier', () => {
  test('When the token is valid, then the identity comes from its claims', async () => {
    const token = await issuer.sign({ sub: 'user-1', sid: 'session-1', role: 'owner', amr: ['pwd', 'otp'] });
    expect(await verify(token)).toMatchObject({
      userId: 'user-1',
      sessionId: 'session-1',
      role: 'owner',
      amr: ['pwd', 'otp'],
      tokenId: expect.any(String),
      expiresAt: expect.any(Number),
    });
  });

  test.each([
    ['expired', () => issuer.sign({ expiresInSec: -60 }), /has expired/],
    ['signed by an unpublished key claiming a published kid', () => issuer.forge(), /not valid/],
    ['for another audience', () => issuer.sign({ audience: 'someone-else' }), /not valid/],
    ['from another issuer', () => issuer.sign({ issuer: 'https://evil.example' }), /not valid/],
    ['an ID token rather than an access token', () => issuer.sign({ typ: 'JWT' }), /not valid/],
    [
      'unsigned (alg none)',
      async () => new UnsecuredJWT({ sub: 'x', sid: 's', jti: 'j', role: 'admin' }).encode(),
      /not valid/,
    ],
    ['not a JWT at all', async () => 'not-a-token', /not valid/],
  ])('When the token is %s, then it is refused with a 401', async (_name, makeToken, detail) => {
    const token = await makeToken();
    await expect(verify(token)).rejects.toMatchObject({
      status: 401,
      code: 'invalid-token',
      detail: expect.stringMatching(detail),
    });
  });

  test('When the role claim is not one Tripwise issues, then it is refused', async () => {
    // Correctly signed, but no Tripwise role: the claims schema is the last line of defence.
    const forgedRole = await issuer.sign({ role: 'superuser' as never });
    await expect(verify(forgedRole)).rejects.toMatchObject({ status: 401, detail: /lacks required claims/ });
  });

  test('When the issuer rotates to a new key, then tokens signed with it verify after a JWKS refetch', async () => {
    const before = await issuer.sign();
    await verify(before);
    await issuer.rotate();
    const after = await issuer.sign();
    await expect(verify(after)).resolves.toMatchObject({ role: 'traveler' });
    await expect(verify(before)).resolves.toBeDefined(); // the retired key is still published
  });

  test('When a token verified before has since expired, then it is refused, not remembered', async () => {
    const token = await issuer.sign({ expiresInSec: 60 });
    await expect(verify(token)).resolves.toMatchObject({ role: 'traveler' });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 });
    try {
      await expect(verify(token)).rejects.toMatchObject({ status: 401, detail: /has expired/ });
    } finally {
      vi.useRealTimers();
    }
  });

  test('When a verified token is altered, then the copy is checked on its own and refused', async () => {
    const token = await issuer.sign();
    await verify(token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    await expect(verify(`${header}.${payload}.${flipped}`)).rejects.toMatchObject({ status: 401 });
  });

  test('When the JWKS endpoint cannot be reached, then callers get a 503, not a 401 or a 500', async () => {
    const unreachable = createTokenVerifier({
      jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json',
      issuer: issuer.issuer,
      audience: issuer.audience,
    });
    await expect(unreachable(await issuer.sign())).rejects.toMatchObject({ status: 503, code: 'auth-unavailable' });
  });
});

describe('requireAuth', () => {
  test('When no Authorization header is sent, then it answers 401 problem+json with WWW-Authenticate', async () => {
    const res = await request(givenAProtectedApp()).get('/me');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(JSON.parse(res.text)).toMatchObject({ type: '/problems/unauthorized', status: 401 });
  });

  test('When the header is not a bearer token, then it answers 401 invalid_request', async () => {
    const res = await request(givenAProtectedApp()).get('/me').set('authorization', 'Basic dXNlcjpwYXNz');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toContain('invalid_request');
  });

  test('When the token has expired, then it answers 401 invalid_token', async () => {
    const res = await request(givenAProtectedApp())
      .get('/me')
      .set('authorization', `Bearer ${await issuer.sign({ expiresInSec: -30 })}`);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    expect(JSON.parse(res.text)).toMatchObject({
      type: '/problems/invalid-token',
      detail: 'The access token has expired.',
    });
  });

  test('When the token is valid, then the handler sees the verified identity', async () => {
    const token = await issuer.sign({ sub: 'user-42', role: 'traveler' });
    const res = await request(givenAProtectedApp()).get('/me').set('authorization', `Bearer ${token}`);
    expect(res).toMatchObject({ status: 200, body: { userId: 'user-42', role: 'traveler' } });
  });

  test('When the role is not allowed, then it answers 403 and a token of the right role passes', async () => {
    const app = givenAProtectedApp();
    for (const role of ['traveler', 'owner'] as const) {
      const res = await request(app)
        .get('/admin-only')
        .set('authorization', `Bearer ${await issuer.sign({ role })}`);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.text)).toMatchObject({ type: '/problems/forbidden' });
    }
    const admin = await request(app)
      .get('/admin-only')
      .set('authorization', `Bearer ${await issuer.sign({ role: 'admin' })}`);
    expect(admin.status).toBe(200);
  });

  test('When a token is signed with an HMAC secret (alg confusion), then it is refused', async () => {
    const hs = await new SignJWT({ sid: 's', role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setSubject('attacker')
      .setJti('j')
      .setIssuer(issuer.issuer)
      .setAudience(issuer.audience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('guessable-secret-guessable-secret'));
    const res = await request(givenAProtectedApp()).get('/me').set('authorization', `Bearer ${hs}`);
    expect(res.status).toBe(401);
  });
});

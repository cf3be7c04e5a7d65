import { randomUUID } from 'node:crypto';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authClient, givenASignedInUser, type SignedInUser } from './auth-client.ts';
import { givenAnAuthService, TEST_CONFIG, type AuthTestService } from './given-an-auth-service.ts';

let service: AuthTestService;
let user: SignedInUser;
beforeAll(async () => {
  service = await givenAnAuthService();
  user = await givenASignedInUser(service);
});
afterAll(() => service.close());

// Every route that needs a signed-in user (admin routes have their own file).
const SIGNED_IN_ROUTES: [string, string][] = [
  ['GET', '/api/auth/me'],
  ['PATCH', '/api/auth/me'],
  ['DELETE', '/api/auth/me'],
  ['POST', '/api/auth/logout-all'],
  ['GET', '/api/auth/sessions'],
  ['POST', '/api/auth/sessions/revoke-others'],
  ['DELETE', `/api/auth/sessions/${randomUUID()}`],
  ['POST', '/api/auth/password/change'],
  ['POST', '/api/auth/2fa/setup'],
  ['POST', '/api/auth/2fa/enable'],
  ['POST', '/api/auth/2fa/disable'],
  ['POST', '/api/auth/2fa/backup-codes'],
];

async function tokensNobodyShouldAccept(): Promise<Record<string, string>> {
  const { kid, privateKey } = await service.keys.current();
  const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const build = (claims: { aud?: string; exp?: number }) =>
    new SignJWT({ sid: user.sessionId, role: 'traveler', amr: ['pwd'] })
      .setSubject(user.id)
      .setJti(randomUUID())
      .setIssuer(TEST_CONFIG.TOKEN_ISSUER)
      .setAudience(claims.aud ?? TEST_CONFIG.TOKEN_AUDIENCE)
      .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 300);
  return {
    missing: '',
    garbage: 'not-a-jwt',
    expired: await build({ exp: Math.floor(Date.now() / 1000) - 60 })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
      .sign(privateKey),
    'another audience': await build({ aud: 'another-app' })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
      .sign(privateKey),
    'signed by a stranger under our kid': await build({})
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
      .sign(stranger.privateKey),
  };
}

describe('routes for signed-in users', () => {
  test.each(SIGNED_IN_ROUTES)(
    'When %s %s comes without a valid access token, then every attempt is 401',
    async (method, path) => {
      for (const [kind, token] of Object.entries(await tokensNobodyShouldAccept())) {
        const res = await authClient(service.url).call(method, path, { token, body: {} });
        expect({ kind, status: res.status }).toEqual({ kind, status: 401 });
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
    },
  );

  test.each(SIGNED_IN_ROUTES)(
    'When %s %s comes with the token of a session that was logged out, then it is 401',
    async (method, path) => {
      const other = await givenASignedInUser(service);
      await other.client.call('POST', '/api/auth/logout', { body: {} });
      const res = await authClient(service.url).call(method, path, { token: other.accessToken, body: {} });
      expect(res).toMatchObject({ status: 401, body: { type: '/problems/session-revoked' } });
    },
  );
});

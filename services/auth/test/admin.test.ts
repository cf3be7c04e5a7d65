import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT, base64url, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authClient, givenASignedInUser, type SignedInUser } from './auth-client.ts';
import { givenAnAuthService, TEST_CONFIG, type AuthTestService } from './given-an-auth-service.ts';

let service: AuthTestService;
let admin: SignedInUser;
beforeAll(async () => {
  service = await givenAnAuthService();
  admin = await givenASignedInUser(service, { role: 'admin' });
});
afterAll(() => service.close());

const call = (method: string, path: string, token: string, body?: unknown) =>
  authClient(service.url).call(method, path, { token, ...(body !== undefined ? { body } : {}) });

async function signWithRealKey(
  claims: Record<string, unknown>,
  options: { aud?: string; iss?: string; exp?: number } = {},
) {
  const { kid, privateKey } = await service.keys.current();
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: randomUUID(), role: 'admin', amr: ['pwd', 'otp', 'mfa'], ...claims })
    .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
    .setIssuer(options.iss ?? TEST_CONFIG.TOKEN_ISSUER)
    .setAudience(options.aud ?? TEST_CONFIG.TOKEN_AUDIENCE)
    .setSubject(admin.id)
    .setJti(randomUUID())
    .setIssuedAt(now - 60)
    .setExpirationTime(options.exp ?? now + 300)
    .sign(privateKey);
}

const ADMIN_ROUTES: [string, string][] = [
  ['GET', '/api/auth/admin/users'],
  ['GET', `/api/auth/admin/users/${randomUUID()}`],
  ['PATCH', `/api/auth/admin/users/${randomUUID()}`],
  ['DELETE', `/api/auth/admin/users/${randomUUID()}`],
  ['GET', '/api/auth/admin/audit'],
];

describe('who may call the admin routes', () => {
  test.each(ADMIN_ROUTES)(
    'When a traveler, an owner or a password-only admin calls %s %s, then it is 403',
    async (method, path) => {
      const traveler = await givenASignedInUser(service, { role: 'traveler' });
      const owner = await givenASignedInUser(service, { role: 'owner' });
      const passwordOnlyAdmin = await signWithRealKey({ amr: ['pwd'] });
      for (const token of [traveler.accessToken, owner.accessToken, passwordOnlyAdmin]) {
        const res = await call(method, path, token, { role: 'admin' });
        expect(res.status).toBe(403);
      }
    },
  );

  test.each(ADMIN_ROUTES)(
    'When %s %s comes with no token or a forged, expired or foreign one, then it is 401',
    async (method, path) => {
      const { keys } = (await fetch(`${service.url}/api/auth/.well-known/jwks.json`).then((r) => r.json())) as any;
      const publicKeyBytes = base64url.decode(keys[0].x as string);
      const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const forged = [
        '',
        new UnsecuredJWT({ sub: admin.id, sid: randomUUID(), jti: 'j', role: 'admin', amr: ['mfa'] }).encode(),
        // HS256 "signed" with our public key: the classic algorithm-confusion forgery.
        await new SignJWT({ sid: randomUUID(), role: 'admin', amr: ['mfa'] })
          .setProtectedHeader({ alg: 'HS256', kid: keys[0].kid, typ: 'at+jwt' })
          .setSubject(admin.id)
          .setJti('j')
          .setIssuer(TEST_CONFIG.TOKEN_ISSUER)
          .setAudience(TEST_CONFIG.TOKEN_AUDIENCE)
          .setExpirationTime('5m')
          .sign(publicKeyBytes),
        await signWithRealKey({}, { aud: 'another-app' }),
        await signWithRealKey({}, { iss: 'https://evil.example' }),
        await signWithRealKey({}, { exp: Math.floor(Date.now() / 1000) - 120 }),
        await new SignJWT({ sid: randomUUID(), role: 'admin', amr: ['mfa'] })
          .setProtectedHeader({ alg: 'EdDSA', kid: randomUUID(), typ: 'at+jwt' })
          .setSubject(admin.id)
          .setJti('j')
          .setIssuer(TEST_CONFIG.TOKEN_ISSUER)
          .setAudience(TEST_CONFIG.TOKEN_AUDIENCE)
          .setExpirationTime('5m')
          .sign(stranger.privateKey),
      ];
      for (const token of forged) {
        const res = await call(method, path, token, { role: 'admin' });
        expect(res.status).toBe(401);
      }
    },
  );
});

describe('admins managing users', () => {
  test('When an admin searches users, then matches come back a page at a time', async () => {
    const tag = randomUUID().slice(0, 8);
    for (let i = 0; i < 3; i++) {
      await authClient(service.url).call('POST', '/api/auth/register', {
        body: { email: `search-${tag}-${i}@example.test`, password: 'a long enough passphrase', role: 'owner' },
      });
    }
    const first = await call('GET', `/api/auth/admin/users?q=search-${tag}&limit=2`, admin.accessToken);
    expect(first).toMatchObject({
      status: 200,
      body: { items: [{ role: 'owner' }, { role: 'owner' }], nextCursor: expect.any(String) },
    });
    const second = await call(
      'GET',
      `/api/auth/admin/users?q=search-${tag}&limit=2&cursor=${first.body.nextCursor}`,
      admin.accessToken,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const bad = await call('GET', '/api/auth/admin/users?limit=500&cursor=zzz&role=king', admin.accessToken);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['cursor', 'limit', 'role']);
  });

  test('When an admin disables a user, then every session of theirs is refused at once and sign-in is refused', async () => {
    const user = await givenASignedInUser(service);
    const res = await call('PATCH', `/api/auth/admin/users/${user.id}`, admin.accessToken, { disabled: true });
    expect(res).toMatchObject({ status: 200, body: { disabled: true, sessions: [] } });
    expect((await call('GET', '/api/auth/me', user.accessToken)).status).toBe(401);
    expect((await user.client.refresh()).status).toBe(401);
    const login = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(login.status).toBe(403);
    await call('PATCH', `/api/auth/admin/users/${user.id}`, admin.accessToken, { disabled: false });
    expect(
      (
        await authClient(service.url).call('POST', '/api/auth/login', {
          body: { email: user.email, password: user.password },
        })
      ).status,
    ).toBe(200);
  });

  test('When an admin changes a role, then the old tokens stop working and the new role shows at next sign-in', async () => {
    const user = await givenASignedInUser(service);
    const res = await call('PATCH', `/api/auth/admin/users/${user.id}`, admin.accessToken, { role: 'owner' });
    expect(res).toMatchObject({ status: 200, body: { role: 'owner' } });
    expect((await call('GET', '/api/auth/me', user.accessToken)).status).toBe(401);
    const login = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(login.body.user.role).toBe('owner');
  });

  test('When an admin tries to disable or demote themself, then it is refused', async () => {
    const res = await call('PATCH', `/api/auth/admin/users/${admin.id}`, admin.accessToken, { disabled: true });
    expect(res).toMatchObject({ status: 409, body: { type: '/problems/cannot-change-own-access' } });
  });

  test('When an admin deletes a user, then the user is gone and the audit log says who did it', async () => {
    const user = await givenASignedInUser(service);
    expect((await call('DELETE', `/api/auth/admin/users/${user.id}`, admin.accessToken)).status).toBe(204);
    expect((await call('GET', `/api/auth/admin/users/${user.id}`, admin.accessToken)).status).toBe(404);
    const audit = await call(
      'GET',
      `/api/auth/admin/audit?userId=${user.id}&event=admin.user_deleted`,
      admin.accessToken,
    );
    expect(audit.body.items).toEqual([
      expect.objectContaining({ event: 'admin.user_deleted', actorId: admin.id, userId: user.id }),
    ]);
  });

  test('When a body or id is malformed, then it is a 400 naming the field', async () => {
    expect((await call('GET', '/api/auth/admin/users/not-a-uuid', admin.accessToken)).body.errors[0].field).toBe('id');
    const empty = await call('PATCH', `/api/auth/admin/users/${admin.id}`, admin.accessToken, {});
    expect(empty.status).toBe(400);
    const badRole = await call('PATCH', `/api/auth/admin/users/${admin.id}`, admin.accessToken, { role: 'root' });
    expect(badRole.body.errors[0]).toMatchObject({ field: 'role' });
  });
});

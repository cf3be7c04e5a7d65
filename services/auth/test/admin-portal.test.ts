import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchClient } from '../src/clients/search.client.ts';
import { insertUser } from '../src/data/user.repository.ts';
import { authClient, givenASignedInUser, type SignedInUser } from './auth-client.ts';
import { givenAnAuthService, type AuthTestService } from './given-an-auth-service.ts';

let service: AuthTestService;
let admin: SignedInUser;
beforeAll(async () => {
  service = await givenAnAuthService();
  admin = await givenASignedInUser(service, { role: 'admin' });
});
afterAll(() => service.close());

const call = (method: string, path: string, token: string, body?: unknown) =>
  authClient(service.url).call(method, path, { token, ...(body !== undefined ? { body } : {}) });

describe('GET /api/auth/admin/users (filters)', () => {
  test('When an admin filters by status and 2FA and sorts by email, then the page and total say so', async () => {
    const tag = randomUUID().slice(0, 8);
    const locked = await givenASignedInUser(service, { role: 'owner' });
    await insertUser(service.db, {
      email: `b-${tag}@example.test`,
      passwordHash: null,
      role: 'traveler',
      verified: false,
    });
    await insertUser(service.db, {
      email: `a-${tag}@example.test`,
      passwordHash: null,
      role: 'traveler',
      verified: true,
    });
    await call('PATCH', `/api/auth/admin/users/${locked.id}`, admin.accessToken, {
      disabled: true,
      reason: 'chargebacks',
    });

    const byEmail = await call('GET', `/api/auth/admin/users?q=${tag}&sort=email`, admin.accessToken);
    expect(byEmail).toMatchObject({ status: 200, body: { total: 2 } });
    expect(byEmail.body.items.map((u: { email: string }) => u.email)).toEqual([
      `a-${tag}@example.test`,
      `b-${tag}@example.test`,
    ]);
    const unverified = await call('GET', `/api/auth/admin/users?q=${tag}&status=unverified`, admin.accessToken);
    expect(unverified.body).toMatchObject({ total: 1, items: [{ email: `b-${tag}@example.test`, disabled: false }] });
    const isLocked = await call('GET', `/api/auth/admin/users?q=${locked.email}&status=locked`, admin.accessToken);
    expect(isLocked.body).toMatchObject({
      total: 1,
      items: [{ id: locked.id, disabled: true, lastSignInAt: expect.any(String) }],
    });
    const withTotp = await call('GET', `/api/auth/admin/users?q=${admin.email}&twoFactor=on`, admin.accessToken);
    expect(withTotp.body.total).toBe(1);
    const audit = await call(
      'GET',
      `/api/auth/admin/audit?userId=${locked.id}&event=admin.user_disabled`,
      admin.accessToken,
    );
    expect(audit.body.items).toMatchObject([
      {
        details: { reason: 'chargebacks' },
        user: { id: locked.id, email: locked.email },
        actor: { email: admin.email },
      },
    ]);
  });

  test('When users are sorted by last sign-in, then pages follow it without repeats', async () => {
    const tag = randomUUID().slice(0, 8);
    for (let i = 0; i < 3; i++) {
      await insertUser(service.db, {
        email: `s${i}-${tag}@example.test`,
        passwordHash: null,
        role: 'traveler',
        verified: true,
      });
    }
    const first = await call('GET', `/api/auth/admin/users?q=${tag}&sort=lastSignInAt&limit=2`, admin.accessToken);
    const next = await call(
      'GET',
      `/api/auth/admin/users?q=${tag}&sort=lastSignInAt&limit=2&cursor=${first.body.nextCursor}`,
      admin.accessToken,
    );
    const emails = [...first.body.items, ...next.body.items].map((u: { email: string }) => u.email);
    expect(new Set(emails).size).toBe(3);
    expect(next.body.nextCursor).toBeNull();
  });
});

describe('POST /api/auth/admin/users/:id/sessions/revoke', () => {
  test('When an admin signs a user out everywhere, then their tokens stop working but the account stays open', async () => {
    const user = await givenASignedInUser(service);
    const res = await call('POST', `/api/auth/admin/users/${user.id}/sessions/revoke`, admin.accessToken, {});
    expect(res).toMatchObject({ status: 200, body: { endedSessions: 1 } });
    expect((await call('GET', '/api/auth/me', user.accessToken)).status).toBe(401);
    const again = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(again.status).toBe(200);
    const audit = await call(
      'GET',
      `/api/auth/admin/audit?actorId=${admin.id}&event=admin.sessions_revoked`,
      admin.accessToken,
    );
    expect(audit.body.items[0]).toMatchObject({ user: { id: user.id }, details: { sessions: [user.sessionId] } });
  });

  test('When the session is not theirs or the caller is not an admin, then 404 or 403', async () => {
    const user = await givenASignedInUser(service);
    const unknown = await call('POST', `/api/auth/admin/users/${user.id}/sessions/revoke`, admin.accessToken, {
      sessionId: randomUUID(),
    });
    expect(unknown.status).toBe(404);
    const refused = await call('POST', `/api/auth/admin/users/${admin.id}/sessions/revoke`, user.accessToken, {});
    expect(refused.status).toBe(403);
  });
});

describe('POST /internal/users/lookup', () => {
  test('When a service asks who users are, then it gets their email and name; without the credential, 401', async () => {
    const user = await givenASignedInUser(service, { role: 'owner' });
    const ask = (token: string, body: unknown) =>
      fetch(`${service.url}/internal/users/lookup`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const res = await ask(service.serviceToken, { ids: [user.id], emails: [admin.email.toUpperCase()] });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string; email: string; role: string }[] };
    expect(items.map((u) => u.email).sort()).toEqual([admin.email, user.email].sort());
    expect((await ask('not-the-credential', { ids: [user.id] })).status).toBe(401);
    expect((await ask(service.serviceToken, {})).status).toBe(400);
  });
});

describe('DELETE /api/auth/admin/users/:id (an owner)', () => {
  test("When an admin deletes an owner, then search is told with the services' credential; a traveler's deletion tells nobody", async () => {
    const told: { path: string; authorization: string | undefined }[] = [];
    // Search's internal route, as search answers it: the listings are its business, the call is auth's.
    const search = createServer((req, res) => {
      told.push({ path: req.url ?? '', authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"suspended":1,"rejected":0}');
    });
    await new Promise<void>((resolve) => search.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(search.address() as AddressInfo).port}`;
    const withSearch = await givenAnAuthService({
      ownerDeleted: searchClient({ url, serviceToken: 'the-services-credential-0123456789abcdef' }).ownerDeleted,
    });
    try {
      const boss = await givenASignedInUser(withSearch, { role: 'admin' });
      const owner = await givenASignedInUser(withSearch, { role: 'owner' });
      const traveler = await givenASignedInUser(withSearch);
      const del = (id: string) =>
        authClient(withSearch.url).call('DELETE', `/api/auth/admin/users/${id}`, { token: boss.accessToken });
      expect((await del(owner.id)).status).toBe(204);
      expect((await del(traveler.id)).status).toBe(204);
      expect(told).toEqual([
        {
          path: `/internal/owners/${owner.id}/deleted`,
          authorization: 'Bearer the-services-credential-0123456789abcdef',
        },
      ]);
    } finally {
      await withSearch.close();
      await new Promise((resolve) => search.close(resolve));
    }
  });
});

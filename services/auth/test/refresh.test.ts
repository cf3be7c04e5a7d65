import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authClient, givenASignedInUser } from './auth-client.ts';
import { givenAnAuthService, type AuthTestService } from './given-an-auth-service.ts';

let service: AuthTestService;
beforeAll(async () => {
  service = await givenAnAuthService();
});
afterAll(() => service.close());

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const me = (token: string) => authClient(service.url).call('GET', '/api/auth/me', { token });

describe('POST /api/auth/refresh', () => {
  test('When the cookie is current, then it rotates: a new cookie, a new access token, the old cookie spent', async () => {
    const user = await givenASignedInUser(service);
    const first = user.client.cookie!;
    const res = await user.client.refresh();
    expect(res).toMatchObject({ status: 200, body: { accessToken: expect.any(String), sessionId: user.sessionId } });
    expect(user.client.cookie).not.toBe(first);
    expect((await me(res.body.accessToken)).status).toBe(200);
  });

  test('When two tabs refresh with the same cookie at once, then both succeed and get the same successor', async () => {
    const user = await givenASignedInUser(service);
    const cookie = user.client.cookie;
    const tabs = Array.from({ length: 5 }, () => {
      const tab = authClient(service.url);
      tab.cookie = cookie;
      return tab;
    });
    const replies = await Promise.all(tabs.map((t) => t.refresh()));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(tabs.map((t) => t.cookie)).size).toBe(1);
    expect(tabs[0]!.cookie).not.toBe(cookie);
    // The family continues from the shared successor.
    expect((await tabs[0]!.refresh()).status).toBe(200);
  });

  test('When a spent cookie is replayed after the grace window, then the whole session is revoked, its tokens denied, and the user told', async () => {
    const user = await givenASignedInUser(service);
    const stolen = user.client.cookie;
    const rotated = await user.client.refresh();
    expect(rotated.status).toBe(200);
    service.advance(21_000); // past the 20 s grace

    const attacker = authClient(service.url);
    attacker.cookie = stolen;
    const replay = await attacker.refresh();
    expect(replay).toMatchObject({ status: 401, body: { type: '/problems/invalid-refresh-token' } });
    expect(replay.setCookie).toMatch(/tw_rt=;/); // cleared

    // The legitimate holder is out too (the family is gone), and the session's live access token is refused.
    expect((await user.client.refresh()).status).toBe(401);
    const denied = await me(rotated.body.accessToken);
    expect(denied).toMatchObject({ status: 401, body: { type: '/problems/session-revoked' } });
    const { rows } = await service.db.query(
      `SELECT event FROM audit_events WHERE user_id = $1 AND event = 'refresh.reuse_detected'`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect((await service.mailTo(user.email)).map((m) => m.subject)).toContain(
      'We signed you out of a Tripwise session',
    );
    // A late replay of any token of the family still meets the tombstone, not a fresh start.
    expect((await attacker.refresh()).status).toBe(401);
  });

  test('When a token two generations old comes back, even inside the grace window, then it is reuse', async () => {
    const user = await givenASignedInUser(service);
    const generation0 = user.client.cookie;
    await user.client.refresh();
    await user.client.refresh();
    const old = authClient(service.url);
    old.cookie = generation0;
    expect((await old.refresh()).status).toBe(401);
    expect((await user.client.refresh()).status).toBe(401);
  });

  test('When the successor has been used, then the predecessor no longer gets the grace answer', async () => {
    const user = await givenASignedInUser(service);
    const predecessor = user.client.cookie;
    await user.client.refresh();
    await user.client.refresh(); // the successor was used: the window for its predecessor is closed
    const late = authClient(service.url);
    late.cookie = predecessor;
    expect((await late.refresh()).status).toBe(401);
  });

  test('When the session passes its absolute lifetime, then refresh is refused however recently it was used', async () => {
    const user = await givenASignedInUser(service); // traveler: 30 days at most
    service.advance(29 * 86_400_000);
    expect((await user.client.refresh()).status).toBe(200);
    service.advance(2 * 86_400_000);
    expect((await user.client.refresh()).status).toBe(401);
    service.advance(-31 * 86_400_000);
  });

  test('When a session is refreshed, then its stored lifetime only extends, and never past the absolute cap', async () => {
    const user = await givenASignedInUser(service, { role: 'admin' }); // admin: idle 30 min, absolute 8 h
    const fid = user.client.cookie!.split('.')[0]!;
    const ttlAfterSignIn = (await service.kv.ttl(`auth:rtf:${fid}`))!;
    expect(ttlAfterSignIn).toBeLessThanOrEqual(30 * 60_000);
    service.advance(8 * 3_600_000 - 60_000); // one minute before the cap
    const refreshed = await user.client.refresh();
    expect(refreshed.status).toBe(200);
    const ttl = (await service.kv.ttl(`auth:rtf:${user.client.cookie!.split('.')[0]}`))!;
    expect(ttl).toBeLessThanOrEqual(60_000);
    service.advance(-(8 * 3_600_000 - 60_000));
  });

  test('When the cookie is missing, malformed or unknown, then it is a 401 and nothing else happens', async () => {
    const client = authClient(service.url);
    expect((await client.refresh()).body.detail).toMatch(/No session cookie/);
    client.cookie = 'garbage';
    expect((await client.refresh()).status).toBe(401);
    client.cookie = `${'A'.repeat(22)}.${'B'.repeat(43)}`;
    expect((await client.refresh()).status).toBe(401);
  });

  test('When refresh is posted as a form (cross-site), then it is refused with 415', async () => {
    const user = await givenASignedInUser(service);
    const res = await user.client.call('POST', '/api/auth/refresh', {
      body: 'x=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
  });
});

describe('sessions', () => {
  test('When a user lists sessions, then each shows device, IP, created and last used, and which one is this', async () => {
    const user = await givenASignedInUser(service);
    const other = authClient(service.url);
    await other.call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
      headers: { 'user-agent': IPHONE },
    });
    const res = await user.client.call('GET', '/api/auth/sessions', { token: user.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sessionId: user.sessionId, current: true }),
        expect.objectContaining({
          current: false,
          userAgent: IPHONE,
          device: 'Safari on iOS',
          ip: expect.any(String),
          createdAt: expect.any(Number),
          lastUsedAt: expect.any(Number),
        }),
      ]),
    );
  });

  test('When one session is revoked, then its refresh and access tokens stop working and the others go on', async () => {
    const user = await givenASignedInUser(service);
    const phone = authClient(service.url);
    const phoneLogin = await phone.call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    const revoke = await user.client.call('DELETE', `/api/auth/sessions/${phoneLogin.body.sessionId}`, {
      token: user.accessToken,
    });
    expect(revoke.status).toBe(204);
    expect((await phone.refresh()).status).toBe(401);
    expect((await me(phoneLogin.body.accessToken)).status).toBe(401);
    expect((await me(user.accessToken)).status).toBe(200);
  });

  test("When a user names another user's session, then it is 404 and that session lives on", async () => {
    const alice = await givenASignedInUser(service);
    const bob = await givenASignedInUser(service);
    const res = await alice.client.call('DELETE', `/api/auth/sessions/${bob.sessionId}`, { token: alice.accessToken });
    expect(res.status).toBe(404);
    expect((await me(bob.accessToken)).status).toBe(200);
  });

  test('When "sign out all others" is used, then only the current session remains', async () => {
    const user = await givenASignedInUser(service);
    const others = [authClient(service.url), authClient(service.url)];
    for (const o of others) {
      await o.call('POST', '/api/auth/login', { body: { email: user.email, password: user.password } });
    }
    const res = await user.client.call('POST', '/api/auth/sessions/revoke-others', { token: user.accessToken });
    expect(res).toMatchObject({ status: 200, body: { endedSessions: 2 } });
    for (const o of others) expect((await o.refresh()).status).toBe(401);
    expect((await user.client.refresh()).status).toBe(200);
  });

  test('When the user logs out, then the cookie is cleared and that session ends', async () => {
    const user = await givenASignedInUser(service);
    const cookie = user.client.cookie;
    const res = await user.client.call('POST', '/api/auth/logout', { body: {} });
    expect(res.status).toBe(204);
    expect(res.setCookie).toMatch(/tw_rt=;/);
    expect(res.setCookie).toMatch(/tw_session=;.*Expires=Thu, 01 Jan 1970/);
    const replay = authClient(service.url);
    replay.cookie = cookie;
    expect((await replay.refresh()).status).toBe(401);
    expect((await me(user.accessToken)).status).toBe(401);
  });

  test('When the user logs out everywhere, then every session and access token is refused', async () => {
    const user = await givenASignedInUser(service);
    const laptop = authClient(service.url);
    const laptopLogin = await laptop.call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    const res = await user.client.call('POST', '/api/auth/logout-all', { token: user.accessToken });
    expect(res).toMatchObject({ status: 200, body: { endedSessions: 2 } });
    expect((await me(user.accessToken)).status).toBe(401);
    expect((await me(laptopLogin.body.accessToken)).status).toBe(401);
    expect((await laptop.refresh()).status).toBe(401);
  });

  test('When the gateway asks about a session with the service credential, then the internal deny-list check answers; without it, it is refused', async () => {
    const user = await givenASignedInUser(service);
    const url = `${service.url}/internal/sessions/${user.sessionId}/denied`;
    const check = () =>
      fetch(url, { headers: { authorization: `Bearer ${service.serviceToken}` } }).then((r) => r.json());
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${user.accessToken}` } })).status).toBe(401);
    expect(await check()).toEqual({ denied: false });
    await user.client.call('POST', '/api/auth/logout', { body: {} });
    expect(await check()).toEqual({ denied: true });
  });
});

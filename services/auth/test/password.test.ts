import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { currentTotpCode } from '../src/domain/two-factor/totp.ts';
import { authClient, givenASignedInUser, uniqueEmail } from './auth-client.ts';
import { givenAnAuthService, type AuthTestService } from './given-an-auth-service.ts';

let service: AuthTestService;
beforeAll(async () => {
  service = await givenAnAuthService();
});
afterAll(() => service.close());

const NEW_PASSWORD = 'a brand new long passphrase';
const post = (path: string, body: unknown, token?: string) =>
  authClient(service.url).call('POST', path, { body, ...(token ? { token } : {}) });

async function resetLinkFor(email: string): Promise<string> {
  await post('/api/auth/password/forgot', { email });
  const mails = (await service.mailTo(email)).filter((m) => m.subject === 'Reset your Tripwise password');
  return mails[mails.length - 1]!.token!;
}

describe('POST /api/auth/password/forgot', () => {
  test('When any email asks, then the answer is the same; only a real account gets a link', async () => {
    const user = await givenASignedInUser(service);
    const known = await post('/api/auth/password/forgot', { email: user.email });
    const unknownEmail = uniqueEmail();
    const unknown = await post('/api/auth/password/forgot', { email: unknownEmail });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(await service.mailTo(unknownEmail)).toEqual([]);
    const [mail] = await service.mailTo(user.email);
    expect(mail!.text).toMatch(/\/reset-password#token=/);
  });

  test('When one email asks too often, then it is limited (whether or not the account exists)', async () => {
    const email = uniqueEmail();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post('/api/auth/password/forgot', { email })).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});

describe('POST /api/auth/password/reset', () => {
  test('When the link is used, then the password changes, every session ends, nobody is signed in, and the link is spent', async () => {
    const user = await givenASignedInUser(service);
    const token = await resetLinkFor(user.email);
    const res = await post('/api/auth/password/reset', { token, password: NEW_PASSWORD });
    expect(res).toMatchObject({ status: 200, body: { status: 'password-reset' } });
    expect(res.body).not.toHaveProperty('accessToken');
    expect(res.setCookie).toBeNull();
    expect((await user.client.refresh()).status).toBe(401);
    expect((await authClient(service.url).call('GET', '/api/auth/me', { token: user.accessToken })).status).toBe(401);
    expect((await post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(401);
    expect((await post('/api/auth/login', { email: user.email, password: NEW_PASSWORD })).status).toBe(200);
    expect((await post('/api/auth/password/reset', { token, password: 'yet another passphrase' })).status).toBe(400);
    expect((await service.mailTo(user.email)).map((m) => m.subject)).toContain('Your Tripwise password was changed');
  });

  test('When a newer link is used, then older ones stop working too', async () => {
    const user = await givenASignedInUser(service);
    const older = await resetLinkFor(user.email);
    const newer = await resetLinkFor(user.email);
    expect((await post('/api/auth/password/reset', { token: newer, password: NEW_PASSWORD })).status).toBe(200);
    expect(
      (await post('/api/auth/password/reset', { token: older, password: 'another new passphrase' })).body.type,
    ).toBe('/problems/invalid-or-expired-link');
  });

  test('When the link is older than 30 minutes, then it has expired', async () => {
    const user = await givenASignedInUser(service);
    service.advance(-31 * 60_000); // the link is made "31 minutes ago"
    const token = await resetLinkFor(user.email);
    service.advance(31 * 60_000);
    expect((await post('/api/auth/password/reset', { token, password: NEW_PASSWORD })).status).toBe(400);
  });

  test('When the password changed after the link was sent, then the link is void', async () => {
    const user = await givenASignedInUser(service);
    const token = await resetLinkFor(user.email);
    const change = await post(
      '/api/auth/password/change',
      { currentPassword: user.password, newPassword: NEW_PASSWORD },
      user.accessToken,
    );
    expect(change.status).toBe(200);
    expect((await post('/api/auth/password/reset', { token, password: 'one more new passphrase' })).status).toBe(400);
  });

  test('When 2FA is on, then the reset needs a code, and a missing or wrong one does not spend the link', async () => {
    const user = await givenASignedInUser(service, { totp: true });
    const token = await resetLinkFor(user.email);
    const noCode = await post('/api/auth/password/reset', { token, password: NEW_PASSWORD });
    expect(noCode).toMatchObject({
      status: 400,
      body: { type: '/problems/second-factor-required', errors: [{ field: 'code' }] },
    });
    expect((await post('/api/auth/password/reset', { token, password: NEW_PASSWORD, code: '000000' })).status).toBe(
      401,
    );
    const code = currentTotpCode(user.totpSecret!, Date.now() + 30_000);
    expect((await post('/api/auth/password/reset', { token, password: NEW_PASSWORD, code })).status).toBe(200);
  });

  test('When the new password is weak, then it is refused by field and the link still works', async () => {
    const user = await givenASignedInUser(service);
    const token = await resetLinkFor(user.email);
    const weak = await post('/api/auth/password/reset', { token, password: 'qwertyuiop123' });
    expect(weak).toMatchObject({ status: 400, body: { errors: [{ field: 'password', message: /common/ }] } });
    expect((await post('/api/auth/password/reset', { token, password: NEW_PASSWORD })).status).toBe(200);
  });

  test.each([{ token: 'short' }, { token: 'x'.repeat(43) + '!' }, {}])(
    'When the body is %j, then it is a 400 naming the field',
    async (body) => {
      const res = await post('/api/auth/password/reset', { password: NEW_PASSWORD, ...body });
      expect(res).toMatchObject({ status: 400, body: { errors: [{ field: 'token' }] } });
    },
  );
});

describe('POST /api/auth/password/change', () => {
  test('When the current password is right, then it changes and other sessions end unless kept', async () => {
    const user = await givenASignedInUser(service);
    const laptop = authClient(service.url);
    await laptop.call('POST', '/api/auth/login', { body: { email: user.email, password: user.password } });
    const res = await post(
      '/api/auth/password/change',
      { currentPassword: user.password, newPassword: NEW_PASSWORD },
      user.accessToken,
    );
    expect(res).toMatchObject({ status: 200, body: { endedSessions: 1 } });
    expect((await laptop.refresh()).status).toBe(401);
    expect((await user.client.refresh()).status).toBe(200);
  });

  test('When the current password is wrong, then nothing changes', async () => {
    const user = await givenASignedInUser(service);
    const res = await post(
      '/api/auth/password/change',
      { currentPassword: 'wrong wrong wrong', newPassword: NEW_PASSWORD },
      user.accessToken,
    );
    expect(res).toMatchObject({ status: 401, body: { errors: [{ field: 'currentPassword' }] } });
    expect((await post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(200);
  });

  test('When called without a token, then it is 401', async () => {
    expect((await post('/api/auth/password/change', { currentPassword: 'a', newPassword: NEW_PASSWORD })).status).toBe(
      401,
    );
  });
});

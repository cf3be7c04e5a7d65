import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authClient, GOOD_PASSWORD, uniqueEmail } from './auth-client.ts';
import { givenAnAuthService, type AuthTestService } from './given-an-auth-service.ts';

let service: AuthTestService;
beforeAll(async () => {
  service = await givenAnAuthService();
});
afterAll(() => service.close());

describe('POST /api/auth/register', () => {
  test('When a new email registers, then it answers 202, mails a verification link, and the link verifies it once', async () => {
    const client = authClient(service.url);
    const email = uniqueEmail();
    const res = await client.call('POST', '/api/auth/register', {
      body: { email, password: GOOD_PASSWORD, role: 'owner', firstName: 'Ann' },
    });
    expect(res).toMatchObject({ status: 202, body: { status: 'pending-verification' } });
    const [mail] = await service.mailTo(email);
    expect(mail).toMatchObject({ subject: 'Confirm your email for Tripwise', token: expect.any(String) });

    const verified = await client.call('POST', '/api/auth/email/verify', { body: { token: mail!.token } });
    expect(verified).toMatchObject({ status: 200, body: { status: 'verified' } });
    const again = await client.call('POST', '/api/auth/email/verify', { body: { token: mail!.token } });
    expect(again).toMatchObject({ status: 400, body: { type: '/problems/invalid-or-expired-link' } });

    const login = await client.call('POST', '/api/auth/login', { body: { email, password: GOOD_PASSWORD } });
    expect(login.body.user).toMatchObject({ email, role: 'owner', firstName: 'Ann', emailVerified: true });
  });

  test('When an existing email registers again, then the answer is identical and the owner is told by email', async () => {
    const email = uniqueEmail();
    const first = await authClient(service.url).call('POST', '/api/auth/register', {
      body: { email, password: GOOD_PASSWORD },
    });
    const second = await authClient(service.url).call('POST', '/api/auth/register', {
      body: { email: email.toUpperCase(), password: 'another long passphrase' },
    });
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    const mails = await service.mailTo(email);
    expect(mails.map((m) => m.subject)).toEqual([
      'Confirm your email for Tripwise',
      'You already have a Tripwise account',
    ]);
    // The second password did not replace the first.
    const login = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email, password: GOOD_PASSWORD },
    });
    expect(login.status).toBe(200);
  });

  test.each([
    [{ password: 'short1' }, 'password', /at least 8/],
    [{ password: 'elevenchars' }, 'password', /at least 12/],
    [{ password: 'password1234' }, 'password', /most common/],
    [{ password: 'x'.repeat(129) }, 'password', /at most 128/],
    [{ email: 'not-an-email' }, 'email', /valid email/],
    [{ role: 'admin' }, 'role', /.+/],
    [{ nickname: 'x' }, '(root)', /nickname/],
  ])('When the body is %j, then it answers 400 naming %s', async (change, field, message) => {
    const body = { email: uniqueEmail(), password: GOOD_PASSWORD, ...change };
    const res = await authClient(service.url).call('POST', '/api/auth/register', { body });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'body', field, message: expect.stringMatching(message) })]),
    );
  });

  test('When the password contains the email name, then it is refused', async () => {
    const email = `marguerite-${Date.now()}@example.test`;
    const res = await authClient(service.url).call('POST', '/api/auth/register', {
      body: { email, password: `${email.split('@')[0]}-travels` },
    });
    expect(res).toMatchObject({ status: 400, body: { errors: [{ field: 'password', message: /email/ }] } });
  });

  test('When a verification link is asked again, then every email gets the same answer and only real unverified accounts a mail', async () => {
    const email = uniqueEmail();
    await authClient(service.url).call('POST', '/api/auth/register', { body: { email, password: GOOD_PASSWORD } });
    const known = await authClient(service.url).call('POST', '/api/auth/email/resend', { body: { email } });
    const unknown = await authClient(service.url).call('POST', '/api/auth/email/resend', {
      body: { email: uniqueEmail() },
    });
    expect(known).toMatchObject({ status: 202 });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    const [first, second] = await service.mailTo(email);
    expect(second?.token).toBeDefined();
    // The newest link works and voids the older one.
    expect(
      (await authClient(service.url).call('POST', '/api/auth/email/verify', { body: { token: second!.token } })).status,
    ).toBe(200);
    expect(
      (await authClient(service.url).call('POST', '/api/auth/email/verify', { body: { token: first!.token } })).status,
    ).toBe(400);
  });
});

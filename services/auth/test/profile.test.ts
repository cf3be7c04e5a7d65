import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authClient, givenASignedInUser } from './auth-client.ts';
import { givenAnAuthService, type AuthTestService } from './given-an-auth-service.ts';

let service: AuthTestService;
beforeAll(async () => {
  service = await givenAnAuthService();
});
afterAll(() => service.close());

const FULL_PROFILE = {
  firstName: 'Ann',
  lastName: 'Lee',
  address: '1 Beacon St',
  city: 'Boston',
  state: 'massachusetts',
  zip: '02108-1234',
  phone: '(617) 555-0100',
  profileImageUrl: 'https://images.example.test/ann.png',
  preferences: { homeAirport: 'BOS', cabin: 'business', seat: 'aisle', currency: 'USD', dealAlerts: true },
};

describe('/api/auth/me', () => {
  test('When every attribute is changed, then each is saved, normalised, and read back', async () => {
    const user = await givenASignedInUser(service);
    const res = await user.client.call('PATCH', '/api/auth/me', { token: user.accessToken, body: FULL_PROFILE });
    expect(res.status).toBe(200);
    const read = await user.client.call('GET', '/api/auth/me', { token: user.accessToken });
    expect(read.body).toMatchObject({
      ...FULL_PROFILE,
      state: 'MA',
      phone: '+16175550100',
      email: user.email,
      role: 'traveler',
      twoFactor: { enabled: false, required: false },
    });
    expect(JSON.stringify(read.body)).not.toMatch(/password|totp|hash/i);
  });

  test('When an attribute is set to null, then it is cleared; preferences merge', async () => {
    const user = await givenASignedInUser(service);
    await user.client.call('PATCH', '/api/auth/me', { token: user.accessToken, body: FULL_PROFILE });
    const res = await user.client.call('PATCH', '/api/auth/me', {
      token: user.accessToken,
      body: { address: null, preferences: { seat: 'window' } },
    });
    expect(res.body).toMatchObject({
      address: null,
      city: 'Boston',
      preferences: { seat: 'window', homeAirport: 'BOS' },
    });
  });

  test('When a preference is set to null, then it is removed and the others stay', async () => {
    const user = await givenASignedInUser(service);
    await user.client.call('PATCH', '/api/auth/me', { token: user.accessToken, body: FULL_PROFILE });
    const res = await user.client.call('PATCH', '/api/auth/me', {
      token: user.accessToken,
      body: { preferences: { cabin: null, currency: null } },
    });
    expect(res.status).toBe(200);
    expect(res.body.preferences).toEqual({ homeAirport: 'BOS', seat: 'aisle', dealAlerts: true });
    const reread = await user.client.call('GET', '/api/auth/me', { token: user.accessToken });
    expect(reread.body.preferences).toEqual({ homeAirport: 'BOS', seat: 'aisle', dealAlerts: true });
  });

  test.each([
    [{ state: 'Atlantis' }, 'state', /US state/],
    [{ state: 'XX' }, 'state', /US state/],
    [{ zip: '1234' }, 'zip', /ZIP/],
    [{ zip: '12345-67' }, 'zip', /ZIP/],
    [{ phone: '12' }, 'phone', /phone/],
    [{ profileImageUrl: 'http://insecure.example/a.png' }, 'profileImageUrl', /https/],
    [{ profileImageUrl: 'javascript:alert(1)' }, 'profileImageUrl', /https/],
    [{ preferences: { homeAirport: 'Boston' } }, 'preferences.homeAirport', /airport code/],
    [{ email: 'new@example.test' }, '(root)', /email/],
    [{ role: 'admin' }, '(root)', /role/],
  ])('When the patch is %j, then it is a 400 naming %s', async (patch, field, message) => {
    const user = await givenASignedInUser(service);
    const res = await user.client.call('PATCH', '/api/auth/me', { token: user.accessToken, body: patch });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ in: 'body', field, message: expect.stringMatching(message) }),
    ]);
  });

  test.each(['GET', 'PATCH', 'DELETE'])('When %s /me comes without a valid token, then it is 401', async (method) => {
    const res = await authClient(service.url).call(method, '/api/auth/me', { token: 'not.a.token', body: {} });
    expect(res.status).toBe(401);
  });

  test('When the account is deleted with its password, then its sessions end and it cannot sign in again', async () => {
    const user = await givenASignedInUser(service);
    const wrong = await user.client.call('DELETE', '/api/auth/me', {
      token: user.accessToken,
      body: { password: 'nope nope nope' },
    });
    expect(wrong.status).toBe(401);
    const res = await user.client.call('DELETE', '/api/auth/me', {
      token: user.accessToken,
      body: { password: user.password },
    });
    expect(res.status).toBe(204);
    expect((await user.client.call('GET', '/api/auth/me', { token: user.accessToken })).status).toBe(401);
    expect((await user.client.refresh()).status).toBe(401);
    const login = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(login.status).toBe(401);
  });
});

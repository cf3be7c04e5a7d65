import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { currentTotpCode } from '../src/domain/two-factor/totp.ts';
import { authClient, givenASignedInUser, type SignedInUser } from './auth-client.ts';
import { givenAnAuthService, type AuthTestService } from './given-an-auth-service.ts';

let service: AuthTestService;
beforeAll(async () => {
  service = await givenAnAuthService();
});
afterAll(() => service.close());

async function enrol(user: SignedInUser) {
  const setup = await user.client.call('POST', '/api/auth/2fa/setup', { token: user.accessToken });
  const secret: string = setup.body.secret;
  const enabled = await user.client.call('POST', '/api/auth/2fa/enable', {
    token: user.accessToken,
    body: { code: currentTotpCode(secret) },
  });
  return { setup, enabled, secret };
}

// A code from a later step than any used so far (codes at or before the last used step are refused).
const nextStepCode = (secret: string) => currentTotpCode(secret, Date.now() + 30_000);

describe('two-factor enrolment', () => {
  test('When a user sets up 2FA, then they get an otpauth URI and a QR code, and nothing is active until a code confirms it', async () => {
    const user = await givenASignedInUser(service);
    const setup = await user.client.call('POST', '/api/auth/2fa/setup', { token: user.accessToken });
    expect(setup).toMatchObject({
      status: 200,
      body: {
        secret: expect.stringMatching(/^[A-Z2-7]{32}$/),
        otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\/Tripwise:.+\?secret=[A-Z2-7]{32}&issuer=Tripwise/),
        qrCodeDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
      },
    });
    const me = await user.client.call('GET', '/api/auth/me', { token: user.accessToken });
    expect(me.body.twoFactor).toMatchObject({ enabled: false, backupCodesLeft: 0 });
    const wrong = await user.client.call('POST', '/api/auth/2fa/enable', {
      token: user.accessToken,
      body: { code: '000000' },
    });
    expect(wrong).toMatchObject({ status: 401, body: { type: '/problems/invalid-second-factor' } });
  });

  test('When the code confirms it, then 2FA is on, ten backup codes come back once, and the session is upgraded', async () => {
    const user = await givenASignedInUser(service);
    const { enabled } = await enrol(user);
    expect(enabled.status).toBe(200);
    expect(enabled.body.backupCodes).toHaveLength(10);
    expect(enabled.body.backupCodes[0]).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    expect(decodeJwt(enabled.body.accessToken).amr).toEqual(['pwd', 'otp', 'mfa']);
    // The password-only session gave way to the new one.
    expect((await authClient(service.url).call('GET', '/api/auth/me', { token: user.accessToken })).status).toBe(401);
    const me = await user.client.call('GET', '/api/auth/me', { token: enabled.body.accessToken });
    expect(me.body.twoFactor).toMatchObject({ enabled: true, backupCodesLeft: 10 });
    expect((await service.mailTo(user.email)).map((m) => m.subject)).toContain('Two-factor authentication enabled');
  });
});

describe('signing in with 2FA', () => {
  test('When the password is right, then the answer is a challenge, not tokens; a TOTP code completes it', async () => {
    const user = await givenASignedInUser(service);
    const { secret } = await enrol(user);
    const client = authClient(service.url);
    const first = await client.call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(first.body).toEqual({
      mfaRequired: true,
      challengeId: expect.any(String),
      expiresIn: 300,
      methods: ['totp', 'backup_code'],
    });
    expect(first.setCookie).toBeNull();
    const second = await client.call('POST', '/api/auth/login/mfa', {
      body: { challengeId: first.body.challengeId, code: nextStepCode(secret) },
    });
    expect(second.status).toBe(200);
    expect(decodeJwt(second.body.accessToken).amr).toEqual(['pwd', 'otp', 'mfa']);
  });

  test('When a TOTP code is used a second time, then it is refused', async () => {
    const user = await givenASignedInUser(service);
    const { secret } = await enrol(user);
    const code = currentTotpCode(secret); // already used by the enrolment itself
    const login = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    const replay = await authClient(service.url).call('POST', '/api/auth/login/mfa', {
      body: { challengeId: login.body.challengeId, code },
    });
    expect(replay).toMatchObject({ status: 401, body: { type: '/problems/invalid-second-factor' } });
  });

  test('When a backup code is used, then it works once and the count goes down', async () => {
    const user = await givenASignedInUser(service);
    const { enabled } = await enrol(user);
    const [code] = enabled.body.backupCodes as string[];
    const signIn = async (c: string) => {
      const login = await authClient(service.url).call('POST', '/api/auth/login', {
        body: { email: user.email, password: user.password },
      });
      return authClient(service.url).call('POST', '/api/auth/login/mfa', {
        body: { challengeId: login.body.challengeId, code: c },
      });
    };
    const ok = await signIn(code!.toLowerCase().replace('-', ' '));
    expect(ok.status).toBe(200);
    expect(decodeJwt(ok.body.accessToken).amr).toEqual(['pwd', 'mfa']);
    expect((await signIn(code!)).status).toBe(401);
    const me = await authClient(service.url).call('GET', '/api/auth/me', { token: ok.body.accessToken });
    expect(me.body.twoFactor.backupCodesLeft).toBe(9);
  });

  test('When the second step fails five times, then the challenge is gone and the password is needed again', async () => {
    const user = await givenASignedInUser(service);
    await enrol(user);
    const client = authClient(service.url);
    const login = await client.call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await client.call('POST', '/api/auth/login/mfa', {
            body: { challengeId: login.body.challengeId, code: '123456' },
          })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const after = await client.call('POST', '/api/auth/login/mfa', {
      body: { challengeId: login.body.challengeId, code: '123456' },
    });
    expect(after.body.type).toBe('/problems/mfa-challenge-expired');
  });

  test('When codes are regenerated, then the old ones stop working', async () => {
    const user = await givenASignedInUser(service);
    const { enabled, secret } = await enrol(user);
    const regenerated = await user.client.call('POST', '/api/auth/2fa/backup-codes', {
      token: enabled.body.accessToken,
      body: { code: nextStepCode(secret) },
    });
    expect(regenerated.body.backupCodes).toHaveLength(10);
    const login = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    const old = await authClient(service.url).call('POST', '/api/auth/login/mfa', {
      body: { challengeId: login.body.challengeId, code: enabled.body.backupCodes[0] },
    });
    expect(old.status).toBe(401);
  });
});

describe('turning 2FA off', () => {
  test('When the password and a code are given, then 2FA is off; without the code it stays on', async () => {
    const user = await givenASignedInUser(service);
    const { enabled } = await enrol(user);
    const token = enabled.body.accessToken;
    const noCode = await user.client.call('POST', '/api/auth/2fa/disable', {
      token,
      body: { password: user.password },
    });
    expect(noCode).toMatchObject({ status: 400, body: { errors: [{ field: 'code' }] } });
    const wrongPassword = await user.client.call('POST', '/api/auth/2fa/disable', {
      token,
      body: { password: 'not it at all', code: enabled.body.backupCodes[1] },
    });
    expect(wrongPassword.status).toBe(401);
    const ok = await user.client.call('POST', '/api/auth/2fa/disable', {
      token,
      body: { password: user.password, code: enabled.body.backupCodes[1] },
    });
    expect(ok).toMatchObject({ status: 200, body: { endedSessions: 0 } });
    const login = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(login.body.accessToken).toBeDefined();
  });

  test('When an admin tries to turn 2FA off, then it is refused: admins must keep it', async () => {
    const admin = await givenASignedInUser(service, { role: 'admin' });
    const res = await admin.client.call('POST', '/api/auth/2fa/disable', {
      token: admin.accessToken,
      body: { password: admin.password, code: nextStepCode(admin.totpSecret!) },
    });
    expect(res).toMatchObject({ status: 403, body: { type: '/problems/forbidden' } });
  });

  test.each(['/api/auth/2fa/setup', '/api/auth/2fa/enable', '/api/auth/2fa/disable', '/api/auth/2fa/backup-codes'])(
    'When %s is called without a token, then it is 401',
    async (path) => {
      expect((await authClient(service.url).call('POST', path, { body: {} })).status).toBe(401);
    },
  );
});

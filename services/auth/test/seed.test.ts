import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authDeps } from '../src/app.ts';
import { findUserByEmail } from '../src/data/user.repository.ts';
import { currentTotpCode } from '../src/domain/two-factor/totp.ts';
import { bootstrapAdmin } from '../src/seed/bootstrap-admin.ts';
import { seedDemoAccounts, type DemoAccount } from '../src/seed/demo-accounts.ts';
import { authClient, uniqueEmail } from './auth-client.ts';
import { givenAnAuthService, TEST_CONFIG, type AuthTestService } from './given-an-auth-service.ts';

let service: AuthTestService;
let dir: string;
beforeAll(async () => {
  service = await givenAnAuthService();
  dir = await mkdtemp(join(tmpdir(), 'tripwise-seed-'));
});
afterAll(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

const depsOf = () =>
  authDeps({
    config: TEST_CONFIG,
    logger: service.logs.logger,
    db: service.db,
    kv: service.kv,
    keys: service.keys,
    dataKey: service.dataKey,
    mail: { drain: async () => 0, pollMs: 1_000 },
    serviceToken: 'x'.repeat(32),
  });

describe('the first admin', () => {
  test('When ADMIN_EMAIL comes without a password, then an admin with no password exists and a setup link is mailed', async () => {
    const email = uniqueEmail('admin');
    await bootstrapAdmin(depsOf(), email, undefined);
    const admin = await findUserByEmail(service.db, email);
    expect(admin).toMatchObject({ role: 'admin', passwordHash: null });
    const [mail] = await service.mailTo(email);
    expect(mail!.subject).toBe('Set up your Tripwise admin account');
    // Nobody can sign in as this admin until the link is used.
    const login = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email, password: 'anything at all here' },
    });
    expect(login.status).toBe(401);
    const reset = await authClient(service.url).call('POST', '/api/auth/password/reset', {
      body: { token: mail!.token, password: 'the admin chose this phrase' },
    });
    expect(reset.status).toBe(200);
  });

  test('When ADMIN_PASSWORD is given, then the admin can sign in, but admin routes wait for 2FA', async () => {
    const email = uniqueEmail('admin');
    await bootstrapAdmin(depsOf(), email, 'a long admin passphrase');
    const login = await authClient(service.url).call('POST', '/api/auth/login', {
      body: { email, password: 'a long admin passphrase' },
    });
    expect(login.status).toBe(200);
    const users = await authClient(service.url).call('GET', '/api/auth/admin/users', { token: login.body.accessToken });
    expect(users).toMatchObject({ status: 403, body: { type: '/problems/mfa-required' } });
  });

  test('When ADMIN_EMAIL belongs to an existing traveler, then that account is not promoted', async () => {
    const email = uniqueEmail('squatter');
    await authClient(service.url).call('POST', '/api/auth/register', {
      body: { email, password: 'registered first here' },
    });
    await bootstrapAdmin(depsOf(), email, undefined);
    expect((await findUserByEmail(service.db, email))?.role).toBe('traveler');
  });

  test('When ADMIN_PASSWORD is weak, then start-up fails with the reason', async () => {
    await expect(bootstrapAdmin(depsOf(), uniqueEmail('admin'), 'password1234')).rejects.toThrow(
      /ADMIN_PASSWORD is one of the most common/,
    );
  });
});

describe('demo accounts', () => {
  test('When seeded, then one account per role exists with generated passwords kept in the data folder, the admin with 2FA', async () => {
    const file = join(dir, 'demo-accounts.json');
    const accounts = await seedDemoAccounts(depsOf(), file);
    expect(accounts.map((a) => a.role)).toEqual(['traveler', 'owner', 'admin']);
    const stored = JSON.parse(await readFile(file, 'utf8')) as DemoAccount[];
    expect(stored).toEqual(accounts);
    const again = await seedDemoAccounts(depsOf(), file);
    expect(again).toEqual(accounts); // same passwords on every start

    const admin = accounts[2]!;
    const client = authClient(service.url);
    const first = await client.call('POST', '/api/auth/login', {
      body: { email: admin.email, password: admin.password },
    });
    expect(first.body.mfaRequired).toBe(true);
    const second = await client.call('POST', '/api/auth/login/mfa', {
      body: { challengeId: first.body.challengeId, code: currentTotpCode(admin.totpSecret!) },
    });
    expect((await client.call('GET', '/api/auth/admin/users', { token: second.body.accessToken })).status).toBe(200);
  });
});

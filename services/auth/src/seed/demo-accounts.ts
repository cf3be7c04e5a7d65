import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Role } from '@tripwise/platform/auth';
import { replaceBackupCodes } from '../data/backup-code.repository.ts';
import { enableTotp, findUserByEmail, insertUser } from '../data/user.repository.ts';
import type { AuthDeps } from '../domain/auth-deps.ts';
import { hashPassword } from '../domain/passwords/password-hasher.ts';
import { newTotpSecret, totpUri } from '../domain/two-factor/totp.ts';

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  /** Only the admin: admins must use 2FA, so the demo admin comes with it on. */
  totpSecret?: string;
  otpauthUri?: string;
}

const ROLES: Role[] = ['traveler', 'owner', 'admin'];

/**
 * One account per role for the embedded demo. Their passwords are generated on first start (never written in the
 * code) and kept in the ignored data folder, where `npm start` reads them to print them.
 */
export async function seedDemoAccounts(deps: AuthDeps, file: string): Promise<DemoAccount[]> {
  let accounts: DemoAccount[];
  try {
    accounts = JSON.parse(await readFile(file, 'utf8')) as DemoAccount[];
  } catch {
    accounts = ROLES.map((role) => ({
      role,
      email: `${role}@demo.tripwise.test`,
      password: `${randomBytes(12).toString('base64url')}`,
      ...(role === 'admin' ? { totpSecret: newTotpSecret() } : {}),
    }));
    for (const a of accounts) if (a.totpSecret) a.otpauthUri = totpUri(a.totpSecret, a.email);
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  }
  for (const account of accounts) {
    if (await findUserByEmail(deps.db, account.email)) continue;
    const user = await insertUser(deps.db, {
      email: account.email,
      passwordHash: await hashPassword(account.password),
      role: account.role,
      firstName: 'Demo',
      lastName: account.role[0]!.toUpperCase() + account.role.slice(1),
      verified: true,
    });
    if (user && account.totpSecret) {
      await enableTotp(deps.db, user.id, deps.dataKey.encrypt(account.totpSecret), 0);
      await replaceBackupCodes(deps.db, user.id, []);
    }
  }
  deps.logger.info('demo accounts ready', { emails: accounts.map((a) => a.email), file });
  return accounts;
}

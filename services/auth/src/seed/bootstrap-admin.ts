import { insertEmailToken } from '../data/email-token.repository.ts';
import { enqueueMail } from '../data/mail-outbox.repository.ts';
import { findUserByEmail, insertUser } from '../data/user.repository.ts';
import { mails } from '../mail/templates.ts';
import { recordAudit } from '../domain/audit.ts';
import type { AuthDeps } from '../domain/auth-deps.ts';
import { EMAIL_TOKEN_TTL_MS, newEmailToken } from '../domain/email/email-token.ts';
import { hashPassword } from '../domain/passwords/password-hasher.ts';
import { passwordProblem } from '../domain/passwords/password-policy.ts';

/**
 * The first admin comes from configuration, never from a password in the code: with ADMIN_PASSWORD it can sign
 * in at once (and must then set up 2FA); without, it gets a one-time link to choose its password. An existing
 * non-admin account with that email is NOT promoted: whoever registered it first would become admin.
 */
export async function bootstrapAdmin(
  deps: AuthDeps,
  email: string | undefined,
  password: string | undefined,
): Promise<void> {
  if (!email) return;
  const existing = await findUserByEmail(deps.db, email);
  if (existing) {
    if (existing.role !== 'admin') {
      deps.logger.error('ADMIN_EMAIL belongs to a non-admin account: not promoting it; use another admin or email');
    }
    return;
  }
  if (password) {
    const problem = passwordProblem(password, { email, hasSecondFactor: false });
    if (problem) throw new Error(`ADMIN_PASSWORD ${problem}`);
  }
  const passwordHash = password ? await hashPassword(password) : null;
  await deps.db.transaction(async (tx) => {
    const admin = await insertUser(tx, { email, passwordHash, role: 'admin', verified: true });
    if (!admin) return; // another instance created it first
    if (!password) {
      const { token, hash } = newEmailToken();
      const expiresAt = new Date(deps.now() + EMAIL_TOKEN_TTL_MS.adminSetup);
      await insertEmailToken(tx, {
        hash,
        userId: admin.id,
        purpose: 'reset_password',
        expiresAt,
        passwordChangedAt: admin.passwordChangedAt,
      });
      await enqueueMail(tx, mails.adminSetup(email, deps.publicUrl, token));
    }
    await recordAudit(tx, null, { event: 'admin.bootstrapped', userId: admin.id, details: { setupLink: !password } });
  });
  deps.mailQueued();
  deps.logger.info('first admin account created', { setupLinkMailed: !password });
}

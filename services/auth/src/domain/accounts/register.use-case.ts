import type { RegisterRequest } from '@tripwise/contracts';
import { badRequest } from '@tripwise/platform/errors';
import { attemptLimiter } from '@tripwise/platform/kv';
import { insertEmailToken } from '../../data/email-token.repository.ts';
import { enqueueMail } from '../../data/mail-outbox.repository.ts';
import { findUserByEmail, insertUser } from '../../data/user.repository.ts';
import { mails } from '../../mail/templates.ts';
import { recordAudit } from '../audit.ts';
import type { AuthDeps } from '../auth-deps.ts';
import { EMAIL_TOKEN_TTL_MS, newEmailToken } from '../email/email-token.ts';
import { hashPassword } from '../passwords/password-hasher.ts';
import { passwordProblem } from '../passwords/password-policy.ts';
import type { RequestMeta } from '../request-meta.ts';

/**
 * Creates a traveler or owner account and mails a verification link. The answer is the same whether or not the
 * email was free (the owner of an existing account is told by email instead), and so is its timing: the
 * password is hashed either way and the mail is sent by the background worker.
 */
export async function register(deps: AuthDeps, input: RegisterRequest, meta: RequestMeta): Promise<void> {
  const perIp = { name: 'register-ip', limit: deps.ipLimits.registrationsPerHour, windowMs: 60 * 60_000 };
  await attemptLimiter(deps.kv, perIp).consume(meta.ip ?? 'unknown');
  const problem = passwordProblem(input.password, { email: input.email, hasSecondFactor: false });
  if (problem) throw badRequest(`password: ${problem}`, [{ in: 'body', field: 'password', message: problem }]);
  const passwordHash = await hashPassword(input.password);

  await deps.db.transaction(async (tx) => {
    const user = await insertUser(tx, { ...input, passwordHash });
    if (!user) {
      const existing = await findUserByEmail(tx, input.email);
      await enqueueMail(tx, mails.alreadyRegistered(input.email, deps.publicUrl));
      await recordAudit(tx, meta, { event: 'user.register_existing_email', userId: existing?.id });
      return;
    }
    const { token, hash } = newEmailToken();
    await insertEmailToken(tx, {
      hash,
      userId: user.id,
      purpose: 'verify_email',
      expiresAt: new Date(deps.now() + EMAIL_TOKEN_TTL_MS.verifyEmail),
    });
    await enqueueMail(tx, mails.verifyEmail(user.email, deps.publicUrl, token));
    await recordAudit(tx, meta, { event: 'user.registered', userId: user.id, details: { role: user.role } });
    await recordAudit(tx, meta, { event: 'email.verification_sent', userId: user.id });
  });
  deps.mailQueued();
}

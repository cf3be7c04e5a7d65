import { AppError, badRequest } from '@tripwise/platform/errors';
import { attemptLimiter } from '@tripwise/platform/kv';
import { consumeEmailToken, findUsableEmailToken, insertEmailToken } from '../../data/email-token.repository.ts';
import { enqueueMail } from '../../data/mail-outbox.repository.ts';
import {
  findUserByEmail,
  findUserById,
  markEmailVerified,
  setPassword,
  type User,
} from '../../data/user.repository.ts';
import { mails } from '../../mail/templates.ts';
import { recordAudit } from '../audit.ts';
import type { AuthDeps } from '../auth-deps.ts';
import { EMAIL_TOKEN_TTL_MS, hashEmailToken, newEmailToken } from '../email/email-token.ts';
import { invalidLink, limitEmailRequests } from '../email/verify-email.use-case.ts';
import { hashPassword, verifyPassword } from '../passwords/password-hasher.ts';
import { passwordProblem } from '../passwords/password-policy.ts';
import type { RequestMeta } from '../request-meta.ts';
import { endSessions } from '../sessions/session-lifecycle.use-case.ts';
import { verifySecondFactor } from '../two-factor/second-factor.ts';

async function newPasswordHash(user: User, password: string, field: string): Promise<string> {
  const problem = passwordProblem(password, { email: user.email, hasSecondFactor: user.totpEnabledAt !== null });
  if (problem) throw badRequest(`${field}: ${problem}`, [{ in: 'body', field, message: problem }]);
  return hashPassword(password);
}

/** Mails a reset link (30 minutes, single use, void once the password changes). Same answer for every email. */
export async function forgotPassword(deps: AuthDeps, email: string, meta: RequestMeta): Promise<void> {
  await limitEmailRequests(deps, email, meta);
  await deps.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || user.disabledAt) return;
    const { token, hash } = newEmailToken();
    await insertEmailToken(tx, {
      hash,
      userId: user.id,
      purpose: 'reset_password',
      expiresAt: new Date(deps.now() + EMAIL_TOKEN_TTL_MS.resetPassword),
      passwordChangedAt: user.passwordChangedAt,
    });
    await enqueueMail(tx, mails.resetPassword(user.email, deps.publicUrl, token));
    await recordAudit(tx, meta, { event: 'password.reset_requested', userId: user.id });
  });
  deps.mailQueued();
}

/**
 * Sets a new password from a reset link. With 2FA on, a TOTP or backup code is needed too. It never signs the
 * user in; it ends every session and tells the user by email. Everything that can be refused (the password,
 * the code) is checked before the link is used, so a typo does not burn it.
 */
export async function resetPassword(
  deps: AuthDeps,
  input: { token: string; password: string; code?: string | undefined },
  meta: RequestMeta,
): Promise<void> {
  await attemptLimiter(deps.kv, {
    name: 'email-link-ip',
    limit: deps.ipLimits.emailLinkUsesPer15Minutes,
    windowMs: 15 * 60_000,
  }).consume(meta.ip ?? 'unknown');
  const tokenHash = hashEmailToken(input.token);
  const link = await findUsableEmailToken(deps.db, tokenHash, 'reset_password');
  const user = link && (await findUserById(deps.db, link.userId));
  // A link is bound to the password it replaces: any change since (another reset, a change) voids it.
  const stale =
    link?.passwordChangedAt && user && link.passwordChangedAt.getTime() !== user.passwordChangedAt.getTime();
  if (!link || !user || user.disabledAt || stale) throw invalidLink();
  const hash = await newPasswordHash(user, input.password, 'password');
  if (user.totpEnabledAt) {
    if (!input.code) {
      throw new AppError('second-factor-required', 400, 'Code required', {
        detail: 'Two-factor authentication is on: enter a code from your app or a backup code.',
        errors: [{ in: 'body', field: 'code', message: 'required when two-factor authentication is on' }],
      });
    }
    await verifySecondFactor(deps, user, input.code, meta);
  }
  await deps.db.transaction(async (tx) => {
    if (!(await consumeEmailToken(tx, tokenHash, 'reset_password'))) throw invalidLink(); // lost a race for it
    await setPassword(tx, user.id, hash);
    await markEmailVerified(tx, user.id); // the link proved the address
    await enqueueMail(tx, mails.passwordChanged(user.email));
    await recordAudit(tx, meta, { event: 'password.reset_completed', userId: user.id });
  });
  deps.mailQueued();
  await endSessions(deps, user.id, 'password-reset', meta);
}

/** Changes the password of a signed-in user who knows the current one; other sessions end unless kept. */
export async function changePassword(
  deps: AuthDeps,
  identity: { userId: string; sessionId: string },
  input: { currentPassword: string; newPassword: string; signOutOtherSessions: boolean },
  meta: RequestMeta,
): Promise<{ endedSessions: number }> {
  const user = await findUserById(deps.db, identity.userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('invalid-credentials', 401, 'Unauthorized', {
      detail: 'The current password is incorrect.',
      errors: [{ in: 'body', field: 'currentPassword', message: 'incorrect' }],
    });
  }
  const hash = await newPasswordHash(user, input.newPassword, 'newPassword');
  await deps.db.transaction(async (tx) => {
    await setPassword(tx, user.id, hash);
    await enqueueMail(tx, mails.passwordChanged(user.email));
    await recordAudit(tx, meta, { event: 'password.changed', userId: user.id, sessionId: identity.sessionId });
  });
  deps.mailQueued();
  const endedSessions = input.signOutOtherSessions
    ? await endSessions(deps, user.id, 'password-changed', meta, { except: identity.sessionId })
    : 0;
  return { endedSessions };
}

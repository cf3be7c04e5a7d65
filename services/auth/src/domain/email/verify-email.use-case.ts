import { AppError } from '@tripwise/platform/errors';
import { attemptLimiter } from '@tripwise/platform/kv';
import { consumeEmailToken, insertEmailToken } from '../../data/email-token.repository.ts';
import { enqueueMail } from '../../data/mail-outbox.repository.ts';
import { findUserByEmail, markEmailVerified } from '../../data/user.repository.ts';
import { mails } from '../../mail/templates.ts';
import { recordAudit } from '../audit.ts';
import type { AuthDeps } from '../auth-deps.ts';
import type { RequestMeta } from '../request-meta.ts';
import { EMAIL_TOKEN_TTL_MS, hashEmailToken, newEmailToken } from './email-token.ts';

export const invalidLink = () =>
  new AppError('invalid-or-expired-link', 400, 'Invalid link', {
    detail: 'This link is invalid, expired or already used. Ask for a new one.',
  });

/** Confirms the email of the account a verification link was sent for; the link works once. */
export async function verifyEmail(deps: AuthDeps, token: string, meta: RequestMeta): Promise<void> {
  await attemptLimiter(deps.kv, {
    name: 'email-link-ip',
    limit: deps.ipLimits.emailLinkUsesPer15Minutes,
    windowMs: 15 * 60_000,
  }).consume(meta.ip ?? 'unknown');
  await deps.db.transaction(async (tx) => {
    const used = await consumeEmailToken(tx, hashEmailToken(token), 'verify_email');
    if (!used) throw invalidLink();
    await markEmailVerified(tx, used.userId);
    await recordAudit(tx, meta, { event: 'email.verified', userId: used.userId });
  });
}

/** Verification and reset mails: per client address (configurable) and per email address. */
export async function limitEmailRequests(deps: AuthDeps, email: string, meta: RequestMeta): Promise<void> {
  const window = 15 * 60_000;
  const perIp = { name: 'email-request-ip', limit: deps.ipLimits.emailRequestsPer15Minutes, windowMs: window };
  await attemptLimiter(deps.kv, perIp).consume(meta.ip ?? 'unknown');
  await attemptLimiter(deps.kv, { name: 'email-request-email', limit: 3, windowMs: window }).consume(email);
}

/** Same answer for every email; only an existing, unverified account gets a new link. */
export async function resendVerification(deps: AuthDeps, email: string, meta: RequestMeta): Promise<void> {
  await limitEmailRequests(deps, email, meta);
  await deps.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || user.emailVerifiedAt || user.disabledAt) return;
    const { token, hash } = newEmailToken();
    const expiresAt = new Date(deps.now() + EMAIL_TOKEN_TTL_MS.verifyEmail);
    await insertEmailToken(tx, { hash, userId: user.id, purpose: 'verify_email', expiresAt });
    await enqueueMail(tx, mails.verifyEmail(user.email, deps.publicUrl, token));
    await recordAudit(tx, meta, { event: 'email.verification_sent', userId: user.id });
  });
  deps.mailQueued();
}

import { AppError } from '@tripwise/platform/errors';
import { attemptLimiter } from '@tripwise/platform/kv';
import { findUserByEmail, findUserById, upgradePasswordHash } from '../../data/user.repository.ts';
import { recordAudit } from '../audit.ts';
import type { AuthDeps } from '../auth-deps.ts';
import { hashPassword, needsRehash, verifyDummy, verifyPassword } from '../passwords/password-hasher.ts';
import type { RequestMeta } from '../request-meta.ts';
import { startSession, type SessionTokens } from '../sessions/start-session.ts';
import { amrAfterSecondFactor, verifySecondFactor } from '../two-factor/second-factor.ts';
import { loginBackoff } from './login-backoff.ts';
import { attemptMfaChallenge, completeMfaChallenge, createMfaChallenge } from './mfa-challenge.ts';

export type LoginResult =
  { kind: 'session'; tokens: SessionTokens } | { kind: 'mfa'; challengeId: string; expiresIn: number };

// One answer for an unknown email and a wrong password, so sign-in reveals nothing about who has an account.
const invalidCredentials = () =>
  new AppError('invalid-credentials', 401, 'Unauthorized', { detail: 'The email or password is incorrect.' });

/**
 * Password sign-in: limits per IP and back-off per (email, address) and per email for unknown addresses, a dummy hash for unknown emails (same timing),
 * hash upgrade on success, then either a session or, with 2FA on, a challenge for the second step.
 */
export async function login(
  deps: AuthDeps,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<LoginResult> {
  const perIp = { name: 'login-ip', limit: deps.ipLimits.loginsPer5Minutes, windowMs: 5 * 60_000 };
  await attemptLimiter(deps.kv, perIp).consume(meta.ip ?? 'unknown');
  const backoff = loginBackoff(deps.kv);
  const address = meta.ip ?? 'unknown';
  await backoff.assertNotLocked(input.email, address);

  const user = await findUserByEmail(deps.db, input.email);
  if (!user?.passwordHash) {
    await verifyDummy(input.password);
    await backoff.recordFailure(input.email, address);
    await recordAudit(deps.db, meta, { event: 'login.failed', details: { reason: 'unknown_email' } });
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failures = await backoff.recordFailure(input.email, address);
    await recordAudit(deps.db, meta, {
      event: 'login.failed',
      userId: user.id,
      details: { reason: 'bad_password', failures },
    });
    throw invalidCredentials();
  }
  if (user.disabledAt) {
    await recordAudit(deps.db, meta, { event: 'login.failed', userId: user.id, details: { reason: 'disabled' } });
    throw new AppError('account-disabled', 403, 'Forbidden', { detail: 'This account is disabled. Contact support.' });
  }
  await backoff.recordSuccess(input.email, address);
  if (needsRehash(user.passwordHash)) await upgradePasswordHash(deps.db, user.id, await hashPassword(input.password));

  if (user.totpEnabledAt) {
    const challenge = await createMfaChallenge(deps.kv, user.id);
    await recordAudit(deps.db, meta, { event: 'login.mfa_required', userId: user.id });
    return { kind: 'mfa', ...challenge };
  }
  await recordAudit(deps.db, meta, { event: 'login.succeeded', userId: user.id, details: { amr: ['pwd'] } });
  return { kind: 'session', tokens: await startSession(deps, user, ['pwd'], meta) };
}

/** The second step: a TOTP or backup code against the challenge, then the session. */
export async function loginWithSecondFactor(
  deps: AuthDeps,
  input: { challengeId: string; code: string },
  meta: RequestMeta,
): Promise<SessionTokens> {
  const userId = await attemptMfaChallenge(deps.kv, input.challengeId);
  const user = await findUserById(deps.db, userId);
  if (!user || user.disabledAt) throw invalidCredentials();
  const method = await verifySecondFactor(deps, user, input.code, meta);
  await completeMfaChallenge(deps.kv, input.challengeId);
  const amr = amrAfterSecondFactor(method);
  await recordAudit(deps.db, meta, { event: 'login.succeeded', userId: user.id, details: { amr } });
  return startSession(deps, user, amr, meta);
}

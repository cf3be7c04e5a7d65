import type { ProfilePatch } from '@tripwise/contracts';
import { AppError, notFound } from '@tripwise/platform/errors';
import { deleteUser, findUserById, updateProfile, type User } from '../../data/user.repository.ts';
import { recordAudit } from '../audit.ts';
import type { AuthDeps } from '../auth-deps.ts';
import { verifyPassword } from '../passwords/password-hasher.ts';
import type { RequestMeta } from '../request-meta.ts';
import { endSessions } from '../sessions/session-lifecycle.use-case.ts';
import { twoFactorStatus } from '../two-factor/two-factor.use-case.ts';
import { verifySecondFactor } from '../two-factor/second-factor.ts';

/** What the account page shows: every profile attribute, and the account's security state. Never a secret. */
export async function accountView(deps: AuthDeps, user: User) {
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    role: user.role,
    ...user.profile,
    twoFactor: await twoFactorStatus(deps, user),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

export async function getAccount(deps: AuthDeps, userId: string) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('The account');
  return accountView(deps, user);
}

export async function updateAccount(deps: AuthDeps, userId: string, patch: ProfilePatch, meta: RequestMeta) {
  const user = await deps.db.transaction(async (tx) => {
    const updated = await updateProfile(tx, userId, patch);
    if (!updated) throw notFound('The account');
    await recordAudit(tx, meta, { event: 'profile.updated', userId, details: { fields: Object.keys(patch) } });
    return updated;
  });
  return accountView(deps, user);
}

/** Deleting needs the password again (and a code with 2FA on); every session ends with the account. */
export async function deleteAccount(
  deps: AuthDeps,
  userId: string,
  input: { password: string; code?: string | undefined },
  meta: RequestMeta,
): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('The account');
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError('invalid-credentials', 401, 'Unauthorized', { detail: 'The password is incorrect.' });
  }
  if (user.totpEnabledAt) {
    if (!input.code) {
      throw new AppError('second-factor-required', 400, 'Code required', {
        detail: 'Enter a code from your authenticator app or a backup code.',
        errors: [{ in: 'body', field: 'code', message: 'required when two-factor authentication is on' }],
      });
    }
    await verifySecondFactor(deps, user, input.code, meta);
  }
  await endSessions(deps, userId, 'account-deleted', meta);
  await deps.db.transaction(async (tx) => {
    await deleteUser(tx, userId);
    await recordAudit(tx, meta, { event: 'account.deleted', userId, actorId: userId });
  });
}

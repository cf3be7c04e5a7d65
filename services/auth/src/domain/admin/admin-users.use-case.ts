import type { Role } from '@tripwise/platform/auth';
import { conflict, notFound } from '@tripwise/platform/errors';
import {
  deleteUser,
  findUserById,
  searchUsers,
  setDisabled,
  setRole,
  type UserSearch,
} from '../../data/user.repository.ts';
import { accountView } from '../accounts/profile.use-case.ts';
import { recordAudit } from '../audit.ts';
import type { AuthDeps } from '../auth-deps.ts';
import type { RequestMeta } from '../request-meta.ts';
import { endSessions } from '../sessions/session-lifecycle.use-case.ts';

const TOTAL_CAP = 10_000;

/** Users found by words, role, status and 2FA, in the asked order, with whether each is locked and last signed in. */
export async function listUsers(deps: AuthDeps, query: Omit<UserSearch, 'totalCap'>) {
  const page = await searchUsers(deps.db, { ...query, totalCap: TOTAL_CAP });
  return {
    items: await Promise.all(
      page.users.map(async (u) => ({
        ...(await accountView(deps, u)),
        disabled: u.disabledAt !== null,
        lastSignInAt: u.lastSignInAt,
      })),
    ),
    nextCursor: page.nextCursor,
    ...(page.total > TOTAL_CAP ? { total: TOTAL_CAP, totalIsEstimate: true } : { total: page.total }),
  };
}

/** "Sign out everywhere" (or one session) without locking the account; recorded in the audit log. */
export async function revokeSessionsAsAdmin(
  deps: AuthDeps,
  adminId: string,
  userId: string,
  sessionId: string | undefined,
  meta: RequestMeta,
) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('The user');
  let ended: string[];
  if (sessionId) {
    const family = await deps.sessions.revokeSession(userId, sessionId, 'revoked-by-admin');
    if (!family) throw notFound('The session');
    ended = [sessionId];
  } else {
    ended = await deps.sessions.revokeAll(userId, 'revoked-by-admin');
  }
  await recordAudit(deps.db, meta, {
    event: 'admin.sessions_revoked',
    userId,
    actorId: adminId,
    details: { sessions: ended },
  });
  return { endedSessions: ended.length };
}

export async function getUserForAdmin(deps: AuthDeps, userId: string) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('The user');
  return {
    ...(await accountView(deps, user)),
    disabled: user.disabledAt !== null,
    disabledAt: user.disabledAt,
    sessions: await deps.sessions.list(user.id),
  };
}

/**
 * Changes a user's role or disables/enables the account. Either ends every session at once: tokens carry the
 * role, and a disabled account must be out now, not when its tokens expire. An admin cannot lock themself out.
 */
export async function updateUserAsAdmin(
  deps: AuthDeps,
  adminId: string,
  userId: string,
  change: { role?: Role | undefined; disabled?: boolean | undefined; reason?: string | undefined },
  meta: RequestMeta,
) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('The user');
  if (userId === adminId && (change.disabled === true || (change.role && change.role !== 'admin'))) {
    throw conflict('cannot-change-own-access', 'Admins cannot disable or demote themselves; ask another admin.');
  }
  const roleChanged = change.role !== undefined && change.role !== user.role;
  const disabledChanged = change.disabled !== undefined && change.disabled !== (user.disabledAt !== null);
  await deps.db.transaction(async (tx) => {
    if (roleChanged) {
      await setRole(tx, userId, change.role!);
      await recordAudit(tx, meta, {
        event: 'role.changed',
        userId,
        actorId: adminId,
        details: { from: user.role, to: change.role, ...(change.reason ? { reason: change.reason } : {}) },
      });
    }
    if (disabledChanged) {
      await setDisabled(tx, userId, change.disabled!);
      await recordAudit(tx, meta, {
        event: change.disabled ? 'admin.user_disabled' : 'admin.user_enabled',
        userId,
        actorId: adminId,
        ...(change.reason ? { details: { reason: change.reason } } : {}),
      });
    }
  });
  if (roleChanged || (disabledChanged && change.disabled)) {
    await endSessions(deps, userId, roleChanged ? 'role-changed' : 'account-disabled', meta, { actorId: adminId });
  }
  return getUserForAdmin(deps, userId);
}

export async function deleteUserAsAdmin(deps: AuthDeps, adminId: string, userId: string, meta: RequestMeta) {
  if (userId === adminId) throw conflict('cannot-change-own-access', 'Admins cannot delete their own account here.');
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('The user');
  await endSessions(deps, userId, 'account-deleted', meta, { actorId: adminId });
  await deps.db.transaction(async (tx) => {
    await deleteUser(tx, userId);
    await recordAudit(tx, meta, {
      event: 'admin.user_deleted',
      userId,
      actorId: adminId,
      details: { email: user.email },
    });
  });
  // Nobody can manage a deleted owner's listings: search takes them out (suspended, with a note admins can see).
  if (user.role === 'owner' && deps.ownerDeleted) {
    await deps.ownerDeleted(userId).catch((err: unknown) =>
      deps.logger.error("a deleted owner's listings could not be suspended; an admin must suspend them", {
        err,
        ownerId: userId,
      }),
    );
  }
}

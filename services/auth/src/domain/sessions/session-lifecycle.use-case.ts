import { AppError, notFound } from '@tripwise/platform/errors';
import { enqueueMail } from '../../data/mail-outbox.repository.ts';
import { findUserById } from '../../data/user.repository.ts';
import { mails } from '../../mail/templates.ts';
import { recordAudit } from '../audit.ts';
import type { AuthDeps } from '../auth-deps.ts';
import type { RequestMeta } from '../request-meta.ts';
import type { SessionView } from './session.store.ts';
import { accessTokenFor, type SessionTokens } from './start-session.ts';

const invalidRefresh = (detail = 'Your session has ended. Sign in again.') =>
  new AppError('invalid-refresh-token', 401, 'Unauthorized', { detail });

/**
 * Exchanges the refresh cookie for a new one and a fresh access token. A replay of an already-used token
 * ends the whole session, denies its access tokens, and tells the user by email.
 */
export async function refreshSession(
  deps: AuthDeps,
  presented: string | undefined,
  meta: RequestMeta,
): Promise<SessionTokens> {
  if (!presented) throw invalidRefresh('No session cookie was sent. Sign in.');
  const result = await deps.sessions.rotate(presented);
  if (result.status === 'reuse') {
    const { family } = result;
    const user = await findUserById(deps.db, family.uid);
    await deps.db.transaction(async (tx) => {
      await recordAudit(tx, meta, { event: 'refresh.reuse_detected', userId: family.uid, sessionId: family.sid });
      if (user) await enqueueMail(tx, mails.sessionCompromised(user.email));
    });
    deps.mailQueued();
    deps.logger.warn('refresh token reuse: session revoked', { userId: family.uid, sessionId: family.sid });
    throw invalidRefresh('This session was ended because its sign-in token was used twice. Sign in again.');
  }
  if (result.status !== 'rotated' && result.status !== 'grace') throw invalidRefresh();
  const { family } = result;
  const user = await findUserById(deps.db, family.uid);
  if (!user || user.disabledAt) {
    await deps.sessions.revokeAll(family.uid, 'account-unavailable');
    throw invalidRefresh();
  }
  if (result.status === 'rotated') {
    await recordAudit(deps.db, meta, { event: 'session.refreshed', userId: family.uid, sessionId: family.sid });
  }
  return {
    ...(await accessTokenFor(deps, family, user)),
    userId: family.uid,
    sessionId: family.sid,
    refreshToken: result.refreshToken,
    refreshExpiresAt: family.absoluteExpiresAt,
  };
}

/** Signs this browser out: the session of the cookie ends, its access tokens are denied. */
export async function logout(deps: AuthDeps, presented: string | undefined, meta: RequestMeta): Promise<void> {
  if (!presented) return;
  const family = await deps.sessions.revokeByToken(presented, 'logout');
  if (family) {
    await recordAudit(deps.db, meta, {
      event: 'session.revoked',
      userId: family.uid,
      sessionId: family.sid,
      details: { reason: 'logout' },
    });
  }
}

/** Ends every session of the user (or every other one) and records why. */
export async function endSessions(
  deps: AuthDeps,
  userId: string,
  reason: string,
  meta: RequestMeta,
  options: { except?: string | undefined; actorId?: string } = {},
): Promise<number> {
  const ended = await deps.sessions.revokeAll(userId, reason, options.except);
  for (const sessionId of ended) {
    await recordAudit(deps.db, meta, {
      event: 'session.revoked',
      userId,
      actorId: options.actorId ?? userId,
      sessionId,
      details: { reason },
    });
  }
  return ended.length;
}

export async function endOneSession(
  deps: AuthDeps,
  userId: string,
  sessionId: string,
  meta: RequestMeta,
): Promise<void> {
  const family = await deps.sessions.revokeSession(userId, sessionId, 'revoked-by-user');
  if (!family) throw notFound('The session');
  await recordAudit(deps.db, meta, {
    event: 'session.revoked',
    userId,
    sessionId,
    details: { reason: 'revoked-by-user' },
  });
}

export async function listSessions(
  deps: AuthDeps,
  userId: string,
  currentSessionId: string,
): Promise<(SessionView & { current: boolean })[]> {
  const sessions = await deps.sessions.list(userId);
  return sessions.map((s) => ({ ...s, current: s.sessionId === currentSessionId }));
}

import type { User } from '../../data/user.repository.ts';
import { recordAudit } from '../audit.ts';
import type { AuthDeps } from '../auth-deps.ts';
import type { RequestMeta } from '../request-meta.ts';
import { issueAccessToken, type IssuedAccessToken } from '../tokens/access-token.ts';
import type { Family } from './refresh-token.scripts.ts';

export interface SessionTokens extends IssuedAccessToken {
  userId: string;
  sessionId: string;
  /** Goes only into the httpOnly cookie, never into a response body. */
  refreshToken: string;
  refreshExpiresAt: number;
}

/** A new signed-in session: a token family in the store, its first refresh token and an access token. */
export async function startSession(
  deps: AuthDeps,
  user: User,
  amr: string[],
  meta: RequestMeta,
): Promise<SessionTokens> {
  const authTime = Math.floor(deps.now() / 1000);
  const { sessionId, refreshToken, family } = await deps.sessions.create({
    uid: user.id,
    role: user.role,
    amr,
    authTime,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  await recordAudit(deps.db, meta, { event: 'session.created', userId: user.id, sessionId, details: { amr } });
  return {
    ...(await accessTokenFor(deps, family, user)),
    userId: user.id,
    sessionId,
    refreshToken,
    refreshExpiresAt: family.absoluteExpiresAt,
  };
}

/**
 * An access token for a session, carrying the sign-in's role, methods and time (not the refresh's), and whether the
 * account's email is confirmed now (so a refresh after following the link lets the traveler book).
 */
export function accessTokenFor(
  deps: AuthDeps,
  family: Family,
  user: Pick<User, 'emailVerifiedAt'>,
): Promise<IssuedAccessToken> {
  return issueAccessToken(deps.keys, deps.accessToken, {
    userId: family.uid,
    sessionId: family.sid,
    role: family.role as User['role'],
    amr: family.amr,
    authTime: family.authTime,
    emailVerified: user.emailVerifiedAt !== null,
  });
}

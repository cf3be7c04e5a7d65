import type { RequestHandler } from 'express';
import { AppError, forbidden, serviceUnavailable, unauthorized } from '../errors/index.ts';
import { currentRequestContext } from '../logger/index.ts';
import type { Role } from './identity.ts';
import type { DenyCheck } from './session-deny-list.ts';
import type { TokenVerifier } from './token-verifier.ts';

export interface RequireAuthOptions {
  /** Roles allowed; absent means any signed-in user. */
  roles?: readonly Role[];
  /** The session must have been signed into with a second factor (`mfa` in `amr`). */
  requireMfa?: boolean;
  /** True when the session was revoked (logout-all, reuse, account disabled) before its tokens expire. */
  isDenied?: (sessionId: string) => Promise<boolean>;
}

/** Extracts the bearer token, or throws the 401 a client without one deserves. */
export function bearerToken(header: string | undefined): string {
  if (!header) throw unauthorized();
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header);
  if (!match?.[1]) {
    throw new AppError('invalid-token', 401, 'Unauthorized', {
      detail: 'The Authorization header must be "Bearer <token>".',
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_request"' },
    });
  }
  return match[1];
}

/**
 * Whether the session was revoked. When the deny list cannot be read, reads go on (their token is valid and short-
 * lived) and writes wait with a 503 to retry: the same policy as the gateway's.
 */
async function isDeniedOrUnknown(isDenied: DenyCheck, sessionId: string, method: string): Promise<boolean> {
  try {
    return await isDenied(sessionId);
  } catch {
    if (method === 'GET' || method === 'HEAD') return false;
    throw serviceUnavailable('Sign-in state cannot be checked right now; try again shortly.', 5);
  }
}

/** Verifies the access token, sets `req.identity` and checks the role. */
export function requireAuth(verify: TokenVerifier, options: RequireAuthOptions = {}): RequestHandler {
  return async (req, _res, next) => {
    const identity = await verify(bearerToken(req.headers.authorization));
    if (options.isDenied && (await isDeniedOrUnknown(options.isDenied, identity.sessionId, req.method))) {
      throw new AppError('session-revoked', 401, 'Unauthorized', {
        detail: 'This session has ended. Sign in again.',
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="session revoked"' },
      });
    }
    if (options.roles && !options.roles.includes(identity.role)) {
      throw forbidden(`This needs one of the roles: ${options.roles.join(', ')}.`);
    }
    if (options.requireMfa && !identity.amr.includes('mfa')) {
      throw new AppError('mfa-required', 403, 'Forbidden', {
        detail: 'Sign in with your second factor (set up two-factor authentication first) to do this.',
      });
    }
    req.identity = identity;
    const context = currentRequestContext();
    if (context) context.userId = identity.userId;
    next();
  };
}

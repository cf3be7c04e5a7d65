import type { RequestHandler } from 'express';
import { bearerToken, type Identity } from '@tripwise/platform/auth';
import { AppError, forbidden, serviceUnavailable, unauthorized } from '@tripwise/platform/errors';
import type { Logger } from '@tripwise/platform/logger';
import { accessFor, isSecondFactorSetup, roleSatisfies } from '../routes/route-policy.ts';
import { fullPath } from '../routes/upstream-table.ts';
import type { DenyCheck } from '@tripwise/platform/auth';

/** Headers the gateway sets from a verified token; anything by these names from outside is dropped. */
export const IDENTITY_HEADERS = ['x-user-id', 'x-user-role', 'x-session-id', 'x-user-amr'] as const;

const sessionRevoked = () =>
  new AppError('session-revoked', 401, 'Unauthorized', {
    detail: 'This session has ended. Sign in again.',
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="session revoked"' },
  });

/**
 * Token check and route policy. A valid token becomes `req.identity` and identity headers for the upstream; a
 * bad one is refused where the route needs a user, and simply ignored on public routes (a stale token must not
 * lock anyone out of the home page). When the deny list cannot be read, reads go on and writes wait (503).
 */
export function accessControl(options: {
  verify: (token: string) => Promise<Identity>;
  isDenied: DenyCheck;
  logger: Logger;
}): RequestHandler {
  const checkDenied = async (identity: Identity, method: string) => {
    try {
      return await options.isDenied(identity.sessionId);
    } catch (err) {
      options.logger.warn('deny list unavailable', { err });
      if (method === 'GET' || method === 'HEAD') return false;
      throw serviceUnavailable('Sign-in state cannot be checked right now; try again shortly.', 5);
    }
  };

  return async (req, _res, next) => {
    for (const name of IDENTITY_HEADERS) delete req.headers[name];
    const path = fullPath(req);
    const access = accessFor(req.method, path);
    let identity: Identity | undefined;
    if (req.headers.authorization) {
      try {
        identity = await options.verify(bearerToken(req.headers.authorization));
        if (await checkDenied(identity, req.method)) throw sessionRevoked();
      } catch (err) {
        if (access !== 'public') throw err;
        identity = undefined;
        delete req.headers.authorization;
      }
    }
    if (access !== 'public') {
      if (!identity) throw unauthorized();
      if (!roleSatisfies(identity.role, access)) throw forbidden(`This needs the ${access} role.`);
      // An admin without the second factor may only set it up: every other power of the role needs it.
      const withoutSecondFactor = identity.role === 'admin' && !identity.amr.includes('mfa');
      if (withoutSecondFactor && (access === 'admin' || !isSecondFactorSetup(req.method, path))) {
        throw new AppError('mfa-required', 403, 'Forbidden', {
          detail: 'Admins must sign in with a second factor. Set up two-factor authentication, then sign in again.',
        });
      }
    }
    if (identity) {
      req.identity = identity;
      req.headers['x-user-id'] = identity.userId;
      req.headers['x-user-role'] = identity.role;
      req.headers['x-session-id'] = identity.sessionId;
      req.headers['x-user-amr'] = identity.amr.join(' ');
    }
    next();
  };
}

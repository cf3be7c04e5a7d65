import type { RequestHandler } from 'express';
import type { DenyCheck, Identity, TokenVerifier } from '../auth/index.ts';
import { requireAuth, requireServiceToken } from '../auth/index.ts';
import { AppError } from '../errors/index.ts';

/**
 * Who may call a route; stated on every route, enforced from that statement and shown in the API docs.
 * - `public`: anyone, signed in or not;
 * - `user`: any signed-in account;
 * - `owner`: owners (their own listings) and admins;
 * - `admin`: admins signed in with their second factor;
 * - `internal`: other Tripwise services, with the service credential (the gateway never forwards these).
 */
export type RouteAccess = 'public' | 'user' | 'owner' | 'admin' | 'internal';

/** What a route's guard is built from: the token checks of the service, and its service credential. */
export interface AccessPolicy {
  verify: TokenVerifier;
  /** True when a session was revoked before its tokens expire; every service consults it, not only the gateway. */
  isDenied?: DenyCheck | undefined;
  /** The credential other services show on `internal` routes; a service without such routes may leave it out. */
  serviceToken?: string | undefined;
}

/** The caller a handler receives: none on public and internal routes, a verified one everywhere else. */
export type IdentityFor<A extends RouteAccess> = A extends 'public' | 'internal' ? undefined : Identity;

/** An admin who has not signed in with a second factor: such a session may only finish setting it up. */
export function isAdminWithoutSecondFactor(identity: Identity): boolean {
  return identity.role === 'admin' && !identity.amr.includes('mfa');
}

/** Powers over other people's data belong to admins signed in with their second factor, and to nobody else. */
export function actsAsAdmin(identity: Identity): boolean {
  return identity.role === 'admin' && identity.amr.includes('mfa');
}

const mfaRequired = () =>
  new AppError('mfa-required', 403, 'Forbidden', {
    detail: 'Admins must sign in with a second factor. Set up two-factor authentication, then sign in again.',
  });

/**
 * For use cases that give admins powers over other people's data: an admin signed in without the second factor is
 * refused here too, whatever route led to it (defence in depth behind the route guards).
 */
export function assertSecondFactorIfAdmin(identity: Identity): void {
  if (isAdminWithoutSecondFactor(identity)) throw mfaRequired();
}

const secondFactorFirst: RequestHandler = (req, _res, next) => {
  if (req.identity) assertSecondFactorIfAdmin(req.identity);
  next();
};

/**
 * The middleware that enforces a route's declared access. Admins without a second factor are refused everywhere
 * but on the routes that let them set one up (`secondFactorSetup`).
 */
export function guardFor(
  access: RouteAccess,
  policy: AccessPolicy,
  options: { secondFactorSetup?: boolean | undefined } = {},
): RequestHandler[] {
  const checks = { isDenied: policy.isDenied };
  const adminGate = options.secondFactorSetup ? [] : [secondFactorFirst];
  switch (access) {
    case 'public':
      return [];
    case 'user':
      return [requireAuth(policy.verify, checks), ...adminGate];
    case 'owner':
      return [requireAuth(policy.verify, { ...checks, roles: ['owner', 'admin'] }), ...adminGate];
    case 'admin':
      return [requireAuth(policy.verify, { ...checks, roles: ['admin'], requireMfa: true })];
    case 'internal':
      if (!policy.serviceToken) throw new Error('an internal route needs the service credential in the access policy');
      return [requireServiceToken(policy.serviceToken)];
  }
}

import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { loginRequestSchema, mfaLoginRequestSchema, registerRequestSchema } from '@tripwise/contracts';
import { AppError } from '@tripwise/platform/errors';
import { documentedRouter, type DocumentedRouter } from '@tripwise/platform/http';
import { register } from '../domain/accounts/register.use-case.ts';
import { getAccount } from '../domain/accounts/profile.use-case.ts';
import type { AuthDeps } from '../domain/auth-deps.ts';
import { login, loginWithSecondFactor } from '../domain/login/login.use-case.ts';
import {
  endOneSession,
  endSessions,
  listSessions,
  logout,
  refreshSession,
} from '../domain/sessions/session-lifecycle.use-case.ts';
import type { SessionTokens } from '../domain/sessions/start-session.ts';
import { clearRefreshCookie, readRefreshCookie, requestMeta, setRefreshCookie } from './http-context.ts';

/** How the auth routes treat cookies in this deployment. */
export interface RoutePolicies {
  /** Refresh cookies are sent over HTTPS only (false only for plain-HTTP local development). */
  cookieSecure: boolean;
}

// Cookie-authenticated calls must be JSON: a cross-site form cannot send that without a CORS preflight.
const jsonOnly: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new AppError('unsupported-media-type', 415, 'Unsupported media type', {
      detail: 'Send Content-Type: application/json.',
    });
  }
  next();
};

const SESSION = {
  200: 'Signed in: an access token (the refresh token is set as an httpOnly cookie), or an MFA challenge',
};

/** Sign-up, sign-in, token refresh, sign-out and the sessions list. */
export function sessionRoutes(deps: AuthDeps, policies: RoutePolicies): DocumentedRouter {
  const docs = documentedRouter('sessions');
  const { route } = docs;
  const sendSession = async (res: Response, tokens: SessionTokens) => {
    setRefreshCookie(res, tokens.refreshToken, tokens.refreshExpiresAt, policies.cookieSecure);
    const { accessToken, tokenType, expiresIn, sessionId } = tokens;
    res.json({ accessToken, tokenType, expiresIn, sessionId, user: await getAccount(deps, tokens.userId) });
  };
  route(
    {
      method: 'post',
      path: '/register',
      access: 'public',
      noStore: true,
      summary: 'Create a traveler or owner account',
      body: registerRequestSchema,
      responses: {
        202: 'Accepted; the same answer whether or not the email already had an account',
        400: 'Invalid field',
        429: 'Too many attempts',
      },
    },
    async ({ body }, req, res) => {
      await register(deps, body, requestMeta(req));
      res.status(202).json({
        status: 'pending-verification',
        detail: 'Check your inbox: we sent you a link to confirm your email.',
      });
    },
  );

  route(
    {
      method: 'post',
      path: '/login',
      access: 'public',
      noStore: true,
      summary: 'Sign in with email and password',
      body: loginRequestSchema,
      responses: {
        ...SESSION,
        401: 'The email or password is incorrect',
        403: 'The account is disabled',
        429: 'Back-off after failures',
      },
    },
    async ({ body }, req, res) => {
      const result = await login(deps, body, requestMeta(req));
      if (result.kind === 'mfa') {
        res.json({
          mfaRequired: true,
          challengeId: result.challengeId,
          expiresIn: result.expiresIn,
          methods: ['totp', 'backup_code'],
        });
        return;
      }
      await sendSession(res, result.tokens);
    },
  );

  route(
    {
      method: 'post',
      path: '/login/mfa',
      access: 'public',
      noStore: true,
      summary: 'Second sign-in step: a TOTP or backup code',
      body: mfaLoginRequestSchema,
      responses: { 200: SESSION[200], 401: 'Wrong code, or the challenge expired', 429: 'Too many wrong codes' },
    },
    async ({ body }, req, res) => {
      await sendSession(res, await loginWithSecondFactor(deps, body, requestMeta(req)));
    },
  );

  route(
    {
      method: 'post',
      path: '/refresh',
      access: 'public',
      noStore: true,
      summary: 'New access token from the refresh cookie (rotates it)',
      before: [jsonOnly],
      responses: {
        200: 'A new access token; the cookie is replaced',
        401: 'No, unknown, expired or reused refresh token',
        415: 'Not JSON',
      },
    },
    async (_input, req, res) => {
      try {
        const tokens = await refreshSession(deps, readRefreshCookie(req), requestMeta(req));
        setRefreshCookie(res, tokens.refreshToken, tokens.refreshExpiresAt, policies.cookieSecure);
        const { accessToken, tokenType, expiresIn, sessionId } = tokens;
        res.json({ accessToken, tokenType, expiresIn, sessionId });
      } catch (err) {
        clearRefreshCookie(res, policies.cookieSecure);
        throw err;
      }
    },
  );

  route(
    {
      method: 'post',
      path: '/logout',
      access: 'public',
      noStore: true,
      summary: "Sign this browser out (the refresh cookie's session)",
      before: [jsonOnly],
      responses: { 204: 'Signed out; the cookie is cleared', 415: 'Not JSON' },
    },
    async (_input, req, res) => {
      await logout(deps, readRefreshCookie(req), requestMeta(req));
      clearRefreshCookie(res, policies.cookieSecure);
      res.status(204).end();
    },
  );

  route(
    {
      method: 'post',
      path: '/logout-all',
      access: 'user',
      secondFactorSetup: true,
      summary: 'Sign out of every session',
      responses: { 200: 'How many sessions ended', 401: 'Not signed in' },
    },
    async ({ identity }, req, res) => {
      const ended = await endSessions(deps, identity.userId, 'logout-all', requestMeta(req));
      clearRefreshCookie(res, policies.cookieSecure);
      res.json({ endedSessions: ended });
    },
  );

  route(
    {
      method: 'get',
      path: '/sessions',
      access: 'user',
      summary: 'My sessions: device, IP, created, last used',
      responses: { 200: 'The sessions, the current one marked', 401: 'Not signed in' },
    },
    async ({ identity }, req, res) => {
      const { userId, sessionId } = identity;
      res.json({ items: await listSessions(deps, userId, sessionId) });
    },
  );

  route(
    {
      method: 'post',
      path: '/sessions/revoke-others',
      access: 'user',
      summary: 'Sign out every other session',
      responses: { 200: 'How many sessions ended', 401: 'Not signed in' },
    },
    async ({ identity }, req, res) => {
      const { userId, sessionId } = identity;
      res.json({
        endedSessions: await endSessions(deps, userId, 'revoke-others', requestMeta(req), { except: sessionId }),
      });
    },
  );

  route(
    {
      method: 'delete',
      path: '/sessions/:id',
      access: 'user',
      summary: 'End one of my sessions',
      params: z.object({ id: z.uuid() }),
      responses: { 204: 'Ended', 400: 'Not a session id', 401: 'Not signed in', 404: 'No such session of mine' },
    },
    async ({ params, identity }, req, res) => {
      await endOneSession(deps, identity.userId, params.id, requestMeta(req));
      res.status(204).end();
    },
  );

  return docs;
}

import type { Request, Response } from 'express';
import { REQUEST_ID_HEADER } from '@tripwise/platform/http';
import type { RequestMeta } from '../domain/request-meta.ts';

export function requestMeta(req: Request): RequestMeta {
  const requestId = req.headers[REQUEST_ID_HEADER];
  return {
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent']?.slice(0, 400) ?? null,
    requestId: typeof requestId === 'string' ? requestId : null,
  };
}

export const REFRESH_COOKIE = 'tw_rt';
export const REFRESH_COOKIE_PATH = '/api/auth';

/**
 * A cookie the pages can read that says only "this browser has a session" (no token, no id): a page loaded with it
 * absent knows it is signed out without asking, so a stranger's visit sends no refresh that must fail with a 401.
 * It lives and dies with the refresh cookie.
 */
export const SESSION_HINT_COOKIE = 'tw_session';

/** The refresh token lives only here: httpOnly (no script can read it), SameSite=Strict, and only sent to /api/auth. */
export function setRefreshCookie(res: Response, token: string, expiresAt: number, secure: boolean): void {
  const maxAge = Math.max(0, expiresAt - Date.now());
  res.cookie(REFRESH_COOKIE, token, { httpOnly: true, secure, sameSite: 'strict', path: REFRESH_COOKIE_PATH, maxAge });
  res.cookie(SESSION_HINT_COOKIE, '1', { secure, sameSite: 'strict', path: '/', maxAge });
}

export function clearRefreshCookie(res: Response, secure: boolean): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure, sameSite: 'strict', path: REFRESH_COOKIE_PATH });
  res.clearCookie(SESSION_HINT_COOKIE, { secure, sameSite: 'strict', path: '/' });
}

export function readRefreshCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

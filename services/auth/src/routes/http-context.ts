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

/** The refresh token lives only here: httpOnly (no script can read it), SameSite=Strict, and only sent to /api/auth. */
export function setRefreshCookie(res: Response, token: string, expiresAt: number, secure: boolean): void {
  res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    maxAge: Math.max(0, expiresAt - Date.now()),
  });
}

export function clearRefreshCookie(res: Response, secure: boolean): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure, sameSite: 'strict', path: REFRESH_COOKIE_PATH });
}

export function readRefreshCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

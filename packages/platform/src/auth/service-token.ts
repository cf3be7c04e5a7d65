import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../errors/index.ts';

/**
 * For `/internal/...` routes that only Tripwise services may call (the gateway never forwards them): the caller
 * shows the shared service credential as a bearer token, compared in constant time.
 */
export function requireServiceToken(expected: string): RequestHandler {
  const want = Buffer.from(expected);
  return (req, _res, next) => {
    const got = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
    if (got.length !== want.length || !timingSafeEqual(got, want)) {
      throw new AppError('service-credential-required', 401, 'Unauthorized', {
        detail: 'This route is for Tripwise services only.',
        headers: { 'WWW-Authenticate': 'Bearer realm="internal"' },
      });
    }
    next();
  };
}

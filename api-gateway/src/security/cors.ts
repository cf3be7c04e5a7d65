import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * CORS for an explicit list of origins, compared whole (no patterns, so evil-example.com is never example.com).
 * A listed origin may send credentials; an unlisted one, including on a preflight, gets no CORS headers at all.
 */
export function corsMiddleware(
  allowedOrigins: readonly string[],
  refused: (origin: string, what: 'cors') => void = () => undefined,
): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return cors({
    origin: (origin, callback) => {
      const ok = origin !== undefined && allowed.has(origin);
      if (origin !== undefined && !ok) refused(origin, 'cors');
      callback(null, ok);
    },
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
    exposedHeaders: ['RateLimit', 'RateLimit-Policy', 'Retry-After', 'X-Request-Id', 'Location'],
    maxAge: 600,
  });
}

import express, { Router } from 'express';
import type { Logger } from '@tripwise/platform/logger';

/** Where the browser apps report their errors, when this deployment has Sentry; the DSN is public by design. */
export interface BrowserErrorReporting {
  dsn: string;
  environment: string;
  release?: string | undefined;
}

/** The tunnel the browser apps send their Sentry envelopes through (same origin: no CSP exception, no blocker). */
export const ERROR_TUNNEL_PATH = '/client-errors';

/** Sentry's envelope endpoint for a DSN (`https://key@host/path/project` → `https://host/path/api/project/envelope/`). */
function envelopeUrl(dsn: string): string {
  const url = new URL(dsn);
  const segments = url.pathname.split('/').filter(Boolean);
  const project = segments.pop() ?? '';
  const prefix = segments.length ? `/${segments.join('/')}` : '';
  return `${url.protocol}//${url.host}${prefix}/api/${project}/envelope/`;
}

/**
 * GET /client-config.json: what the web client and the admin portal read at start (where to report errors). POST
 * /client-errors: their envelopes, passed on to Sentry only when they name this deployment's DSN (never an open relay).
 */
export function clientConfigRouter(sentry: BrowserErrorReporting | undefined, logger: Logger): Router {
  const router = Router();
  router.get('/client-config.json', (_req, res) => {
    res.locals.routeLabel = '/client-config.json';
    res.set('Cache-Control', 'no-cache').json({ sentry: sentry ? { ...sentry, tunnel: ERROR_TUNNEL_PATH } : null });
  });
  if (!sentry) return router;
  const target = envelopeUrl(sentry.dsn);
  router.post(ERROR_TUNNEL_PATH, express.raw({ type: () => true, limit: '200kb' }), async (req, res) => {
    res.locals.routeLabel = ERROR_TUNNEL_PATH;
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const header = body.subarray(0, Math.max(0, body.indexOf(0x0a))).toString('utf8');
    let dsn: unknown;
    try {
      dsn = (JSON.parse(header) as { dsn?: unknown }).dsn;
    } catch {
      dsn = undefined;
    }
    if (dsn !== sentry.dsn) {
      res.status(400).json({ status: 400, detail: 'Not an envelope for this deployment.' });
      return;
    }
    try {
      const answer = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/x-sentry-envelope' },
        body,
        signal: AbortSignal.timeout(5_000),
      });
      res.status(answer.status).end();
    } catch (err) {
      logger.warn('browser error report could not be passed on', { err });
      res.status(502).end();
    }
  });
  return router;
}

import type { RequestHandler } from 'express';
import type { Logger } from '../logger/index.ts';
import { routeLabel } from '../metrics/index.ts';

/** One line per request on `finish`: method, route template, status and duration (no query strings: they may hold PII). */
export function accessLogMiddleware(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const level = res.statusCode >= 500 ? 'warn' : 'http';
      // winston runs every format before its transport filters by level: skip the work for lines nobody keeps.
      if (!logger.isLevelEnabled(level)) return;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.log(level, 'request', {
        method: req.method,
        route: routeLabel(req, res),
        path: req.path,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
      });
    });
    next();
  };
}

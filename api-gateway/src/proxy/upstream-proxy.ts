import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import {
  createProxyMiddleware,
  debugProxyErrorsPlugin,
  fixRequestBody,
  proxyEventsPlugin,
  type RequestHandler,
} from 'http-proxy-middleware';
import { problemType, sendProblem } from '@tripwise/platform/errors';
import type { Logger } from '@tripwise/platform/logger';
import { matchesPrefix, type Upstream } from '../routes/upstream-table.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import type { UpstreamTargets } from './upstream-targets.ts';
import { forwardedHeaders } from './forwarded-headers.ts';
import type { GatewayMetrics } from './gateway-metrics.ts';

export interface UpstreamProxyOptions {
  upstream: Upstream;
  /** Its instances, taken in turn. */
  targets: UpstreamTargets;
  prefixes: string[];
  /** The longest wait for this request's answer. */
  timeoutFor: (req: IncomingMessage) => number;
  /** Proxies in front of the gateway whose X-Forwarded-For entry it believes (0 embedded, 1 behind nginx). */
  trustProxyHops: number;
  breaker: CircuitBreaker;
  metrics: GatewayMetrics;
  logger: Logger;
}

interface Attempt {
  startedAt: number;
  retries: number;
  timedOut: boolean;
}

const attempts = new WeakMap<IncomingMessage, Attempt>();
/** The instance each request went to (an instance that fails it is passed over for a while). */
const chosen = new WeakMap<IncomingMessage, string>();
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

function answer(
  res: ServerResponse,
  req: IncomingMessage,
  status: 502 | 503 | 504,
  detail: string,
  retryAfterMs?: number,
) {
  const title = status === 504 ? 'Gateway timeout' : status === 503 ? 'Service unavailable' : 'Bad gateway';
  const headers: Record<string, string> =
    retryAfterMs === undefined ? {} : { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) };
  sendProblem(
    res as Response,
    { type: problemType('upstream-unavailable'), title, status, detail },
    (req as Request).originalUrl ?? req.url ?? '/',
    headers,
  );
}

/**
 * Forwards matching requests to one service over kept-alive connections (httpxy's default agent), with a circuit
 * breaker, a timeout per route, and one retry for idempotent requests that never reached the service. A dead,
 * slow or failing upstream gets a fast problem+json naming it: 503 unreachable (or circuit open), 504 too slow,
 * 502 broke off. Never a hang, never a reset socket to the browser.
 */
export function createUpstreamProxy(options: UpstreamProxyOptions) {
  const { upstream, breaker, metrics, logger } = options;
  const serviceDown = `The ${upstream} service is unavailable.`;

  const proxy: RequestHandler<IncomingMessage, ServerResponse> = createProxyMiddleware({
    target: options.targets.all[0],
    router: (req) => {
      const target = options.targets.pick();
      chosen.set(req, target);
      return target;
    },
    // The handler below has already matched the path: no second look per request.
    pathFilter: () => true,
    // Set below from what the gateway saw: http-proxy's xfwd would append to the client's own header.
    xfwd: false,
    // The default plugins without the logger's, which built a URL for every answer only to drop the line: the
    // gateway logs and measures requests itself. (The error-response plugin is not loaded: `on.error` answers.)
    ejectPlugins: true,
    plugins: [debugProxyErrorsPlugin, proxyEventsPlugin],
    on: {
      proxyReq: (proxyReq, req) => {
        const forwarded = forwardedHeaders(req, options.trustProxyHops);
        proxyReq.setHeader('x-forwarded-for', forwarded['x-forwarded-for']);
        proxyReq.setHeader('x-forwarded-proto', forwarded['x-forwarded-proto']);
        proxyReq.setHeader('x-forwarded-host', forwarded['x-forwarded-host']);
        const timeout = options.timeoutFor(req);
        proxyReq.setTimeout(timeout, () => {
          attempts.get(req)!.timedOut = true;
          proxyReq.destroy();
        });
        // For the few small bodies a limiter had to read; every other body streams through untouched.
        if ((req as Request).body !== undefined) fixRequestBody(proxyReq, req);
      },
      proxyRes: (proxyRes, req) => {
        const attempt = attempts.get(req)!;
        const status = proxyRes.statusCode ?? 0;
        metrics.upstreamDuration.observe(
          { upstream, status_class: `${Math.floor(status / 100)}xx` },
          (Date.now() - attempt.startedAt) / 1000,
        );
        // Whatever it says, a service that answers is up: its own 503s (a card processor or a database it could not
        // reach) are answers for that request, and must not shut every traveler out of a healthy service. Only what
        // the gateway itself saw fail (refused, timed out, broken off: the error handler below) opens the breaker.
        breaker.success();
      },
      error: (err, req, res) => {
        const attempt = attempts.get(req)!;
        const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
        if (!('writeHead' in res)) {
          res.destroy();
          return;
        }
        const unreachable = UNREACHABLE.has(code);
        const target = chosen.get(req);
        if (target && (unreachable || code === 'ECONNRESET')) options.targets.failed(target);
        if (unreachable && IDEMPOTENT.has(req.method ?? '') && attempt.retries === 0 && !res.headersSent) {
          attempt.retries += 1;
          setTimeout(() => void proxy(req, res, () => undefined), 25); // a restarting instance, a dropped idle socket
          return;
        }
        breaker.failure();
        const kind = attempt.timedOut ? 'timeout' : unreachable ? 'unreachable' : 'broken';
        metrics.upstreamErrors.inc({ upstream, kind });
        logger.warn('upstream request failed', { upstream, kind, code });
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (attempt.timedOut) answer(res, req, 504, `The ${upstream} service did not answer in time.`);
        else if (unreachable) answer(res, req, 503, serviceDown, 5_000);
        else answer(res, req, 502, `The ${upstream} service broke off the response.`);
      },
    },
  });

  return async (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
    if (!options.prefixes.some((prefix) => matchesPrefix((req as Request).path, prefix))) {
      next();
      return;
    }
    if (!breaker.tryAcquire()) {
      metrics.upstreamErrors.inc({ upstream, kind: 'circuit-open' });
      answer(res, req, 503, serviceDown, breaker.retryAfterMs());
      return;
    }
    attempts.set(req, { startedAt: Date.now(), retries: 0, timedOut: false });
    // A client that leaves before any answer must not hold a half-open breaker's only trial for ever.
    res.once('close', () => breaker.release());
    await proxy(req, res, next);
  };
}

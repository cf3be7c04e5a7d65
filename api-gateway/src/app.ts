import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { createService, type AccessPolicy, type ErrorReporter, type Service } from '@tripwise/platform/http';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import { createMetrics } from '@tripwise/platform/metrics';
import type { Config } from './config.ts';
import { rateLimits } from './limits/rate-limits.ts';
import { circuitBreaker } from './proxy/circuit-breaker.ts';
import { createGatewayMetrics } from './proxy/gateway-metrics.ts';
import { socketUpgradeHandler } from './proxy/socket-upgrade.ts';
import { createUpstreamProxy } from './proxy/upstream-proxy.ts';
import { upstreamTargets, type UpstreamTargets } from './proxy/upstream-targets.ts';
import { apiDocsRouter } from './routes/api-docs.ts';
import { clientConfigRouter, type BrowserErrorReporting } from './routes/client-config.ts';
import { devMailRouter } from './routes/dev-mail.ts';
import { mountFrontends } from './routes/frontends.ts';
import { UPSTREAMS, UPSTREAM_ROUTES, upstreamRouteOf, type Upstream } from './routes/upstream-table.ts';
import { accessControl } from './security/access-control.ts';
import { corsMiddleware } from './security/cors.ts';
import { refusedOriginLogger } from './security/refused-origins.ts';
import { spaHelmet } from './security/spa-helmet.ts';
import { statusPage } from './status/status.routes.ts';

export const SERVICE_NAME = 'api-gateway';

export type GatewayConfig = Omit<
  Config,
  | 'NODE_ENV'
  | 'PORT'
  | 'HOST'
  | 'LOG_LEVEL'
  | 'SENTRY_DSN'
  | 'SHUTDOWN_TIMEOUT_MS'
  | 'REDIS_URL'
  | 'REDIS_PREFIX'
  | 'DATA_DIR'
  | 'INTERNAL_SERVICE_TOKEN'
  | 'METRICS_PORT'
  | 'METRICS_HOST'
>;

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  kv: KvStore;
  /** Token checks: signatures against auth's keys, and auth's deny list. */
  access: Pick<AccessPolicy, 'verify' | 'isDenied'>;
  errorReporter?: ErrorReporter | undefined;
  /** Sentry for the browser apps (served at /client-config.json), when the deployment has a DSN. */
  browserErrors?: BrowserErrorReporting | undefined;
}

export interface Gateway extends Service {
  /** Ends the WebSockets it forwards, when shutdown begins. */
  closeSockets: () => void;
  /** Looks at every service now and updates the status page (also a background task). */
  checkStatus: () => Promise<unknown>;
}

/** The metrics and access-log label of each upstream's proxied requests, made once. */
const ROUTE_LABELS = Object.fromEntries(UPSTREAMS.map((u) => [u, `proxy:${u}`])) as Record<Upstream, string>;

/**
 * Runs `handlers` one after the other as a single middleware, as Express would run them as separate ones: an error
 * (passed to `next` or thrown, also asynchronously) skips the rest, and a handler that answers ends the sequence.
 */
function inSequence(handlers: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let at = 0;
    const step = (err?: unknown): void => {
      if (err !== undefined && err !== null) {
        next(err);
        return;
      }
      const handler = handlers[at++];
      if (!handler) {
        next();
        return;
      }
      try {
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise) result.catch(step);
      } catch (thrown) {
        step(thrown);
      }
    };
    step();
  };
}

function upstreamUrls(config: GatewayConfig, upstream: Upstream): string[] {
  const urls: Record<Upstream, string[]> = {
    auth: [config.AUTH_URL],
    search: config.SEARCH_URL,
    booking: config.BOOKING_URL,
    'ai-agent': config.AI_AGENT_URL,
    insights: config.INSIGHTS_URL,
  };
  return urls[upstream];
}

/**
 * The one way in. The order, fixed here and nowhere else:
 *   request id → access log → metrics → helmet            (createService)
 *   → CORS → per-client rate limits → token check and route policy → per-user rate limits → proxy
 *   (proxies sit before any body parser, so bodies stream through untouched)
 *   → the gateway's own /health, /ready → the SPAs (embedded mode) → 404 (/metrics: on METRICS_PORT only).
 */
export function createGatewayApp(deps: GatewayDeps): Gateway {
  const { config, logger, kv } = deps;
  const metrics = createMetrics(SERVICE_NAME);
  const gatewayMetrics = createGatewayMetrics(metrics);
  const { verify } = deps.access;
  const isDenied = deps.access.isDenied ?? (async () => false);
  const limits = rateLimits(
    kv,
    {
      windowMs: config.RATE_LIMIT_WINDOW_MS,
      readsPerMinute: config.RATE_LIMIT_READS_PER_MINUTE,
      writesPerMinute: config.RATE_LIMIT_WRITES_PER_MINUTE,
      authAttemptsPer15Min: config.RATE_LIMIT_AUTH_PER_15_MINUTES,
      aiMessagesPerMinute: config.RATE_LIMIT_AI_MESSAGES_PER_MINUTE,
      bookingWritesPerMinute: config.RATE_LIMIT_BOOKING_WRITES_PER_MINUTE,
    },
    gatewayMetrics.rateLimited,
    logger,
  );
  const timeoutFor = (req: IncomingMessage) =>
    upstreamRouteOf((req as Request).path)?.slow ? config.AI_TIMEOUT_MS : config.UPSTREAM_TIMEOUT_MS;
  const refusedOrigin = refusedOriginLogger(logger, config.CORS_ORIGINS);
  const targets = Object.fromEntries(
    UPSTREAMS.map((upstream) => [upstream, upstreamTargets(upstreamUrls(config, upstream))]),
  ) as Record<Upstream, UpstreamTargets>;
  const sockets = socketUpgradeHandler({
    targets: targets['ai-agent'],
    allowedOrigins: config.CORS_ORIGINS,
    refusedOrigin,
    verify,
    isDenied,
    kv,
    connectionsPerMinute: config.RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    logger,
    onResult: (result) => gatewayMetrics.websocketUpgrades.inc({ result }),
  });

  const status = statusPage({
    urls: Object.fromEntries(UPSTREAMS.map((u) => [u, upstreamUrls(config, u)])) as Record<Upstream, string[]>,
    metrics: gatewayMetrics,
    kv,
    logger,
  });

  const service = createService({
    name: SERVICE_NAME,
    logger,
    metrics,
    bodyLimit: config.BODY_LIMIT,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    readiness: { kv: () => kv.ping() },
    // The gateway's PORT is the public one: its metrics are served on METRICS_PORT only (boot starts it).
    metricsOnMainPort: false,
    helmet: spaHelmet(),
    // Express never sees WebSocket upgrades; the gateway checks and forwards them itself.
    attach: (server) => server.on('upgrade', (req, socket, head) => void sockets.handle(req, socket, head)),
    ...(deps.errorReporter ? { errorReporter: deps.errorReporter } : {}),
    beforeBodyParser: (app) => {
      app.use(corsMiddleware(config.CORS_ORIGINS, refusedOrigin));
      // One router layer each for the checks and the proxies (every layer costs the router a match and, mounted
      // on /api, a rewrite of req.url and back), rather than one per limiter and per upstream.
      app.use(
        '/api',
        inSequence([...limits.perClient, accessControl({ verify, isDenied, logger }), ...limits.perUser]),
      );
      const proxies = new Map<Upstream, ReturnType<typeof createUpstreamProxy>>();
      for (const upstream of UPSTREAMS) {
        const prefixes = UPSTREAM_ROUTES.filter((r) => r.upstream === upstream).map((r) => r.prefix);
        const breaker = circuitBreaker({
          failureThreshold: config.BREAKER_FAILURE_THRESHOLD,
          openMs: config.BREAKER_OPEN_MS,
          onStateChange: (state) => {
            gatewayMetrics.setBreakerState(upstream, state);
            logger.warn('circuit breaker changed state', { upstream, state });
          },
        });
        gatewayMetrics.setBreakerState(upstream, 'closed');
        proxies.set(
          upstream,
          createUpstreamProxy({
            upstream,
            targets: targets[upstream],
            prefixes,
            timeoutFor,
            trustProxyHops: config.TRUST_PROXY_HOPS,
            breaker,
            metrics: gatewayMetrics,
            logger,
          }),
        );
      }
      app.use((req, res, next) => {
        const route = upstreamRouteOf(req.path);
        if (!route) return next();
        res.locals.routeLabel = ROUTE_LABELS[route.upstream];
        return proxies.get(route.upstream)!(req, res, next);
      });
    },
    backgroundTasks: [{ name: 'status-check', everyMs: config.STATUS_CHECK_MS, run: status.check, runAtStart: true }],
    routes: (app) => {
      app.use(status.router);
      app.use(clientConfigRouter(deps.browserErrors, logger));
      app.use(
        apiDocsRouter(
          [
            `${config.AUTH_URL}/api/auth/openapi.json`,
            `${config.SEARCH_URL[0]}/api/search/openapi.json`,
            `${config.BOOKING_URL[0]}/api/bookings/openapi.json`,
            `${config.AI_AGENT_URL[0]}/api/ai/openapi.json`,
            `${config.INSIGHTS_URL[0]}/api/insights/openapi.json`,
          ],
          logger,
        ),
      );
    },
    afterRoutes: (app) => {
      if (config.DEV_MAIL_OUTBOX_DIR) {
        app.use(devMailRouter(config.DEV_MAIL_OUTBOX_DIR));
      }
      if (config.SERVE_FRONTENDS) {
        mountFrontends(app, { webClient: config.WEB_CLIENT_DIST, adminPortal: config.ADMIN_PORTAL_DIST }, logger);
      }
    },
  });
  return { ...service, closeSockets: sockets.closeAll, checkStatus: status.check };
}

import type { Server } from 'node:http';
import express, { type Express } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { errorMiddleware, notFoundMiddleware } from '../errors/index.ts';
import type { Logger } from '../logger/index.ts';
import { createMetrics, type ServiceMetrics } from '../metrics/index.ts';
import { accessLogMiddleware } from './access-log.middleware.ts';
import type { BackgroundTask } from './background-tasks.ts';
import type { DocumentedRouter } from './documented-router.ts';
import { healthRouter, runReadinessChecks, type ReadinessCheck, type ReadinessResults } from './health.routes.ts';
import { jsonBody, rejectMalformedPath } from './hostile-input.ts';
import { openApiDocument } from './openapi.ts';
import { requestIdMiddleware } from './request-id.middleware.ts';
import type { AccessPolicy } from './route-access.ts';
import type { ErrorReporter } from './sentry.ts';

/** How often the readiness checks run in the background to keep `tripwise_dependency_up` current. */
const DEPENDENCY_CHECK_MS = 15_000;

/** A documented router and the static prefix it is mounted on (`''` for absolute paths). */
export interface Mount {
  prefix: string;
  router: DocumentedRouter;
}

export interface ServiceOptions {
  name: string;
  logger: Logger;
  /** Largest JSON body accepted, e.g. '100kb'. */
  bodyLimit?: string;
  /** How many proxy hops' X-Forwarded-For entries to believe when working out the client's IP (`req.ip`). */
  trustProxyHops?: number;
  /** Named dependency checks run by /ready (database, key-value store, …). */
  readiness?: Record<string, ReadinessCheck>;
  /** Public prefixes (e.g. '/api/auth') under which /health and /ready are served too, for the gateway. */
  publicPrefixes?: string[];
  helmet?: HelmetOptions;
  /** A registry made by the caller, to add its own metrics next to the HTTP ones. */
  metrics?: ServiceMetrics;
  /** Mounted before the JSON body parser, which would consume the streams that proxies must forward. */
  beforeBodyParser?: (app: Express) => void;
  /** The service's documented routes: each is mounted, guarded from its declared access, and documented. */
  mounts?: Mount[];
  /** What guards the mounted routes; required when any mounted route is not public. */
  access?: AccessPolicy;
  /** Where the OpenAPI document of `mounts` is served, and its title. */
  openApi?: { path: string; title: string };
  /** Routes that are not documented ones (the gateway's proxies' neighbours); after the mounts. */
  routes?: (app: Express) => void;
  /** Called with the HTTP server once it listens, for what Express never sees (WebSocket upgrades). */
  attach?: (server: Server) => void;
  /** Periodic work of the service: started by its boot (tests and benchmarks may run them themselves). */
  backgroundTasks?: BackgroundTask[];
  /** Mounted after the routes and before the 404, e.g. static files and an SPA fallback. */
  afterRoutes?: (app: Express) => void;
  errorReporter?: ErrorReporter;
  /** False when /metrics must not be on the service's own port (it is served on METRICS_PORT instead). */
  metricsOnMainPort?: boolean;
}

export interface Service {
  app: Express;
  metrics: ServiceMetrics;
  name: string;
  logger: Logger;
  /** Takes the listening HTTP server's WebSocket upgrades, when the service has any. */
  attach?: ((server: Server) => void) | undefined;
  /** What the service does periodically; `bootService` runs these while it serves. */
  backgroundTasks: BackgroundTask[];
  /** From now on /ready answers 503 and responses ask clients to close their connection. */
  beginShutdown(): void;
  isShuttingDown(): boolean;
}

/**
 * Builds a service's Express app in the one order every service shares:
 * request id → access log → metrics → malformed paths refused (400) → helmet → [proxies] → JSON body (bounded in size
 * and nesting depth) → /health, /ready, /metrics → routes → 404 → problem+json errors. It does not listen: tests drive
 * the app directly; `startService` serves it.
 */
export function createService(options: ServiceOptions): Service {
  const { logger } = options;
  const app = express();
  const metrics = options.metrics ?? createMetrics(options.name);
  let shuttingDown = false;

  app.disable('x-powered-by');
  // A hop count, never `true`: believing every X-Forwarded-For entry would let a client choose its own IP.
  app.set('trust proxy', options.trustProxyHops ?? 0);
  app.use(requestIdMiddleware);
  app.use(accessLogMiddleware(logger));
  app.use(metrics.middleware);
  app.use(rejectMalformedPath);
  // HSTS is set in exactly one place, the TLS edge (nginx); a service behind it never sends its own.
  app.use(helmet({ ...options.helmet, strictTransportSecurity: false } as HelmetOptions));
  app.use((_req, res, next) => {
    // Lets keep-alive clients move to another instance while this one drains.
    if (shuttingDown) res.setHeader('Connection', 'close');
    next();
  });
  options.beforeBodyParser?.(app);
  app.use(jsonBody({ limit: options.bodyLimit ?? '100kb' }));

  const checks = options.readiness ?? {};
  const recordDependencies = (results: ReadinessResults) => {
    for (const [dependency, result] of Object.entries(results)) {
      metrics.dependencyUp.set({ dependency }, result === 'ok' ? 1 : 0);
    }
  };
  const health = healthRouter({
    service: options.name,
    checks,
    isShuttingDown: () => shuttingDown,
    logger,
    onChecked: recordDependencies,
  });
  app.use(health);
  for (const prefix of options.publicPrefixes ?? []) app.use(prefix, health);
  if (options.metricsOnMainPort !== false) app.get('/metrics', metrics.handler);

  mountDocumented(app, options);
  options.routes?.(app);
  options.afterRoutes?.(app);
  app.use(notFoundMiddleware);
  app.use(
    errorMiddleware({
      logger,
      ...(options.errorReporter ? { report: options.errorReporter.report } : {}),
      onUnexpected: () => metrics.unexpectedErrors.inc(),
    }),
  );

  return {
    app,
    metrics,
    name: options.name,
    logger,
    backgroundTasks: [
      ...(options.backgroundTasks ?? []),
      // The dependency gauges stay current even when nothing asks /ready (alerts read them).
      ...(Object.keys(checks).length > 0
        ? [
            {
              name: 'dependency-checks',
              everyMs: DEPENDENCY_CHECK_MS,
              runAtStart: true,
              run: async () => recordDependencies(await runReadinessChecks(checks, logger)),
            },
          ]
        : []),
    ],
    attach: options.attach,
    beginShutdown: () => {
      shuttingDown = true;
    },
    isShuttingDown: () => shuttingDown,
  };
}

function mountDocumented(app: Express, options: ServiceOptions): void {
  const mounts = options.mounts ?? [];
  if (options.openApi) {
    const document = openApiDocument({ title: options.openApi.title, version: '1', mounts });
    app.get(options.openApi.path, (_req, res) => {
      res.json(document);
    });
  }
  for (const { prefix, router } of mounts) {
    const guarded = router.specs().filter((spec) => spec.access !== 'public');
    if (!options.access && guarded.length > 0) {
      throw new Error(`${options.name}: ${guarded[0]!.path} is not public, and the service has no access policy`);
    }
    const built = router.build(options.access ?? { verify: () => Promise.reject(new Error('unreachable')) });
    if (prefix) app.use(prefix, built);
    else app.use(built);
  }
}

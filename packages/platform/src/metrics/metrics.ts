import type { Request, RequestHandler, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { registerProcessMetrics } from './process-metrics.ts';

export interface ServiceMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  unexpectedErrors: Counter;
  /** 1 when a dependency (database, kv) answered its last readiness check, else 0. */
  dependencyUp: Gauge<'dependency'>;
  /** Times every response by method, route template and status. */
  middleware: RequestHandler;
  /** Serves the registry in the Prometheus text format. */
  handler: RequestHandler;
}

/** Label for responses that matched no route: never the raw path, which would explode cardinality. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route template of a finished request. Routers must be mounted on static prefixes, because
 * `req.baseUrl` is the matched text, not its pattern. Proxies and static files set `res.locals.routeLabel`.
 */
export function routeLabel(req: Request, res: Response): string {
  const fixed: unknown = res.locals.routeLabel;
  if (typeof fixed === 'string') return fixed;
  const path: unknown = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path === 'string') return `${req.baseUrl}${path}`;
  return UNMATCHED_ROUTE;
}

/** A registry per service instance (not the global one), so that tests can build several apps in one process. */
export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  registerProcessMetrics(registry);

  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests in seconds, by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const unexpectedErrors = new Counter({
    name: 'errors_total',
    help: 'Errors the service did not expect (answered with a generic 500)',
    registers: [registry],
  });

  const dependencyUp = new Gauge({
    name: 'tripwise_dependency_up',
    help: '1 when the dependency answered its last readiness check within 2 s, else 0',
    labelNames: ['dependency'] as const,
    registers: [registry],
  });

  const middleware: RequestHandler = (req, res, next) => {
    const end = httpDuration.startTimer();
    res.once('finish', () => {
      end({ method: req.method, route: routeLabel(req, res), status_code: String(res.statusCode) });
    });
    next();
  };

  const handler: RequestHandler = async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  };

  return { registry, httpDuration, unexpectedErrors, dependencyUp, middleware, handler };
}

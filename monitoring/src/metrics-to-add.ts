/**
 * Metrics that dashboards, SLOs and alerts here already read but no process exposes yet: the work list of the
 * second pass, which adds them inside the services. Every panel target, alert and SLO that reads one of these names
 * is listed in awaiting.ts; once a metric is exposed under exactly this name, type and labels, its panels show data
 * and its alerts can fire, and its entries here and there are deleted (the live test fails until they are).
 * Every process's registry already adds `service`; label values are closed sets, never ids or raw paths, and each
 * counter's label values are set to 0 when the process starts (`counter.inc(labels, 0)`), so that a rate reads 0
 * rather than "no data" before the first event.
 */
export interface MetricToAdd {
  name: string;
  type: 'counter' | 'gauge' | 'histogram';
  /** Label name → its closed set of values (or how the set is bounded). */
  labels: Record<string, string>;
  help: string;
  /** The process and the place in its code where it would be observed. */
  where: string;
  buckets?: number[];
}

export const METRICS_TO_ADD: MetricToAdd[] = [];

/** Metric names (and their histogram series) that no process exposes yet. */
export function awaitedMetricNames(): Set<string> {
  const names = new Set<string>();
  for (const metric of METRICS_TO_ADD) {
    names.add(metric.name);
    if (metric.type === 'histogram') {
      for (const suffix of ['_bucket', '_count', '_sum']) names.add(metric.name + suffix);
    }
  }
  return names;
}

/** The awaited metrics an expression reads (by name, anywhere in it). */
export function awaitedMetricsIn(expr: string): string[] {
  const awaited = awaitedMetricNames();
  const found = new Set<string>();
  for (const match of expr.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) if (awaited.has(match[0])) found.add(match[0]);
  return [...found].sort();
}

/** Changes to metrics that exist, which the SLOs and dashboards work around today. */
export const METRIC_FIXES = [
  {
    metric: 'http_request_duration_seconds (api-gateway)',
    problem:
      'Every proxied request is labelled route="proxy:<upstream>", so the gateway cannot tell sign-in from /me, and the SLOs are measured at the services (plus the gateway\'s own failed answers per upstream).',
    fix: 'Label proxied requests with the upstream route template, matched against the paths of the OpenAPI documents the gateway already merges for /api/docs (unknown paths stay proxy:<upstream>); then move the SLIs to the gateway.',
    where: 'api-gateway/src/app.ts (res.locals.routeLabel) and api-gateway/src/routes/api-docs.ts',
  },
  {
    metric: 'gateway_rate_limited_total, search_memory_requests_total, search_details_requests_total',
    problem:
      'Labelled counters appear only at their first event, so before it a rate reads "no data" instead of 0 and an alert that divides by them stays silent. The SLO rules and panels work around it with `or vector(0)` / `or 0 * …`.',
    fix: 'Set each known label combination to 0 when the process starts (limiters, kinds × hit/miss), as gateway_upstream_errors_total does.',
    where:
      'api-gateway/src/proxy/gateway-metrics.ts, services/search/src/domain/cache/held-scopes.ts and held-details.ts',
  },
];

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

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const PLAN_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export const METRICS_TO_ADD: MetricToAdd[] = [
  // Every process (packages/platform).
  {
    name: 'tripwise_dependency_up',
    type: 'gauge',
    labels: { dependency: 'database | kv' },
    help: '1 when the dependency answered its readiness check within 2 s, else 0',
    where: 'platform http: the /ready checks, also run every 15 s by a timer started with the server',
  },
  {
    name: 'nodejs_heap_size_limit_bytes',
    type: 'gauge',
    labels: {},
    help: "V8's heap limit (v8.getHeapStatistics().heap_size_limit), read at each scrape",
    where: 'platform metrics: createMetrics, next to the default metrics',
  },
  {
    name: 'db_pool_connections',
    type: 'gauge',
    labels: { state: 'in_use | idle | waiting' },
    help: 'Database pool connections by state (pg.Pool totalCount - idleCount, idleCount, waitingCount)',
    where: 'platform db: the PostgreSQL pool, read at each scrape (PGlite: one connection, in_use 0 or 1)',
  },
  {
    name: 'db_query_duration_seconds',
    type: 'histogram',
    labels: { outcome: 'ok | error' },
    help: 'Time of each database query',
    where: 'platform db: the query function every repository calls',
    buckets: LATENCY_BUCKETS,
  },
  {
    name: 'kv_command_duration_seconds',
    type: 'histogram',
    labels: { command: 'the store method: get | set | del | incr | eval | publish | …', outcome: 'ok | error' },
    help: 'Time of each key-value store command (Redis, or the in-process store)',
    where: 'platform kv: both KvStore implementations',
    buckets: LATENCY_BUCKETS,
  },
  {
    // Booking (search's holds and quotes, the card processor) and the agent (search, booking, the LLM) call others.
    name: 'upstream_request_duration_seconds',
    type: 'histogram',
    labels: {
      target: 'auth | search | booking | payments | llm',
      operation: "the client's method name (a fixed list per client)",
      outcome: 'ok | error | timeout',
    },
    help: 'Calls from one service to another (or to the card processor, the LLM), by target and outcome',
    where: "each service's src/clients/* (search's booking client, booking's search and payments clients, …)",
    buckets: LATENCY_BUCKETS,
  },
  // Gateway.
  {
    name: 'gateway_websocket_upgrades_total',
    type: 'counter',
    labels: { result: 'accepted | origin_refused | token_refused | rate_limited | upstream_unavailable' },
    help: 'WebSocket upgrades the gateway handled, by result',
    where: 'api-gateway: proxy/socket-upgrade.ts, where each upgrade is accepted or refused',
  },
  // Auth.
  {
    name: 'auth_logins_total',
    type: 'counter',
    labels: { outcome: 'success | mfa_required | bad_credentials | backoff | disabled' },
    help: 'Sign-in attempts by outcome',
    where: 'auth: the login use case, once per attempt',
  },
  {
    name: 'auth_mfa_challenges_total',
    type: 'counter',
    labels: { method: 'totp | backup_code', outcome: 'success | failure | locked' },
    help: 'Second-factor challenges answered, by method and outcome',
    where: 'auth: the login/mfa use case',
  },
  {
    name: 'auth_refresh_reuse_detected_total',
    type: 'counter',
    labels: {},
    help: 'Refresh tokens replayed after rotation (the session is revoked)',
    where: 'auth: the refresh use case, where refresh.reuse_detected is audited',
  },
  // Search.
  {
    name: 'search_holds_total',
    type: 'counter',
    labels: { outcome: 'held | sold_out | confirmed | released | expired' },
    help: 'Inventory holds by outcome; sold_out is an oversell refused',
    where: 'search: the holds use cases and the expiry sweeper',
  },
  // Booking.
  {
    name: 'booking_attempts_total',
    type: 'counter',
    labels: { outcome: 'confirmed | accepted | declined | sold_out | price_changed | unavailable | failed' },
    help: 'POST /api/bookings by outcome (a replayed Idempotency-Key is not counted again)',
    where: 'booking: the create-booking use case, once per new attempt',
  },
  {
    name: 'booking_saga_steps_total',
    type: 'counter',
    labels: { step: 'hold | authorise | confirm_hold | capture | confirm', outcome: 'ok | failed' },
    help: 'Saga steps run, by step and outcome',
    where: 'booking: the saga, after each step',
  },
  {
    name: 'booking_saga_recoveries_total',
    type: 'counter',
    labels: { outcome: 'finished | undone | failed' },
    help: 'Bookings the recovery worker took over, by what it did',
    where: 'booking: the recovery worker',
  },
  {
    name: 'booking_saga_awaiting_recovery',
    type: 'gauge',
    labels: {},
    help: 'Bookings neither confirmed nor undone whose lease has run out',
    where: 'booking: the recovery worker, counted at each pass',
  },
  {
    name: 'booking_payments_total',
    type: 'counter',
    labels: { outcome: 'authorised | declined | error' },
    help: 'Card authorisations by outcome',
    where: 'booking: the payments client, after each authorisation',
  },
  {
    name: 'booking_revenue_minor_units_total',
    type: 'counter',
    labels: { currency: 'ISO 4217 code (the few the platform sells in)', kind: 'flight | hotel | car' },
    help: 'Amounts captured, in minor units of the currency',
    where: 'booking: where a payment is captured and billed (same transaction as the billing record)',
  },
  // AI agent.
  {
    name: 'ai_plans_ended_total',
    type: 'counter',
    labels: { outcome: 'bundles | question | nothing | failed | cancelled' },
    help: 'Planning jobs by how they ended: bundles, a clarifying question, nothing found, failed or cancelled',
    where: "ai-agent: the job runner's end(), with the plan's kind",
  },
  {
    name: 'ai_plan_duration_seconds',
    type: 'histogram',
    labels: { outcome: 'bundles | question | nothing | failed | cancelled' },
    help: 'Time from a chat message to its plan:result or plan:error',
    where: "ai-agent: the job runner's end()",
    buckets: PLAN_BUCKETS,
  },
  {
    name: 'ai_plan_first_progress_seconds',
    type: 'histogram',
    labels: {},
    help: "Time from a chat message to its job's first plan:progress",
    where: 'ai-agent: job events, at the first progress of a job',
    buckets: PLAN_BUCKETS,
  },
  {
    name: 'ai_deals_published_total',
    type: 'counter',
    labels: {},
    help: 'Deals published (deal:new)',
    where: 'ai-agent: market/deals.use-case.ts',
  },
  {
    name: 'ai_watch_alerts_total',
    type: 'counter',
    labels: {},
    help: 'Price-watch alerts fired (watch:alert)',
    where: 'ai-agent: market/watches.use-case.ts',
  },
  {
    name: 'ai_watches_active',
    type: 'gauge',
    labels: {},
    help: 'Price watches in force',
    where: 'ai-agent: counted from the database at each scrape (or kept on create/delete)',
  },
  {
    name: 'ai_agent_sockets_connected',
    type: 'gauge',
    labels: {},
    help: 'Socket.IO connections open on this instance (namespace /agent)',
    where: 'ai-agent: realtime/agent-socket.ts, on connection and disconnect',
  },
  {
    name: 'ai_agent_socket_disconnects_total',
    type: 'counter',
    labels: {
      reason:
        "Socket.IO's reasons: transport close | ping timeout | transport error | server namespace disconnect | client namespace disconnect | server shutting down",
    },
    help: 'Socket disconnections by reason',
    where: "ai-agent: realtime/agent-socket.ts, the socket's disconnect event",
  },
  {
    name: 'ai_agent_event_delivery_seconds',
    type: 'histogram',
    labels: { event: 'plan:progress | plan:result | plan:error | watch:alert | deal:new' },
    help: 'Time from an event being emitted (any instance) to this instance writing it to its sockets',
    where: 'ai-agent: job events and the market feed, where the Redis adapter delivers to local rooms',
    buckets: LATENCY_BUCKETS,
  },
  {
    name: 'ai_agent_job_resumes_total',
    type: 'counter',
    labels: { result: 'replayed | up_to_date | unknown_job' },
    help: 'job:resume requests after a reconnect, by result',
    where: 'ai-agent: realtime/agent-socket.ts, the job:resume handler',
  },
  {
    name: 'ai_agent_events_replayed_total',
    type: 'counter',
    labels: {},
    help: 'Events sent again to a resuming client',
    where: 'ai-agent: realtime/agent-socket.ts, the job:resume handler',
  },
  // The edge, seen from outside (not a Tripwise process).
  {
    name: 'probe_ssl_earliest_cert_expiry',
    type: 'gauge',
    labels: { instance: 'the probed public URL' },
    help: "Expiry (Unix time) of the edge certificate's chain, from the Prometheus blackbox exporter",
    where:
      'a `blackbox` scrape job: prometheus-blackbox-exporter (Debian package) probing the nginx edge over HTTPS (module http_2xx), job name `edge`',
  },
];

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
    metric: 'http_request_duration_seconds (every service)',
    problem:
      'A request that ends in an error passed to next(err) is labelled without its router\'s mount: GET /api/search/flights answering 400 is route="/flights", a declined booking (402) route="/". By the time the response finishes, Express has restored req.baseUrl.',
    fix: 'Record the template when the route matches (e.g. res.locals.routeLabel = req.baseUrl + req.route.path in the documented router, before the handler runs), not on finish. The SLO selectors accept both forms meanwhile: route=~"(/api/search)?/(flights|…)".',
    where: 'packages/platform/src/metrics/metrics.ts (routeLabel) and packages/platform/src/http/documented-router.ts',
  },
  {
    metric: 'http_request_duration_seconds (api-gateway)',
    problem:
      'Every proxied request is labelled route="proxy:<upstream>", so the gateway cannot tell sign-in from /me, and the SLOs are measured at the services (plus the gateway\'s own failed answers per upstream).',
    fix: 'Label proxied requests with the upstream route template, matched against the paths of the OpenAPI documents the gateway already merges for /api/docs (unknown paths stay proxy:<upstream>); then move the SLIs to the gateway.',
    where: 'api-gateway/src/app.ts (res.locals.routeLabel) and api-gateway/src/routes/api-docs.ts',
  },
  {
    metric:
      'gateway_upstream_errors_total, gateway_rate_limited_total, search_memory_requests_total, search_details_requests_total',
    problem:
      'Labelled counters appear only at their first event, so before it a rate reads "no data" instead of 0 and an alert that divides by them stays silent. The SLO rules and panels work around it with `or vector(0)` / `or 0 * …`.',
    fix: 'Set each known label combination to 0 when the process starts (upstreams × kinds, limiters, kinds × hit/miss), as for the metrics to add.',
    where:
      'api-gateway/src/proxy/gateway-metrics.ts, services/search/src/domain/cache/held-scopes.ts and held-details.ts',
  },
];

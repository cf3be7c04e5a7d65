import { OWN_JOBS, series, target, type CauseAlert } from './types.ts';

/**
 * The memory a process is given (its container limit in compose and Kubernetes). With the embedded PGlite database a
 * service holds about 550 MB; the agent holding 10,000 sockets about 330 MB (README, benchmarks). Change the limit
 * in the deployment and here together.
 */
export const PROCESS_MEMORY_LIMIT_BYTES = 2 * 1024 ** 3;

const lag = (values: string) => series('nodejs_eventloop_lag_p99_seconds', target('search'), values);

export const eventLoopLagHigh: CauseAlert = {
  name: 'TripwiseEventLoopLagHigh',
  rules: [
    {
      severity: 'ticket',
      // prom-client's p99 covers the time since the previous scrape; averaged over 5 minutes, a single slow
      // request does not count, a CPU-bound process does.
      expr: `avg_over_time(nodejs_eventloop_lag_p99_seconds{${OWN_JOBS}}[5m]) > 0.1`,
      for: '10m',
    },
  ],
  summary: "{{ $labels.service }} on {{ $labels.instance }}: the event loop's p99 lag is above 100 ms",
  description:
    'For 10 minutes, some callbacks of {{ $labels.instance }} have waited more than 100 ms to run: every request there waits as long. The process is CPU-bound or something blocks it.',
  tests: [
    {
      name: 'a process saturated for 15 minutes',
      series: [lag('0.3x20')],
      at: '15m',
      expect: [{ severity: 'ticket', labels: target('search') }],
    },
    { name: 'one slow second, then fine', series: [lag('0.01x5 2 0.01x14')], at: '20m', expect: [] },
  ],
};

const rss = (values: string) => series('process_resident_memory_bytes', target('search'), values);

export const memoryHigh: CauseAlert = {
  name: 'TripwiseMemoryHigh',
  rules: [
    {
      severity: 'ticket',
      expr: `process_resident_memory_bytes{${OWN_JOBS}} > 0.9 * ${PROCESS_MEMORY_LIMIT_BYTES}`,
      for: '15m',
    },
  ],
  summary: '{{ $labels.service }} on {{ $labels.instance }} uses over 90% of its 2 GiB memory limit',
  description:
    'The resident memory of {{ $labels.instance }} has been above 1.8 GiB for 15 minutes; at its limit the container is killed (OOM) and its in-flight requests fail.',
  tests: [
    {
      name: 'resident memory at 1.95 GB',
      series: [rss('1950000000x20')],
      at: '16m',
      expect: [{ severity: 'ticket', labels: target('search') }],
    },
    { name: 'resident memory at 550 MB', series: [rss('550000000x20')], at: '16m', expect: [] },
  ],
};

export const heapNearLimit: CauseAlert = {
  name: 'TripwiseHeapNearLimit',
  rules: [
    {
      severity: 'ticket',
      expr: `nodejs_heap_size_used_bytes{${OWN_JOBS}} / nodejs_heap_size_limit_bytes{${OWN_JOBS}} > 0.85`,
      for: '15m',
    },
  ],
  summary: "{{ $labels.service }} on {{ $labels.instance }} uses over 85% of V8's heap limit",
  description:
    'The JavaScript heap of {{ $labels.instance }} is close to its limit: garbage collection runs all the time (event-loop lag) and the process dies with "heap out of memory" when it reaches it.',
  tests: [
    {
      name: 'heap at 90% of its limit',
      series: [
        series('nodejs_heap_size_used_bytes', target('ai-agent'), '1900000000x20'),
        series('nodejs_heap_size_limit_bytes', target('ai-agent'), '2100000000x20'),
      ],
      at: '16m',
      expect: [{ severity: 'ticket', labels: target('ai-agent') }],
    },
    {
      name: 'heap at half its limit',
      series: [
        series('nodejs_heap_size_used_bytes', target('ai-agent'), '1000000000x20'),
        series('nodejs_heap_size_limit_bytes', target('ai-agent'), '2100000000x20'),
      ],
      at: '16m',
      expect: [],
    },
  ],
};

const fds = (open: string) => [
  series('process_open_fds', target('api-gateway'), open),
  series('process_max_fds', target('api-gateway'), '1000x20'),
];

export const fileDescriptorsHigh: CauseAlert = {
  name: 'TripwiseFileDescriptorsHigh',
  rules: [
    { severity: 'ticket', expr: `process_open_fds{${OWN_JOBS}} / process_max_fds{${OWN_JOBS}} > 0.8`, for: '10m' },
  ],
  summary: '{{ $labels.service }} on {{ $labels.instance }} has used over 80% of its file descriptors',
  description:
    'Every socket (clients, WebSockets, database and Redis connections) takes a file descriptor; at the limit, new connections are refused with EMFILE.',
  tests: [
    {
      name: '900 of 1000 open',
      series: fds('900x20'),
      at: '11m',
      expect: [{ severity: 'ticket', labels: target('api-gateway') }],
    },
    { name: '100 of 1000 open', series: fds('100x20'), at: '11m', expect: [] },
  ],
};

const gatewayRequests = (values: string) =>
  series(
    'http_request_duration_seconds_count',
    { ...target('api-gateway'), method: 'GET', route: 'proxy:search', status_code: '200' },
    values,
  );
const refused = (values: string) =>
  series('gateway_rate_limited_total', { ...target('api-gateway'), limiter: 'reads' }, values);

export const rateLimitingSurge: CauseAlert = {
  name: 'TripwiseRateLimitingSurge',
  rules: [
    {
      severity: 'ticket',
      expr: `sum by (job, service) (rate(gateway_rate_limited_total{${OWN_JOBS}}[5m]))
/
sum by (job, service) (rate(http_request_duration_seconds_count{${OWN_JOBS},service="api-gateway"}[5m]))
> 0.1`,
      for: '10m',
    },
  ],
  summary: 'The gateway refuses more than 10% of requests with 429',
  description:
    'Over 10 minutes, more than one request in ten hit a rate limit: an abusive client, a retry storm, or limits too tight for real traffic (the limiter label on gateway_rate_limited_total says which).',
  tests: [
    {
      name: 'three requests in ten refused',
      series: [gatewayRequests('0+70x20'), refused('0+30x20')],
      at: '12m',
      expect: [{ severity: 'ticket', labels: { job: 'api-gateway', service: 'api-gateway' } }],
    },
    {
      name: 'two in a hundred refused',
      series: [gatewayRequests('0+98x20'), refused('0+2x20')],
      at: '12m',
      expect: [],
    },
  ],
};

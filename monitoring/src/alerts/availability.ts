import { PROCESSES } from '../prometheus/targets.ts';
import { OWN_JOBS, series, target, type CauseAlert } from './types.ts';

const READY_ROUTE = 'route=~"(/api/[a-z-]+)?/ready"';
const up = (job: string, instance: string, values: string) => series('up', { job, instance }, values);
/** Every job scraped and up, except those given. */
const othersUp = (...except: string[]) =>
  PROCESSES.filter((job) => !except.includes(job)).map((job) => up(job, `${job}:1`, '1x20'));

export const serviceDown: CauseAlert = {
  name: 'TripwiseServiceDown',
  rules: [
    {
      severity: 'page',
      // Every target of the job down, or none discovered at all (no pod, no DNS answer).
      expr: `label_replace(
  sum by (job) (up{${OWN_JOBS}}) == 0
  ${PROCESSES.map((job) => `or absent(up{job="${job}"})`).join('\n  ')},
  "service", "$1", "job", "(.*)"
)`,
      for: '1m',
    },
  ],
  summary: '{{ $labels.job }} is down: no instance answers its /metrics',
  description:
    'Prometheus cannot scrape any instance of {{ $labels.job }} (or finds none). Everything that goes through it fails; the gateway answers 503 for it.',
  tests: [
    {
      name: 'the only booking instance stops answering',
      series: [up('booking', 'booking:1', '1 1 0x18'), ...othersUp('booking')],
      at: '5m',
      expect: [{ severity: 'page', labels: { job: 'booking', service: 'booking' } }],
    },
    {
      name: 'one of two search instances stops: the service is still up',
      series: [up('search', 'search:1', '1 1 0x18'), up('search', 'search:2', '1x20'), ...othersUp('search')],
      at: '5m',
      expect: [],
    },
    {
      name: 'no ai-agent target is discovered at all',
      series: othersUp('ai-agent'),
      at: '5m',
      expect: [{ severity: 'page', labels: { job: 'ai-agent', service: 'ai-agent' } }],
    },
  ],
};

export const targetDown: CauseAlert = {
  name: 'TripwiseTargetDown',
  rules: [
    { severity: 'ticket', expr: `label_replace(up{${OWN_JOBS}} == 0, "service", "$1", "job", "(.*)")`, for: '3m' },
  ],
  summary: '{{ $labels.job }} instance {{ $labels.instance }} is down',
  description:
    'Prometheus cannot scrape {{ $labels.instance }} of {{ $labels.job }}: the process is dead, hung or unreachable. Other instances still serve.',
  tests: [
    {
      name: 'one search instance is down for 5 minutes',
      series: [up('search', 'search:1', '1 0x19'), up('search', 'search:2', '1x20')],
      at: '6m',
      expect: [{ severity: 'ticket', labels: { job: 'search', instance: 'search:1', service: 'search' } }],
    },
    {
      name: 'a restart: down for one scrape, then back',
      series: [up('search', 'search:1', '1 1 0 1x17')],
      at: '6m',
      expect: [],
    },
  ],
};

const ready = (status: string, values: string) =>
  series(
    'http_request_duration_seconds_count',
    { ...target('search'), method: 'GET', route: '/ready', status_code: status },
    values,
  );

export const dependencyUnreachable: CauseAlert = {
  name: 'TripwiseDependencyUnreachable',
  rules: [
    {
      severity: 'page',
      // A 1-minute window, so the few 503s of an instance shutting down (then gone) never last the 3 minutes.
      expr: `sum by (job, service, instance) (rate(http_request_duration_seconds_count{${OWN_JOBS},${READY_ROUTE},status_code="503"}[1m]))
/
sum by (job, service, instance) (rate(http_request_duration_seconds_count{${OWN_JOBS},${READY_ROUTE}}[1m]))
> 0.5`,
      for: '3m',
    },
  ],
  summary:
    '{{ $labels.service }} on {{ $labels.instance }} is not ready: its database or key-value store does not answer',
  description:
    'Most of the readiness probes of {{ $labels.instance }} get 503 (a failed database or Redis check). The orchestrator has taken it out of service. Needs something probing /ready (compose healthcheck, Kubernetes readinessProbe).',
  tests: [
    {
      name: 'every probe has failed for 8 minutes',
      series: [ready('200', '0+6x2 12x10'), ready('503', '0x2 6+6x10')],
      at: '10m',
      expect: [{ severity: 'page', labels: { job: 'search', instance: 'search:1', service: 'search' } }],
    },
    {
      name: 'an instance shutting down answers 503 for two minutes, then is gone',
      series: [ready('200', '0+6x4 24x8'), ready('503', '0x4 6 12 12x6')],
      at: '10m',
      expect: [],
    },
  ],
};

const dependencyUp = (dependency: string, values: string) =>
  series('tripwise_dependency_up', { ...target('booking'), dependency }, values);

function dependencyAlert(name: string, dependency: 'database' | 'kv', what: string): CauseAlert {
  return {
    name,
    rules: [
      { severity: 'page', expr: `tripwise_dependency_up{${OWN_JOBS},dependency="${dependency}"} == 0`, for: '1m' },
    ],
    summary: `{{ $labels.service }} on {{ $labels.instance }} cannot reach its ${what}`,
    description: `The ${what} check of {{ $labels.service }} ({{ $labels.instance }}) has failed for a minute.`,
    tests: [
      {
        name: `the ${what} stops answering`,
        series: [dependencyUp(dependency, '1 1 0x10')],
        at: '5m',
        expect: [{ severity: 'page', labels: { ...target('booking'), dependency } }],
      },
      { name: 'one failed check, then fine', series: [dependencyUp(dependency, '1 1 0 1x10')], at: '5m', expect: [] },
    ],
  };
}

export const databaseUnreachable = dependencyAlert('TripwiseDatabaseUnreachable', 'database', 'database');
export const redisUnreachable = dependencyAlert('TripwiseRedisUnreachable', 'kv', 'Redis');

const requests = (status: string, route: string, values: string, job = 'search') =>
  series('http_request_duration_seconds_count', { ...target(job), method: 'GET', route, status_code: status }, values);

export const highErrorRatio: CauseAlert = {
  name: 'TripwiseHighErrorRatio',
  rules: [
    {
      severity: 'ticket',
      // Not /ready (503 there is a dependency, alerted above) and not the gateway's proxied routes (the upstream's
      // own answers are counted by the upstream, the gateway's failures by TripwiseUpstreamFailing).
      expr: `(
  sum by (job, service) (rate(http_request_duration_seconds_count{${OWN_JOBS},status_code=~"5..",route!~"proxy:.*|(/api/[a-z-]+)?/ready"}[5m]))
  or
  0 * sum by (job, service) (rate(http_request_duration_seconds_count{${OWN_JOBS}}[5m]))
)
/
sum by (job, service) (rate(http_request_duration_seconds_count{${OWN_JOBS},route!~"proxy:.*|(/api/[a-z-]+)?/ready"}[5m]))
> 0.05`,
      for: '10m',
    },
  ],
  summary: '{{ $labels.service }} answers more than 5% of its requests with a server error',
  description:
    'Over the last 10 minutes more than one request in twenty to {{ $labels.service }} got a 5xx, on any route.',
  tests: [
    {
      name: 'one search request in ten fails',
      series: [requests('200', '/api/search/flights', '0+90x20'), requests('500', '/flights', '0+10x20')],
      at: '12m',
      expect: [{ severity: 'ticket', labels: { job: 'search', service: 'search' } }],
    },
    {
      name: 'one in a hundred fails',
      series: [requests('200', '/api/search/flights', '0+99x20'), requests('500', '/flights', '0+1x20')],
      at: '12m',
      expect: [],
    },
    {
      name: "the gateway's 503 for a dead upstream is not the gateway's own error",
      series: [
        requests('200', '/health', '0+10x20', 'api-gateway'),
        requests('503', 'proxy:booking', '0+50x20', 'api-gateway'),
      ],
      at: '12m',
      expect: [],
    },
  ],
};

export const unexpectedErrors: CauseAlert = {
  name: 'TripwiseUnexpectedErrors',
  rules: [
    { severity: 'ticket', expr: `sum by (job, service) (increase(errors_total{${OWN_JOBS}}[15m])) > 0`, for: '0m' },
  ],
  summary: '{{ $labels.service }} hit an error it did not expect (a generic 500)',
  description:
    '{{ $labels.service }} answered at least one request with the generic 500 in the last 15 minutes: an error no code path handles, i.e. a bug. Its log line carries the request id and the details.',
  tests: [
    {
      name: 'one unexpected error',
      series: [series('errors_total', target('booking'), '0 0 0 1x10')],
      at: '5m',
      expect: [{ severity: 'ticket', labels: { job: 'booking', service: 'booking' } }],
    },
    { name: 'none', series: [series('errors_total', target('booking'), '0x20')], at: '15m', expect: [] },
  ],
};

import type { RowSpec } from './panels.ts';
import { BUCKETS, NOT_SCRAPES, REQUESTS, quantile, sel, share, sumRate } from './promql.ts';

const READY = 'route=~"(/api/[a-z-]+)?/ready"';

/** Rate, errors and duration of one process's requests, by route template. */
export function redRow(service: string): RowSpec {
  const mine = `service="${service}"`;
  const requests = `${REQUESTS}${sel(mine, NOT_SCRAPES)}`;
  const buckets = `${BUCKETS}${sel(mine, NOT_SCRAPES)}`;
  return {
    title: 'Requests (rate, errors, duration)',
    panels: [
      {
        title: 'Requests per second by route',
        unit: 'reqps',
        queries: [{ expr: sumRate('route', requests), legend: '{{route}}' }],
      },
      {
        title: 'Server errors (5xx share) by route',
        unit: 'percentunit',
        queries: [
          {
            expr: share('route', `${REQUESTS}${sel(mine, NOT_SCRAPES, 'status_code=~"5.."')}`, requests),
            legend: '{{route}}',
          },
        ],
      },
      {
        title: 'Responses by status',
        unit: 'reqps',
        stack: true,
        queries: [{ expr: sumRate('status_code', requests), legend: '{{status_code}}' }],
      },
      {
        title: 'Latency (all routes)',
        unit: 's',
        queries: [
          { expr: quantile(0.5, buckets, ''), legend: 'p50' },
          { expr: quantile(0.95, buckets, ''), legend: 'p95' },
          { expr: quantile(0.99, buckets, ''), legend: 'p99' },
        ],
      },
      {
        title: 'Latency p95 by route',
        unit: 's',
        width: 16,
        queries: [{ expr: quantile(0.95, buckets, 'route'), legend: '{{route}}' }],
      },
    ],
  };
}

/** CPU, event loop, memory, GC, descriptors and handles of each instance of one process. */
export function processRow(service: string): RowSpec {
  const mine = sel(`service="${service}"`);
  return {
    title: 'Process (saturation)',
    panels: [
      { title: 'Instances up', type: 'stat', queries: [{ expr: `sum(up{job="${service}"})`, legend: 'up' }] },
      {
        title: 'CPU (cores)',
        queries: [{ expr: sumRate('instance', `process_cpu_seconds_total${mine}`), legend: '{{instance}}' }],
      },
      {
        title: 'Event-loop lag',
        unit: 's',
        queries: [
          { expr: `nodejs_eventloop_lag_p99_seconds${mine}`, legend: 'p99 {{instance}}' },
          { expr: `nodejs_eventloop_lag_mean_seconds${mine}`, legend: 'mean {{instance}}' },
        ],
      },
      {
        title: 'Memory',
        unit: 'bytes',
        queries: [
          { expr: `process_resident_memory_bytes${mine}`, legend: 'resident {{instance}}' },
          { expr: `nodejs_heap_size_used_bytes${mine}`, legend: 'heap used {{instance}}' },
          { expr: `nodejs_heap_size_total_bytes${mine}`, legend: 'heap committed {{instance}}' },
          { expr: `nodejs_heap_size_limit_bytes${mine}`, legend: 'heap limit {{instance}}' },
        ],
      },
      {
        title: 'Time in garbage collection',
        unit: 'percentunit',
        description: 'prom-client records a kind of collection from its first one on: until then, 0.',
        queries: [
          {
            expr: `${sumRate('instance, kind', `nodejs_gc_duration_seconds_sum${mine}`)}\nor on (instance)\n0 * ${sumRate('instance', `process_cpu_seconds_total${mine}`)}`,
            legend: '{{kind}} {{instance}}',
          },
        ],
      },
      {
        title: 'File descriptors and handles',
        queries: [
          { expr: `process_open_fds${mine}`, legend: 'open fds {{instance}}' },
          { expr: `sum by (instance, type) (nodejs_active_handles${mine})`, legend: '{{type}} handles {{instance}}' },
        ],
      },
    ],
  };
}

/** Readiness and the process's dependencies: database, key-value store, the services it calls. */
export function dependenciesRow(service: string, options: { database: boolean; callsServices: boolean }): RowSpec {
  const mine = `service="${service}"`;
  const panels: RowSpec['panels'] = [
    {
      title: 'Readiness probes answered',
      unit: 'reqps',
      description:
        'GET /ready as the orchestrator (compose healthcheck, Kubernetes probe) asks it: 503 means a dependency failed.',
      queries: [{ expr: sumRate('status_code', `${REQUESTS}${sel(mine, READY)}`), legend: '{{status_code}}' }],
    },
    {
      title: 'Dependencies answering',
      queries: [{ expr: `tripwise_dependency_up${sel(mine)}`, legend: '{{dependency}} {{instance}}' }],
    },
    {
      title: 'Key-value store commands p95',
      unit: 's',
      queries: [
        { expr: quantile(0.95, `kv_command_duration_seconds_bucket${sel(mine)}`, 'command'), legend: '{{command}}' },
      ],
    },
  ];
  if (options.database) {
    panels.push(
      {
        title: 'Database pool',
        queries: [{ expr: `sum by (state) (db_pool_connections${sel(mine)})`, legend: '{{state}}' }],
      },
      {
        title: 'Database queries p95',
        unit: 's',
        queries: [
          { expr: quantile(0.95, `db_query_duration_seconds_bucket${sel(mine)}`, 'outcome'), legend: '{{outcome}}' },
        ],
      },
    );
  }
  if (options.callsServices) {
    panels.push({
      title: 'Calls to other services',
      unit: 'reqps',
      queries: [
        {
          expr: sumRate('target, outcome', `upstream_request_duration_seconds_count${sel(mine)}`),
          legend: '{{target}} {{outcome}}',
        },
      ],
    });
  }
  return { title: 'Dependencies', panels };
}

/** The service's SLOs: budget left and how fast it burns. */
export function sloRow(service: string): RowSpec {
  const mine = sel(`service="${service}"`);
  return {
    title: 'Service level objectives',
    panels: [
      {
        title: 'Error budget remaining (30 days)',
        type: 'bargauge',
        unit: 'percentunit',
        max: 1,
        queries: [{ expr: `slo:period_error_budget_remaining:ratio${mine}`, legend: '{{slo}}' }],
      },
      {
        title: 'Burn rate (1 hour)',
        queries: [
          { expr: `slo:sli_error:ratio_rate1h${mine} / on (slo) group_left slo:error_budget:ratio`, legend: '{{slo}}' },
        ],
      },
      {
        title: 'Error ratio (5 minutes)',
        unit: 'percentunit',
        queries: [{ expr: `slo:sli_error:ratio_rate5m${mine}`, legend: '{{slo}}' }],
      },
    ],
  };
}

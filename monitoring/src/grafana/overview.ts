import { JOBS_REGEX } from '../prometheus/targets.ts';
import { dashboard } from './panels.ts';
import { BUCKETS, NOT_SCRAPES, REQUESTS, quantile, sel, share, sumRate } from './promql.ts';

const all = sel(NOT_SCRAPES);

/** The first screen an operator opens: is everything up, are the SLOs safe, which service is in trouble. */
export const overview = dashboard({
  uid: 'tripwise-overview',
  title: 'Tripwise / Overview',
  description: 'Targets, SLO budgets and alerts, then the RED and saturation signals of every process side by side.',
  rows: [
    {
      title: 'Is it up, are the promises kept',
      panels: [
        {
          title: 'Targets up',
          type: 'stat',
          description: 'Instances answering /metrics, per process.',
          queries: [{ expr: `sum by (job) (up{job=~"${JOBS_REGEX}"})`, legend: '{{job}}' }],
        },
        {
          title: 'SLO error budget remaining (30 days)',
          type: 'bargauge',
          unit: 'percentunit',
          max: 1,
          description:
            "Share of each SLO's error budget not yet spent over the period (recording rules from slo.rules.yml).",
          queries: [{ expr: 'slo:period_error_budget_remaining:ratio', legend: '{{slo}}' }],
        },
        {
          title: 'SLO burn rate (last 5 minutes)',
          description: '1 spends the budget exactly over 30 days; 14.4 sustained for an hour pages.',
          queries: [{ expr: 'slo:current_burn_rate:ratio', legend: '{{slo}}' }],
        },
        {
          title: 'Alerts firing',
          width: 24,
          description: 'What Prometheus is sending to Alertmanager now, by alert and severity.',
          queries: [
            {
              expr: 'sum by (alertname, severity) (ALERTS{alertstate="firing"})',
              legend: '{{alertname}} ({{severity}})',
            },
          ],
        },
      ],
    },
    {
      title: 'Traffic, errors, latency per process',
      panels: [
        {
          title: 'Requests per second',
          unit: 'reqps',
          queries: [{ expr: sumRate('service', `${REQUESTS}${all}`), legend: '{{service}}' }],
        },
        {
          title: 'Server errors (5xx share)',
          unit: 'percentunit',
          queries: [
            {
              expr: share('service', `${REQUESTS}${sel(NOT_SCRAPES, 'status_code=~"5.."')}`, `${REQUESTS}${all}`),
              legend: '{{service}}',
            },
          ],
        },
        {
          title: 'Latency p95',
          unit: 's',
          queries: [{ expr: quantile(0.95, `${BUCKETS}${all}`, 'service'), legend: '{{service}}' }],
        },
      ],
    },
    {
      title: 'Saturation per process',
      panels: [
        {
          title: 'Event-loop lag p99 (worst instance)',
          unit: 's',
          queries: [{ expr: 'max by (service) (nodejs_eventloop_lag_p99_seconds)', legend: '{{service}}' }],
        },
        {
          title: 'CPU (cores)',
          queries: [{ expr: sumRate('service', 'process_cpu_seconds_total'), legend: '{{service}}' }],
        },
        {
          title: 'Resident memory',
          unit: 'bytes',
          queries: [{ expr: 'sum by (service) (process_resident_memory_bytes)', legend: '{{service}}' }],
        },
      ],
    },
    {
      title: 'At the gateway',
      panels: [
        {
          title: 'Gateway answers for unavailable services',
          unit: 'reqps',
          description:
            "The gateway's own 502/503/504: a service unreachable, too slow, broken off, or its circuit open.",
          queries: [
            { expr: sumRate('upstream, kind', 'gateway_upstream_errors_total'), legend: '{{upstream}} {{kind}}' },
          ],
        },
        {
          title: 'Requests refused by rate limits',
          unit: 'reqps',
          queries: [{ expr: sumRate('limiter', 'gateway_rate_limited_total'), legend: '{{limiter}}' }],
        },
      ],
    },
  ],
});

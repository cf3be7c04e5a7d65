import { OWN_JOBS, series, target, type CauseAlert } from './types.ts';

const failures = (kind: string, values: string) =>
  series('gateway_upstream_errors_total', { ...target('api-gateway'), upstream: 'booking', kind }, values);
const answered = (values: string) =>
  series(
    'gateway_upstream_duration_seconds_count',
    { ...target('api-gateway'), upstream: 'booking', status_class: '2xx' },
    values,
  );

export const upstreamFailing: CauseAlert = {
  name: 'TripwiseUpstreamFailing',
  rules: [
    {
      severity: 'ticket',
      // The gateway's own answers (unreachable, timeout, broken, circuit open) over all it forwarded or tried to.
      // `or … * 0`: an upstream that never answered has no duration series at all.
      expr: `label_replace(
  sum by (job, upstream) (rate(gateway_upstream_errors_total{${OWN_JOBS}}[5m]))
  /
  (
    sum by (job, upstream) (rate(gateway_upstream_errors_total{${OWN_JOBS}}[5m]))
    +
    (
      sum by (job, upstream) (rate(gateway_upstream_duration_seconds_count{${OWN_JOBS}}[5m]))
      or
      0 * sum by (job, upstream) (rate(gateway_upstream_errors_total{${OWN_JOBS}}[5m]))
    )
  )
  > 0.05,
  "service", "$1", "upstream", "(.*)"
)`,
      for: '5m',
    },
  ],
  summary: 'The gateway cannot get answers from {{ $labels.upstream }} for more than 5% of requests',
  description:
    'The gateway answers 502/503/504 itself for over 5% of the requests to {{ $labels.upstream }}: it is unreachable, too slow (timeout), breaks off responses, or its circuit breaker is open.',
  tests: [
    {
      name: 'half the booking requests time out',
      series: [failures('timeout', '0+5x15'), answered('0+5x15')],
      at: '8m',
      expect: [{ severity: 'ticket', labels: { job: 'api-gateway', upstream: 'booking', service: 'booking' } }],
    },
    {
      name: 'booking never answered at all',
      series: [failures('unreachable', '0+5x15')],
      at: '8m',
      expect: [{ severity: 'ticket', labels: { job: 'api-gateway', upstream: 'booking', service: 'booking' } }],
    },
    {
      name: 'one failure in a hundred',
      series: [failures('timeout', '0+1x15'), answered('0+99x15')],
      at: '8m',
      expect: [],
    },
  ],
};

const breaker = (values: string) =>
  series('gateway_circuit_state', { ...target('api-gateway'), upstream: 'search' }, values);

export const circuitOpen: CauseAlert = {
  name: 'TripwiseCircuitOpen',
  rules: [
    {
      severity: 'ticket',
      // An open breaker lets one trial through every few seconds (half-open, 1): open at some point of every minute.
      expr: `label_replace(
  max by (job, upstream) (max_over_time(gateway_circuit_state{${OWN_JOBS}}[1m])) == 2,
  "service", "$1", "upstream", "(.*)"
)`,
      for: '2m',
    },
  ],
  summary: "The gateway's circuit breaker for {{ $labels.upstream }} keeps opening",
  description:
    'For 2 minutes the gateway has been refusing requests to {{ $labels.upstream }} without trying (503 with Retry-After) after repeated failures, letting through only one trial at a time.',
  tests: [
    {
      name: 'open, half-open, open again for 5 minutes',
      series: [breaker('0 2 2 1 2 2 2 1 2 2 2')],
      at: '6m',
      expect: [{ severity: 'ticket', labels: { job: 'api-gateway', upstream: 'search', service: 'search' } }],
    },
    { name: 'opened once, closed after the trial', series: [breaker('0 0 2 0 0 0 0 0 0 0')], at: '6m', expect: [] },
  ],
};

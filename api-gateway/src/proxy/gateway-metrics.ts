import { Counter, Gauge, Histogram } from 'prom-client';
import type { ServiceMetrics } from '@tripwise/platform/metrics';
import { UPSTREAMS } from '../routes/upstream-table.ts';
import type { BreakerState } from './circuit-breaker.ts';

const UPSTREAM_ERROR_KINDS = ['unreachable', 'timeout', 'broken', 'circuit-open'] as const;

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

export const WEBSOCKET_UPGRADE_RESULTS = [
  'accepted',
  'not_found',
  'origin_refused',
  'token_refused',
  'rate_limited',
  'upstream_unavailable',
] as const;
export type WebsocketUpgradeResult = (typeof WEBSOCKET_UPGRADE_RESULTS)[number];

/** What an operator watches per upstream, registered next to the gateway's HTTP metrics. */
export function createGatewayMetrics(metrics: ServiceMetrics) {
  const registers = [metrics.registry];
  const upstreamDuration = new Histogram({
    name: 'gateway_upstream_duration_seconds',
    help: 'Time from forwarding a request to the upstream answering, by upstream and status class',
    labelNames: ['upstream', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const upstreamErrors = new Counter({
    name: 'gateway_upstream_errors_total',
    help: 'Requests the gateway answered itself because the upstream failed: unreachable, timeout, broken, circuit-open',
    labelNames: ['upstream', 'kind'] as const,
    registers,
  });
  const breakerState = new Gauge({
    name: 'gateway_circuit_state',
    help: 'Circuit breaker per upstream: 0 closed, 1 half-open, 2 open',
    labelNames: ['upstream'] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: 'gateway_rate_limited_total',
    help: 'Requests refused with 429, by limiter',
    labelNames: ['limiter'] as const,
    registers,
  });
  const websocketUpgrades = new Counter({
    name: 'gateway_websocket_upgrades_total',
    help: 'WebSocket upgrades the gateway handled, by result',
    labelNames: ['result'] as const,
    registers,
  });
  for (const result of WEBSOCKET_UPGRADE_RESULTS) websocketUpgrades.inc({ result }, 0);
  // 0 from the start, so an error ratio reads 0 before the first failure rather than "no data".
  for (const upstream of UPSTREAMS) {
    for (const kind of UPSTREAM_ERROR_KINDS) upstreamErrors.inc({ upstream, kind }, 0);
  }
  return {
    upstreamDuration,
    websocketUpgrades,
    upstreamErrors,
    rateLimited,
    setBreakerState: (upstream: string, state: BreakerState) => breakerState.set({ upstream }, BREAKER_VALUE[state]),
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;

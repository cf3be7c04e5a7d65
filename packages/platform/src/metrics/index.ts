export { UNMATCHED_ROUTE, createMetrics, routeLabel, type ServiceMetrics } from './metrics.ts';
export {
  LATENCY_BUCKETS,
  observeUpstream,
  registerProcessMetrics,
  timed,
  trackPool,
  type PoolStats,
  type UpstreamOutcome,
} from './process-metrics.ts';

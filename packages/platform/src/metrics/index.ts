export { UNMATCHED_ROUTE, createMetrics, routeLabel, type ServiceMetrics } from './metrics.ts';

import { loadStackConfig } from '../../../scripts/stack/config.ts';
import { SERVICES, type ProcessName } from '../../../scripts/stack/processes.ts';

/** Every process Prometheus scrapes, the gateway first. Each is its own job, named as the process. */
export const PROCESSES: readonly ProcessName[] = ['api-gateway', ...SERVICES];
export type { ProcessName };

/**
 * The port Prometheus scrapes for each process in a stack configuration: the gateway's metrics port
 * (GATEWAY_METRICS_PORT; its PORT is public and serves no metrics), each service's own port (AUTH_PORT, …).
 */
export function stackPorts(config: ReturnType<typeof loadStackConfig>): Record<ProcessName, number> {
  return {
    'api-gateway': config.GATEWAY_METRICS_PORT,
    auth: config.AUTH_PORT,
    search: config.SEARCH_PORT,
    booking: config.BOOKING_PORT,
    'ai-agent': config.AI_AGENT_PORT,
    insights: config.INSIGHTS_PORT,
  };
}

/** The metrics ports `npm start` uses unless told otherwise; the compose services and Kubernetes pods use the same. */
export const DEFAULT_PORTS = stackPorts(loadStackConfig({}));

/** A regex matching exactly the jobs of Tripwise's processes, for selectors like `up{job=~"…"}`. */
export const JOBS_REGEX = PROCESSES.join('|');

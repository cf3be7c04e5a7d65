import { getHeapStatistics } from 'node:v8';
import { Gauge, Histogram, type Metric, type Registry } from 'prom-client';

/**
 * Metrics about what a whole process holds (its database pool, its key-value store, its calls to other services),
 * observed deep inside the platform where no service registry is at hand. Each is one object per process, added to
 * every service registry the process builds (`registerProcessMetrics`): one in production, several in a test that
 * builds several apps, which then all read the same process-wide values.
 */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type CallOutcome = 'ok' | 'error';

export const dbQueryDuration = new Histogram({
  name: 'db_query_duration_seconds',
  help: 'Time of each database query, by outcome (ok, error)',
  labelNames: ['outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [],
});

export const kvCommandDuration = new Histogram({
  name: 'kv_command_duration_seconds',
  help: 'Time of each key-value store command (Redis, or the in-process store), by command and outcome',
  labelNames: ['command', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [],
});

export const upstreamRequestDuration = new Histogram({
  name: 'upstream_request_duration_seconds',
  help: 'Calls from this service to another (or to the card processor, the LLM), by target, operation and outcome',
  labelNames: ['target', 'operation', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [],
});

export interface PoolStats {
  inUse: number;
  idle: number;
  waiting: number;
}

const pools = new Set<() => PoolStats>();

/** Makes a database pool's connections part of `db_pool_connections`; the returned function forgets it (on close). */
export function trackPool(read: () => PoolStats): () => void {
  pools.add(read);
  return () => pools.delete(read);
}

export const dbPoolConnections = new Gauge({
  name: 'db_pool_connections',
  help: 'Database pool connections by state (in_use, idle, waiting for a connection)',
  labelNames: ['state'] as const,
  registers: [],
  collect() {
    const total: PoolStats = { inUse: 0, idle: 0, waiting: 0 };
    for (const read of pools) {
      const stats = read();
      total.inUse += stats.inUse;
      total.idle += stats.idle;
      total.waiting += stats.waiting;
    }
    this.set({ state: 'in_use' }, total.inUse);
    this.set({ state: 'idle' }, total.idle);
    this.set({ state: 'waiting' }, total.waiting);
  },
});

export const heapSizeLimit = new Gauge({
  name: 'nodejs_heap_size_limit_bytes',
  help: "V8's heap size limit in bytes (the heap cannot grow past it)",
  registers: [],
  collect() {
    this.set(getHeapStatistics().heap_size_limit);
  },
});

const PROCESS_METRICS: Metric[] = [
  dbQueryDuration,
  kvCommandDuration,
  upstreamRequestDuration,
  dbPoolConnections,
  heapSizeLimit,
];

/** Adds the process-wide metrics (and any service-wide ones given) to a service's registry. */
export function registerProcessMetrics(registry: Registry, metrics: readonly Metric[] = PROCESS_METRICS): void {
  for (const metric of metrics) registry.registerMetric(metric);
}

/** Times `fn` into a histogram with `outcome` ok or error (the error is rethrown). */
export async function timed<T>(
  observe: (seconds: number, outcome: CallOutcome) => void,
  fn: () => Promise<T>,
): Promise<T> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const result = await fn();
    observe(seconds(), 'ok');
    return result;
  } catch (err) {
    observe(seconds(), 'error');
    throw err;
  }
}

export type UpstreamOutcome = 'ok' | 'error' | 'timeout';

/**
 * Times a call to another service: `ok` when it answered (an answer that says no — sold out, declined — is still
 * an answer, which `isAnswer` recognises among errors), `timeout` when it did not answer in time, else `error`.
 */
export async function observeUpstream<T>(
  call: { target: string; operation: string; isAnswer?: (err: unknown) => boolean },
  fn: () => Promise<T>,
): Promise<T> {
  const end = upstreamRequestDuration.startTimer({ target: call.target, operation: call.operation });
  try {
    const result = await fn();
    end({ outcome: 'ok' });
    return result;
  } catch (err) {
    const name = (err as { name?: unknown } | null)?.name;
    const outcome: UpstreamOutcome = call.isAnswer?.(err)
      ? 'ok'
      : name === 'TimeoutError' || name === 'AbortError'
        ? 'timeout'
        : 'error';
    end({ outcome });
    throw err;
  }
}

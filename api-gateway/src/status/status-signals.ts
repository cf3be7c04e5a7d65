import { UPSTREAMS, type Upstream } from '../routes/upstream-table.ts';
import type { GatewayMetrics } from '../proxy/gateway-metrics.ts';
import type { UpstreamHealth } from './capabilities.ts';

const READY_TIMEOUT_MS = 2_000;

interface Totals {
  requests: number;
  failures: number;
}

/** Each upstream's requests and failures so far, from the gateway's own metrics (the ones the SLOs read). */
async function totalsFrom(metrics: GatewayMetrics): Promise<Record<string, Totals>> {
  const totals: Record<string, Totals> = Object.fromEntries(UPSTREAMS.map((u) => [u, { requests: 0, failures: 0 }]));
  for (const { labels, value, metricName } of (await metrics.upstreamDuration.get()).values) {
    const entry = totals[String(labels.upstream)];
    if (!entry || !metricName?.endsWith('_count')) continue;
    entry.requests += value;
    if (labels.status_class === '5xx') entry.failures += value;
  }
  for (const { labels, value } of (await metrics.upstreamErrors.get()).values) {
    const entry = totals[String(labels.upstream)];
    if (!entry) continue;
    entry.requests += value;
    entry.failures += value;
  }
  return totals;
}

async function isReady(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/ready`, { signal: AbortSignal.timeout(READY_TIMEOUT_MS) })).ok;
  } catch {
    return false;
  }
}

/** A service with several instances serves as long as one of them is ready (the gateway passes over the others). */
async function anyReady(urls: readonly string[]): Promise<boolean> {
  return (await Promise.all(urls.map(isReady))).some(Boolean);
}

/**
 * How each service is doing: its /ready (what an orchestrator probes) and, since the last reading, how many of the
 * requests the gateway forwarded to it failed.
 */
export function statusSignals(options: { urls: Record<Upstream, readonly string[]>; metrics: GatewayMetrics }) {
  let previous: Record<string, Totals> | undefined;
  return async function read(): Promise<Record<Upstream, UpstreamHealth>> {
    const [totals, ready] = await Promise.all([
      totalsFrom(options.metrics),
      Promise.all(UPSTREAMS.map((u) => anyReady(options.urls[u]))),
    ]);
    const since = previous ?? totals;
    previous = totals;
    return Object.fromEntries(
      UPSTREAMS.map((u, i) => [
        u,
        {
          ready: ready[i]!,
          requests: totals[u]!.requests - since[u]!.requests,
          failures: totals[u]!.failures - since[u]!.failures,
        },
      ]),
    ) as Record<Upstream, UpstreamHealth>;
  };
}

import { Router } from 'express';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import type { GatewayMetrics } from '../proxy/gateway-metrics.ts';
import type { Upstream } from '../routes/upstream-table.ts';
import { CAPABILITIES, statusOf } from './capabilities.ts';
import { incidentLog } from './incidents.ts';
import { renderStatusPage, type StatusReport } from './status-page.ts';
import { statusSignals } from './status-signals.ts';

// A browser refreshes the page every 30 s; the state behind it is computed by the gateway's periodic check.
const PAGE_HEADERS = {
  'Cache-Control': 'no-cache',
  // The page has no script at all, only its own inline stylesheet.
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/**
 * The public status page (`/status`, and `/status.json` for machines): each capability operational, degraded or
 * down from the gateway's view of the services, and the incidents of the last week. `check` is the gateway's
 * periodic task that refreshes it.
 */
export function statusPage(options: {
  /** Each service's instances. */
  urls: Record<Upstream, readonly string[]>;
  metrics: GatewayMetrics;
  kv: KvStore;
  logger: Logger;
}) {
  const signals = statusSignals(options);
  const incidents = incidentLog(options.kv);
  let report: StatusReport | undefined;

  async function check(): Promise<StatusReport> {
    const health = await signals();
    const statuses = Object.fromEntries(CAPABILITIES.map((c) => [c.id, statusOf(c, health)]));
    const log = await incidents.record(statuses);
    for (const [id, status] of Object.entries(statuses)) {
      if (status !== 'operational' && report?.capabilities.find((c) => c.id === id)?.status !== status) {
        options.logger.warn('capability not operational', { capability: id, status });
      }
    }
    report = {
      checkedAt: new Date().toISOString(),
      capabilities: CAPABILITIES.map((c) => ({ id: c.id, name: c.name, status: statuses[c.id]! })),
      incidents: log,
    };
    return report;
  }

  const router = Router();
  router.get('/status', async (_req, res) => {
    res.locals.routeLabel = '/status';
    res
      .set(PAGE_HEADERS)
      .type('html')
      .send(renderStatusPage(report ?? (await check())));
  });
  router.get('/status.json', async (_req, res) => {
    res.locals.routeLabel = '/status.json';
    res.set('Cache-Control', 'no-cache').json(report ?? (await check()));
  });
  return { router, check };
}

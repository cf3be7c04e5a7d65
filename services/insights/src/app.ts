import type { Express, NextFunction, Request, Response } from 'express';
import { INSIGHTS_LIMITS } from '@tripwise/contracts';
import type { Db } from '@tripwise/platform/db';
import { AppError } from '@tripwise/platform/errors';
import { createService, jsonBody, type AccessPolicy, type ErrorReporter, type Service } from '@tripwise/platform/http';
import { attemptLimiter, type KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import { createMetrics, registerProcessMetrics } from '@tripwise/platform/metrics';
import type { PeopleClient } from './clients/auth.client.ts';
import type { ListingsClient } from './clients/search.client.ts';
import type { Config } from './config.ts';
import { insertEvents } from './data/events.repository.ts';
import { eventBuffer } from './domain/event-buffer.ts';
import { fetchMissingProfiles } from './domain/profiles.use-case.ts';
import { deleteExpiredEvents, rollUpRecentDays } from './domain/rollups.use-case.ts';
import { countBatch, INSIGHTS_METRICS } from './insights.metrics.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { ingestRoutes } from './routes/ingest.routes.ts';
import { ownerRoutes } from './routes/owner.routes.ts';

export const SERVICE_NAME = 'insights';
const INGEST_PATH = '/api/insights/events';

export interface AppDeps {
  config: Pick<
    Config,
    | 'BODY_LIMIT'
    | 'TRUST_PROXY_HOPS'
    | 'INSIGHTS_RETENTION_DAYS'
    | 'INSIGHTS_FLUSH_MS'
    | 'INSIGHTS_BUFFER_MAX_EVENTS'
    | 'INSIGHTS_BATCHES_PER_IP_PER_MINUTE'
    | 'INSIGHTS_BATCHES_PER_SESSION_PER_MINUTE'
    | 'INSIGHTS_ROLLUP_INTERVAL_MS'
    | 'INSIGHTS_RETENTION_INTERVAL_MS'
  >;
  logger: Logger;
  db: Db;
  kv: KvStore;
  errorReporter?: ErrorReporter | undefined;
  access: AccessPolicy;
  listings: ListingsClient;
  people: PeopleClient;
}

export interface InsightsService extends Service {
  /** Writes buffered events now (also every INSIGHTS_FLUSH_MS, and on shutdown). */
  flush: () => Promise<void>;
  /** Recomputes today's and yesterday's rollups now (also every INSIGHTS_ROLLUP_INTERVAL_MS). */
  rollUp: (now?: number) => Promise<void>;
  /** Deletes raw events past the retention window now (also every INSIGHTS_RETENTION_INTERVAL_MS). */
  deleteExpired: (now?: number) => Promise<number>;
  /** Asks auth for the cohort facts of new user keys now (also a background task). */
  fetchProfiles: () => Promise<number>;
}

/**
 * The ingest body is read here with its own, smaller cap, so that an oversized or unreadable batch is counted
 * (insights_batches_total) before its 413/400 problem answer; every other route uses the service's body limit.
 */
function boundedIngestBody(app: Express): void {
  const parse = jsonBody({ limit: `${INSIGHTS_LIMITS.maxBatchBytes}b`, maxDepth: 8 });
  app.post(INGEST_PATH, (req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > INSIGHTS_LIMITS.maxBatchBytes) {
      countBatch('oversized');
      next(tooLarge());
      return;
    }
    parse(req, res, (err?: unknown) => {
      if (err) {
        const status = (err as { status?: number }).status;
        countBatch(status === 413 ? 'oversized' : 'malformed');
        next(status === 413 ? tooLarge() : err);
        return;
      }
      next();
    });
  });
}

const tooLarge = () =>
  new AppError('batch-too-large', 413, 'Content too large', {
    detail: `A batch is at most ${INSIGHTS_LIMITS.maxBatchBytes} bytes and ${INSIGHTS_LIMITS.maxEventsPerBatch} events.`,
  });

export function createApp(deps: AppDeps): InsightsService {
  const { db, config } = deps;
  const metrics = createMetrics(SERVICE_NAME);
  registerProcessMetrics(metrics.registry, INSIGHTS_METRICS);
  const buffer = eventBuffer((rows) => insertEvents(db, rows), {
    maxEvents: config.INSIGHTS_BUFFER_MAX_EVENTS,
    flushAt: 2_000,
    logger: deps.logger,
  });
  const ingest = {
    buffer,
    logger: deps.logger,
    perAddress: attemptLimiter(deps.kv, {
      name: 'insights-ip',
      limit: config.INSIGHTS_BATCHES_PER_IP_PER_MINUTE,
      windowMs: 60_000,
    }),
    perSession: attemptLimiter(deps.kv, {
      name: 'insights-session',
      limit: config.INSIGHTS_BATCHES_PER_SESSION_PER_MINUTE,
      windowMs: 60_000,
    }),
  };
  const rollUp = (now?: number) => rollUpRecentDays(db, now);
  const deleteExpired = (now?: number) => deleteExpiredEvents(db, config.INSIGHTS_RETENTION_DAYS, now);
  const fetchProfiles = () => fetchMissingProfiles(db, deps.people);
  const service = createService({
    name: SERVICE_NAME,
    logger: deps.logger,
    metrics,
    bodyLimit: config.BODY_LIMIT,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    publicPrefixes: ['/api/insights'],
    readiness: { database: () => db.ping(), kv: () => deps.kv.ping() },
    ...(deps.errorReporter ? { errorReporter: deps.errorReporter } : {}),
    access: deps.access,
    openApi: { path: '/api/insights/openapi.json', title: 'Tripwise insights' },
    beforeBodyParser: boundedIngestBody,
    mounts: [
      { prefix: '/api/insights', router: ingestRoutes(ingest) },
      { prefix: '/api/insights', router: ownerRoutes(db, deps.listings) },
      { prefix: '/api/insights', router: adminRoutes(db, deps.people) },
    ],
    backgroundTasks: [
      { name: 'insights-flush', everyMs: config.INSIGHTS_FLUSH_MS, run: buffer.flush },
      { name: 'insights-rollup', everyMs: config.INSIGHTS_ROLLUP_INTERVAL_MS, run: () => rollUp() },
      { name: 'insights-profiles', everyMs: config.INSIGHTS_ROLLUP_INTERVAL_MS, run: fetchProfiles },
      {
        name: 'insights-retention',
        everyMs: config.INSIGHTS_RETENTION_INTERVAL_MS,
        run: () => deleteExpired(),
        runAtStart: true,
      },
    ],
  });
  return { ...service, flush: buffer.flush, rollUp, deleteExpired, fetchProfiles };
}

import { requireAuth, type TokenVerifier } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { createService, openApiDocument, type ErrorReporter, type Service } from '@tripwise/platform/http';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import { createMetrics } from '@tripwise/platform/metrics';
import type { BookingApi } from './clients/booking.client.ts';
import type { IntentLlm } from './domain/intent/llm/intent-llm.ts';
import type { SearchApi } from './clients/search.client.ts';
import type { Config } from './config.ts';
import { finishPlan } from './data/sessions.repository.ts';
import { createJobEvents, type EmitToUser, type JobEvents } from './domain/jobs/job-events.ts';
import { createJobRunner, type JobRunner } from './domain/jobs/job-runner.ts';
import { agentRoutes } from './routes/agent.routes.ts';
import { marketRoutes } from './routes/market.routes.ts';
import { takeDeal } from './domain/market/deals.use-case.ts';
import { deliverAlerts, judgeWatches } from './domain/market/watches.use-case.ts';
import { createPriceFeed } from './domain/market/price-feed.ts';

export const SERVICE_NAME = 'ai-agent';

export interface AppDeps {
  config: Pick<Config, 'BODY_LIMIT' | 'TRUST_PROXY_HOPS'>;
  logger: Logger;
  db: Db;
  kv: KvStore;
  errorReporter?: ErrorReporter | undefined;
  verify: TokenVerifier;
  search: SearchApi;
  /** An LLM that reads chat turns first (absent: the rules alone). */
  intentLlm?: IntentLlm | undefined;
  /** The booking service, for booking a bundle on the traveler's behalf. */
  booking: BookingApi;
  /** Sends a job's events to the user's sockets (on every instance). */
  emitToUser: EmitToUser;
  /** Whether the user has a socket open on any instance (an alert is then delivered at once). */
  isOnline: (userId: string) => Promise<boolean>;
  /** Search's feed of price events: deals and watches are made from it. */
  priceEvents: { after: (afterId: number) => Promise<unknown[]>; latestId: () => Promise<number> };
  now?: () => Date;
}

export interface AgentService extends Service {
  jobs: JobRunner;
  events: JobEvents;
  /** Reads search's price events (index.ts polls it, and subscribes when Redis is shared). */
  priceFeed: ReturnType<typeof createPriceFeed>;
}

export function createApp(deps: AppDeps): AgentService {
  const { db } = deps;
  const events = createJobEvents(deps.kv, deps.emitToUser);
  const jobs = createJobRunner({
    kv: deps.kv,
    events,
    logger: deps.logger,
    finished: async (jobId, outcome) => {
      await finishPlan(
        db,
        jobId,
        outcome.status,
        outcome.status === 'done' ? { kind: outcome.result.kind } : outcome.error,
      );
    },
  });
  const priceFeed = createPriceFeed({
    kv: deps.kv,
    logger: deps.logger,
    instanceId: jobs.instanceId,
    fetchAfter: deps.priceEvents.after,
    fetchLatestId: deps.priceEvents.latestId,
    handle: async (event) => {
      await takeDeal({ db, emitToUser: deps.emitToUser }, event);
      await deliverAlerts({ db, emitToUser: deps.emitToUser, isOnline: deps.isOnline }, await judgeWatches(db, event));
    },
  });
  const market = marketRoutes(db, requireAuth(deps.verify));
  const ai = agentRoutes(
    {
      db,
      search: deps.search,
      booking: deps.booking,
      intentLlm: deps.intentLlm,
      jobs,
      events,
      ...(deps.now ? { now: deps.now } : {}),
    },
    requireAuth(deps.verify),
  );
  const openApi = openApiDocument({
    title: 'Tripwise AI concierge',
    version: '1',
    mounts: [
      { prefix: '/api/ai', router: ai },
      { prefix: '/api/ai', router: market },
    ],
  });
  const service = createService({
    name: SERVICE_NAME,
    logger: deps.logger,
    metrics: createMetrics(SERVICE_NAME),
    bodyLimit: deps.config.BODY_LIMIT,
    trustProxyHops: deps.config.TRUST_PROXY_HOPS,
    publicPrefixes: ['/api/ai'],
    readiness: { database: () => db.ping(), kv: () => deps.kv.ping() },
    ...(deps.errorReporter ? { errorReporter: deps.errorReporter } : {}),
    routes: (app) => {
      app.get('/api/ai/openapi.json', (_req, res) => {
        res.json(openApi);
      });
      app.use('/api/ai', ai.router);
      app.use('/api/ai', market.router);
    },
  });
  return { ...service, jobs, events, priceFeed };
}

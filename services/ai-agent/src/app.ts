import type { Server } from 'socket.io';
import type { Db } from '@tripwise/platform/db';
import { createService, type AccessPolicy, type ErrorReporter, type Service } from '@tripwise/platform/http';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import { createMetrics, registerProcessMetrics } from '@tripwise/platform/metrics';
import { AGENT_METRICS, countWatchesWith } from './agent.metrics.ts';
import { countActiveWatches } from './data/watch-count.repository.ts';
import type { BookingApi } from './clients/booking.client.ts';
import type { IntentLlm } from './domain/intent/llm/intent-llm.ts';
import type { SearchApi } from './clients/search.client.ts';
import type { Config } from './config.ts';
import { finishPlan } from './data/sessions.repository.ts';
import { createJobEvents, type JobEvents } from './domain/jobs/job-events.ts';
import { createJobRunner, type JobRunner } from './domain/jobs/job-runner.ts';
import { agentRoutes } from './routes/agent.routes.ts';
import { marketRoutes } from './routes/market.routes.ts';
import { takeDeal } from './domain/market/deals.use-case.ts';
import { deliverAlerts, deliverPending, judgeWatches } from './domain/market/watches.use-case.ts';
import { createPriceFeed } from './domain/market/price-feed.ts';
import { createAgentSocket, type AgentSocket } from './realtime/agent-socket.ts';

export const SERVICE_NAME = 'ai-agent';

export interface AppDeps {
  config: Pick<Config, 'BODY_LIMIT' | 'TRUST_PROXY_HOPS' | 'CORS_ORIGINS' | 'SOCKET_REVOCATION_CHECK_MS'>;
  logger: Logger;
  db: Db;
  kv: KvStore;
  errorReporter?: ErrorReporter | undefined;
  /** Token checks (HTTP routes and socket handshakes) and the deny list. */
  access: AccessPolicy;
  search: SearchApi;
  /** An LLM that reads chat turns first (absent: the rules alone). */
  intentLlm?: IntentLlm | undefined;
  /** The booking service, for booking a bundle on the traveler's behalf. */
  booking: BookingApi;
  /** Makes socket rooms span instances (the Redis adapter); absent, this instance's sockets are all there are. */
  socketAdapter?: ((io: Server) => void) | undefined;
  /** Search's feed of price events: deals and watches are made from it. */
  priceEvents: { after: (afterId: number) => Promise<unknown[]>; latestId: () => Promise<number> };
  now?: () => Date;
}

export interface AgentService extends Service {
  jobs: JobRunner;
  events: JobEvents;
  /** Socket.IO's `/agent` namespace (attached to the HTTP server once it listens). */
  socket: AgentSocket;
  /** Reads search's price events (polled as a background task; subscribed to when Redis is shared). */
  priceFeed: ReturnType<typeof createPriceFeed>;
  /**
   * Starts the job workers (and, when Redis is shared with search, the live price feed); the function it resolves
   * with stops them and the sockets, for the start of shutdown.
   */
  start: (options: { livePrices: boolean }) => Promise<() => Promise<void>>;
}

/** Search's price events are read this often (and arrive at once over pub/sub when Redis is shared). */
const PRICE_FEED_POLL_MS = 2_000;

export function createApp(deps: AppDeps): AgentService {
  const { db } = deps;
  const socket = createAgentSocket({
    verify: deps.access.verify,
    logger: deps.logger,
    isDenied: deps.access.isDenied ?? (async () => false),
    allowedOrigins: deps.config.CORS_ORIGINS,
  });
  deps.socketAdapter?.(socket.io);
  const { emitToUser, isOnline } = socket;
  const events = createJobEvents(deps.kv, emitToUser);
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
      await takeDeal({ db, emitToUser }, event);
      await deliverAlerts({ db, emitToUser, isOnline }, await judgeWatches(db, event));
    },
  });
  const ai = agentRoutes({
    db,
    search: deps.search,
    booking: deps.booking,
    intentLlm: deps.intentLlm,
    jobs,
    events,
    ...(deps.now ? { now: deps.now } : {}),
  });
  socket.handleJobs(jobs, events);
  socket.onConnected((userId, send) => deliverPending(db, userId, (alert) => send('watch:alert', alert)));
  const metrics = createMetrics(SERVICE_NAME);
  registerProcessMetrics(metrics.registry, AGENT_METRICS);
  countWatchesWith(() => countActiveWatches(db));
  const service = createService({
    name: SERVICE_NAME,
    logger: deps.logger,
    metrics,
    bodyLimit: deps.config.BODY_LIMIT,
    trustProxyHops: deps.config.TRUST_PROXY_HOPS,
    publicPrefixes: ['/api/ai'],
    readiness: { database: () => db.ping(), kv: () => deps.kv.ping() },
    ...(deps.errorReporter ? { errorReporter: deps.errorReporter } : {}),
    access: deps.access,
    attach: socket.attach,
    openApi: { path: '/api/ai/openapi.json', title: 'Tripwise AI concierge' },
    mounts: [
      { prefix: '/api/ai', router: ai },
      { prefix: '/api/ai', router: marketRoutes(db) },
    ],
    backgroundTasks: [
      { name: 'agent-heartbeat', everyMs: jobs.intervals.heartbeatMs, run: jobs.heartbeat },
      { name: 'lost-job-check', everyMs: jobs.intervals.reapMs, run: jobs.reapLostJobs },
      { name: 'price-feed-poll', everyMs: PRICE_FEED_POLL_MS, run: priceFeed.poll },
      {
        name: 'socket-revocation-check',
        everyMs: deps.config.SOCKET_REVOCATION_CHECK_MS,
        run: () => socket.dropRevokedSessions(),
      },
    ],
  });
  const start = async ({ livePrices }: { livePrices: boolean }) => {
    await jobs.startWorkers();
    const unsubscribe = livePrices ? await priceFeed.subscribe() : async () => undefined;
    return async () => {
      await unsubscribe();
      await jobs.stopWorkers();
      await socket.close();
    };
  };
  return { ...service, jobs, events, socket, priceFeed, start };
}

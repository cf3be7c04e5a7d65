import { fileURLToPath } from 'node:url';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { loadServiceToken } from '@tripwise/platform/config';
import { cachingDenyCheck, httpDenyCheck, isSessionDenied, verifierFromConfig } from '@tripwise/platform/auth';
import { bootService, openStorage } from '@tripwise/platform/http';
import { SERVICE_NAME, createApp } from './app.ts';
import { bookingApi } from './clients/booking.client.ts';
import { intentLlmFromConfig } from './domain/intent/llm/intent-llm.ts';
import { priceEventsClient } from './clients/price-events.client.ts';
import { searchApi } from './clients/search.client.ts';
import { deliverPending } from './domain/market/watches.use-case.ts';
import { config } from './config.ts';
import { createAgentSocket, type AgentSocket } from './realtime/agent-socket.ts';

const PRICE_FEED_POLL_MS = 2_000;
const migrationsDir = fileURLToPath(new URL('./data/migrations', import.meta.url));

/**
 * Boots the agent: storage, the Socket.IO namespace (rooms across instances with Redis), the app, the job workers
 * and the price feed. Resolves with the realtime module once listening, for a process that also emits on its own
 * (the fan-out benchmark), so that one composition serves the service and its benchmark.
 */
export async function startAgentService(): Promise<AgentSocket> {
  const verify = verifierFromConfig(config);
  let socket: AgentSocket | undefined;
  await bootService({
    name: SERVICE_NAME,
    config,
    build: async (context) => {
      const { logger } = context;
      const { db, kv } = await openStorage(SERVICE_NAME, config, migrationsDir, context);
      // With Redis, auth's deny list is shared; in the embedded mode, auth answers over HTTP.
      const isDenied = cachingDenyCheck(
        config.REDIS_URL ? (sid) => isSessionDenied(kv, sid) : httpDenyCheck(config.AUTH_URL),
        2_000,
      );
      socket = createAgentSocket({
        verify,
        logger,
        isDenied,
        allowedOrigins: config.CORS_ORIGINS,
        revocationCheckMs: config.SOCKET_REVOCATION_CHECK_MS,
      });
      if (config.REDIS_URL) {
        // Rooms span instances: an event emitted on one reaches a user's sockets on every other.
        const pub = new Redis(config.REDIS_URL, { lazyConnect: false });
        const sub = pub.duplicate();
        socket.io.adapter(createAdapter(pub, sub, { key: `${config.REDIS_PREFIX}socket.io` }));
        context.onClose(async () => {
          pub.disconnect();
          sub.disconnect();
        });
      }
      const service = createApp({
        config,
        logger,
        db,
        kv,
        errorReporter: context.errorReporter,
        verify,
        search: searchApi({ url: config.SEARCH_URL }),
        booking: bookingApi({ url: config.BOOKING_URL }),
        intentLlm: intentLlmFromConfig(config, { logger }),
        emitToUser: socket.emitToUser,
        isOnline: socket.isOnline,
        priceEvents: priceEventsClient({ url: config.SEARCH_URL, serviceToken: await loadServiceToken(config) }),
      });
      socket.handleJobs(service.jobs, service.events);
      socket.onConnected((userId, send) => deliverPending(db, userId, (alert) => send('watch:alert', alert)));
      await service.jobs.startWorkers();
      // Price events: live on pub/sub when Redis is shared with search, and read from its feed in any case.
      const unsubscribe = config.REDIS_URL ? await service.priceFeed.subscribe() : async () => undefined;
      const feed = setInterval(() => {
        service.priceFeed.poll().catch((err: unknown) => logger.warn('price events not read yet; will retry', { err }));
      }, PRICE_FEED_POLL_MS);
      context.onDrain(async () => {
        clearInterval(feed);
        await unsubscribe();
        await service.jobs.stopWorkers();
        await socket?.close();
      });
      return service;
    },
    onListening: (server) => {
      socket?.attach(server);
    },
  });
  if (!socket) throw new Error('the agent did not build its socket');
  return socket;
}

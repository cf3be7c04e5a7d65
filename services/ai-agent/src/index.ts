import { fileURLToPath } from 'node:url';
import { bootService } from '@tripwise/platform/http';
import { SERVICE_NAME, createApp } from './app.ts';
import { bookingApi } from './clients/booking.client.ts';
import { priceEventsClient } from './clients/price-events.client.ts';
import { searchApi } from './clients/search.client.ts';
import { config } from './config.ts';
import { intentLlmFromConfig } from './domain/intent/llm/intent-llm.ts';
import { redisSocketAdapter } from './realtime/redis-socket-adapter.ts';

const migrationsDir = fileURLToPath(new URL('./data/migrations', import.meta.url));

const { service } = await bootService({
  name: SERVICE_NAME,
  config,
  build: async (context) => {
    const { logger } = context;
    const { db, kv } = await context.storage(migrationsDir);
    const agent = createApp({
      config,
      logger,
      db,
      kv,
      errorReporter: context.errorReporter,
      access: await context.accessPolicy(kv),
      socketAdapter: config.REDIS_URL ? redisSocketAdapter(config.REDIS_URL, config.REDIS_PREFIX, context) : undefined,
      search: searchApi({ url: config.SEARCH_URL }),
      booking: bookingApi({ url: config.BOOKING_URL }),
      intentLlm: intentLlmFromConfig(config, { logger }),
      priceEvents: priceEventsClient({ url: config.SEARCH_URL, serviceToken: await context.serviceToken() }),
    });
    context.onDrain(await agent.start({ livePrices: config.REDIS_URL !== undefined }));
    return agent;
  },
});

/** The running agent, for a process that emits on its own besides serving (the fan-out benchmark's instance). */
export const runningAgent = service;

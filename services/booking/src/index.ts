import { fileURLToPath } from 'node:url';
import { verifierFromConfig } from '@tripwise/platform/auth';
import { loadServiceToken } from '@tripwise/platform/config';
import { bootService, openStorage } from '@tripwise/platform/http';
import { SERVICE_NAME, createApp } from './app.ts';
import { searchClient } from './clients/search.client.ts';
import { config } from './config.ts';
import { startBuiltInProcessor } from './payments/built-in-processor.ts';
import { cardProcessorClient } from './payments/card-processor.client.ts';

const migrationsDir = fileURLToPath(new URL('./data/migrations', import.meta.url));

await bootService({
  name: SERVICE_NAME,
  config,
  build: async (context) => {
    const { logger } = context;
    const { db, kv } = await openStorage(SERVICE_NAME, config, migrationsDir, context);
    const serviceToken = await loadServiceToken(config);
    const processor =
      config.PAYMENTS_URL && config.PAYMENTS_SECRET_KEY
        ? { url: config.PAYMENTS_URL, secretKey: config.PAYMENTS_SECRET_KEY }
        : await startBuiltInProcessor(db, config.DATA_DIR);
    if ('close' in processor) context.onClose(processor.close);
    const service = createApp({
      config,
      logger,
      db,
      kv,
      errorReporter: context.errorReporter,
      verify: verifierFromConfig(config),
      serviceToken,
      search: searchClient({ url: config.SEARCH_URL, serviceToken }),
      payments: cardProcessorClient(processor),
      ...(config.FAULT_CRASH_AT
        ? {
            checkpoint: (name) => {
              if (name === config.FAULT_CRASH_AT) process.kill(process.pid, 'SIGKILL');
            },
          }
        : {}),
    });
    const outbox = setInterval(() => void service.publishEvents(), config.OUTBOX_POLL_MS);
    const recovery = setInterval(() => {
      service.recoverBookings().catch((err: unknown) => logger.error('booking recovery failed', { err }));
    }, config.RECOVERY_INTERVAL_MS);
    void service.recoverBookings().catch((err: unknown) => logger.error('booking recovery failed', { err }));
    context.onClose(async () => {
      clearInterval(outbox);
      clearInterval(recovery);
    });
    return service;
  },
});

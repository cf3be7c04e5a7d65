import { fileURLToPath } from 'node:url';
import { bootService } from '@tripwise/platform/http';
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
    const { db, kv } = await context.storage(migrationsDir);
    const access = await context.accessPolicy(kv);
    const processor =
      config.PAYMENTS_URL && config.PAYMENTS_SECRET_KEY
        ? { url: config.PAYMENTS_URL, secretKey: config.PAYMENTS_SECRET_KEY }
        : await startBuiltInProcessor(db, config.DATA_DIR);
    if ('close' in processor) context.onClose(processor.close);
    const crashAt = config.FAULT_CRASH_AT;
    return createApp({
      config,
      logger: context.logger,
      db,
      kv,
      errorReporter: context.errorReporter,
      access,
      search: searchClient({ url: config.SEARCH_URL, serviceToken: await context.serviceToken() }),
      payments: cardProcessorClient(processor),
      // Fault injection for the crash tests: the process dies at the named point of the saga.
      ...(crashAt ? { checkpoint: (name) => name === crashAt && process.kill(process.pid, 'SIGKILL') } : {}),
    });
  },
});

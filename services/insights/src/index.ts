import { fileURLToPath } from 'node:url';
import { bootService } from '@tripwise/platform/http';
import { SERVICE_NAME, createApp } from './app.ts';
import { authClient } from './clients/auth.client.ts';
import { searchClient } from './clients/search.client.ts';
import { config } from './config.ts';

const migrationsDir = fileURLToPath(new URL('./data/migrations', import.meta.url));

await bootService({
  name: SERVICE_NAME,
  config,
  build: async (context) => {
    const { db, kv } = await context.storage(migrationsDir);
    const access = await context.accessPolicy(kv);
    const serviceToken = await context.serviceToken();
    const service = createApp({
      config,
      logger: context.logger,
      db,
      kv,
      errorReporter: context.errorReporter,
      access,
      listings: searchClient({ url: config.SEARCH_URL }),
      people: authClient({ url: config.AUTH_URL, serviceToken }),
    });
    // Events still in memory are written before the database closes.
    context.onClose(() => service.flush());
    return service;
  },
});

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootService } from '@tripwise/platform/http';
import { SERVICE_NAME, authDeps, createApp } from './app.ts';
import { searchClient } from './clients/search.client.ts';
import { config } from './config.ts';
import { createMail, loadDataKey, openSigningKeys } from './infrastructure.ts';
import { bootstrapAdmin } from './seed/bootstrap-admin.ts';
import { seedDemoAccounts } from './seed/demo-accounts.ts';

const migrationsDir = fileURLToPath(new URL('./data/migrations', import.meta.url));

await bootService({
  name: SERVICE_NAME,
  config,
  build: async (context) => {
    const { logger } = context;
    const { db, kv } = await context.storage(migrationsDir);
    const mail = createMail(config, db, logger);
    context.onClose(mail.close);
    const deps = {
      config,
      logger,
      db,
      kv,
      keys: await openSigningKeys(config, db, logger),
      dataKey: await loadDataKey(config),
      mail,
      serviceToken: await context.serviceToken(),
      errorReporter: context.errorReporter,
      ownerDeleted: searchClient({ url: config.SEARCH_URL, serviceToken: await context.serviceToken() }).ownerDeleted,
    };
    await bootstrapAdmin(authDeps(deps), config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    if (config.SEED_DEMO_ACCOUNTS) {
      await seedDemoAccounts(authDeps(deps), join(config.DATA_DIR, 'auth', 'demo-accounts.json'));
    }
    return createApp(deps);
  },
});

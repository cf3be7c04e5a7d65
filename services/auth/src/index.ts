import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootService, openStorage } from '@tripwise/platform/http';
import { SERVICE_NAME, authDeps, createApp } from './app.ts';
import { config } from './config.ts';
import { loadDataKey, startMail, startSigningKeys } from './infrastructure.ts';
import { bootstrapAdmin } from './seed/bootstrap-admin.ts';
import { seedDemoAccounts } from './seed/demo-accounts.ts';

const migrationsDir = fileURLToPath(new URL('./data/migrations', import.meta.url));

await bootService({
  name: SERVICE_NAME,
  config,
  build: async (context) => {
    const { logger, onClose } = context;
    const { db, kv } = await openStorage(SERVICE_NAME, config, migrationsDir, context);
    const dataKey = await loadDataKey(config);
    const keys = await startSigningKeys(config, db, logger);
    onClose(async () => keys.stop());
    const mail = startMail(config, db, logger);
    onClose(() => mail.stop());
    const mailQueued = () => {
      mail.drain().catch((err: unknown) => logger.error('mail worker failed', { err }));
    };
    const deps = { config, logger, db, kv, keys, dataKey, mailQueued, errorReporter: context.errorReporter };
    await bootstrapAdmin(authDeps(deps), config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    if (config.SEED_DEMO_ACCOUNTS) {
      await seedDemoAccounts(authDeps(deps), join(config.DATA_DIR, 'auth', 'demo-accounts.json'));
    }
    return createApp(deps);
  },
});

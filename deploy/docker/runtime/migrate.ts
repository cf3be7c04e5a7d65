// A service's migrations, alone: `node /app/deploy/docker/runtime/migrate.ts <service>` from the service's folder
// (the image's working directory). The Kubernetes migration Jobs run it before a rollout; the services also
// migrate at start (under the same advisory lock), so running it twice, or alongside them, is harmless.
import { join } from 'node:path';
import { openDatabase } from '@tripwise/platform/db';
import { createLogger } from '@tripwise/platform/logger';
import { migrationConfig } from './migrate.config.ts';

const service = process.argv[2];
if (!service) throw new Error('usage: migrate.ts <service>');
const logger = createLogger({ service: `${service}-migrations`, level: migrationConfig.LOG_LEVEL });
if (!migrationConfig.DATABASE_URL) {
  logger.error('DATABASE_URL is required: migrations run against PostgreSQL');
  process.exit(78);
}
const db = await openDatabase({
  service,
  config: migrationConfig,
  logger,
  migrationsDir: join(process.cwd(), 'src', 'data', 'migrations'),
});
await db.close();

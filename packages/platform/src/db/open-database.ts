import { join } from 'node:path';
import type { StorageEnv } from '../config/index.ts';
import type { Logger } from '../logger/index.ts';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPgliteDb } from './pglite.db.ts';
import { openPostgresDb } from './postgres.db.ts';

export interface OpenDatabaseOptions {
  service: string;
  config: Pick<StorageEnv, 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'DATABASE_POOL_MAX' | 'DATA_DIR'> &
    Partial<
      Pick<StorageEnv, 'DATABASE_STATEMENT_TIMEOUT_MS' | 'DATABASE_CONNECT_TIMEOUT_MS' | 'PGLITE_SHARED_BUFFERS'>
    >;
  logger: Logger;
  /** Folder of versioned SQL migrations, applied before the database is handed out. */
  migrationsDir: string;
}

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite in `DATA_DIR/<service>/pgdata`; migrated either way. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  const { config, service, logger } = options;
  const schema = config.DATABASE_SCHEMA ?? service.replaceAll('-', '_');
  const db = config.DATABASE_URL
    ? await openPostgresDb({
        url: config.DATABASE_URL,
        schema,
        poolMax: config.DATABASE_POOL_MAX,
        ...(config.DATABASE_STATEMENT_TIMEOUT_MS ? { statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS } : {}),
        ...(config.DATABASE_CONNECT_TIMEOUT_MS ? { connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS } : {}),
        logger,
        applicationName: service,
      })
    : await openPgliteDb({
        dataDir: join(config.DATA_DIR, service, 'pgdata'),
        schema,
        ...(config.PGLITE_SHARED_BUFFERS ? { sharedBuffers: config.PGLITE_SHARED_BUFFERS } : {}),
      });
  try {
    const applied = await migrate(db, options.migrationsDir);
    logger.info('database ready', { backend: db.kind, schema, migrationsApplied: applied });
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

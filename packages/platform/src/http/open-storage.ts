import type { StorageEnv } from '../config/index.ts';
import { openDatabase, type Db } from '../db/index.ts';
import { openKvStore, type KvStore } from '../kv/index.ts';
import type { BootContext } from './boot-service.ts';

/**
 * Opens a service's own database (migrated) and the key-value store, and registers both to close on shutdown.
 * With DATABASE_URL / REDIS_URL set these are PostgreSQL and Redis; otherwise PGlite and the in-process store.
 */
export async function openStorage(
  service: string,
  config: StorageEnv,
  migrationsDir: string,
  context: BootContext,
): Promise<{ db: Db; kv: KvStore }> {
  const db = await openDatabase({ service, config, logger: context.logger, migrationsDir });
  context.onClose(() => db.close());
  const kv = await openKvStore(config, context.logger);
  context.onClose(() => kv.close());
  return { db, kv };
}

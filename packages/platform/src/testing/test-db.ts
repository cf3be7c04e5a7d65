import { randomBytes } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { migrate, openPgliteDb, openPostgresDb, quoteIdentifier } from '../db/index.ts';
import { createLogger } from '../logger/index.ts';
import { testEnv } from './config.ts';

export type TestDbBackend = 'pglite' | 'postgres';

/** The backends this run can test against: always PGlite, and PostgreSQL when DATABASE_URL is set. */
export function availableDbBackends(): TestDbBackend[] {
  return testEnv.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** The backend the service-level tests use: PostgreSQL when DATABASE_URL is set, else PGlite. */
export function defaultDbBackend(): TestDbBackend {
  return testEnv.DATABASE_URL ? 'postgres' : 'pglite';
}

export function uniqueSchemaName(prefix = 't'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/**
 * A database of the test's own: PGlite in memory, or a fresh schema in DATABASE_URL that `close()` drops.
 * Migrated when `migrationsDir` is given.
 */
export async function openTestDb(options: { backend?: TestDbBackend; migrationsDir?: string } = {}): Promise<Db> {
  const backend = options.backend ?? defaultDbBackend();
  const schema = uniqueSchemaName();
  let db: Db;
  if (backend === 'postgres') {
    if (!testEnv.DATABASE_URL) throw new Error('DATABASE_URL is needed for the postgres backend');
    const inner = await openPostgresDb({
      url: testEnv.DATABASE_URL,
      schema,
      poolMax: 4,
      logger: createLogger({ service: 'test', level: 'error' }),
      applicationName: 'tripwise-test',
    });
    db = {
      ...inner,
      async close() {
        await inner.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
        await inner.close();
      },
    };
  } else {
    db = await openPgliteDb({ schema });
  }
  if (options.migrationsDir) await migrate(db, options.migrationsDir);
  return db;
}

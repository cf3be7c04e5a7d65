import { fileURLToPath } from 'node:url';
import { openDatabase } from '@tripwise/platform/db';
import { createLogger } from '@tripwise/platform/logger';
import { seedInventory } from '../domain/inventory/seed-inventory.ts';
import { parseSeedArgs } from './seed-args.ts';
import { seedConfig } from './seed.config.ts';

/*
 * Seeds the search inventory, once per scale and database:
 *   npm run seed -w services/search -- [--scale demo|large] [--seed N] [--start YYYY-MM-DD]
 * `demo` goes to DATABASE_URL or else the embedded PGlite in DATA_DIR; `large` (benchmarks) needs DATABASE_URL.
 * The database is migrated first, like the service does at start.
 */
const migrationsDir = fileURLToPath(new URL('../data/migrations', import.meta.url));
const args = parseSeedArgs(process.argv.slice(2), seedConfig.DATABASE_URL !== undefined);

if (typeof args === 'string') {
  process.stderr.write(`${args}\n`);
  process.exitCode = 2;
} else {
  const logger = createLogger({ service: 'search-seed', level: seedConfig.LOG_LEVEL });
  const db = await openDatabase({ service: 'search', config: seedConfig, logger, migrationsDir });
  try {
    await seedInventory(db, { ...args, logger });
  } catch (err) {
    logger.error('seeding failed', { err });
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}

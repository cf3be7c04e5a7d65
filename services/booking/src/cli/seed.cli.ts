import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '@tripwise/platform/db';
import { createLogger } from '@tripwise/platform/logger';
import { seedBookings } from '../domain/seed/seed-bookings.ts';
import { parseSeedArgs } from './seed-args.ts';
import { seedConfig } from './seed.config.ts';

/*
 * Seeds bookings, payments, billing and sales of search's inventory, once per scale and database:
 *   npm run seed -w services/booking -- [--scale demo|large] [--seed N]
 * Search's inventory must be seeded first (npm run seed -w services/search -- --scale …), in the same PostgreSQL
 * database (DATABASE_URL, schemas DATABASE_SCHEMA and SEARCH_DATABASE_SCHEMA) or, without DATABASE_URL, in the
 * embedded databases of DATA_DIR (with the stack stopped: PGlite has one user). Both are migrated first.
 * The large scale keeps about 250 MB live; the npm script caps the heap at 768 MB so that V8 collects rather than
 * growing to gigabytes.
 */
const migrationsDir = fileURLToPath(new URL('../data/migrations', import.meta.url));
const searchMigrationsDir = fileURLToPath(new URL('../../../search/src/data/migrations', import.meta.url));
const args = parseSeedArgs(process.argv.slice(2), seedConfig.DATABASE_URL !== undefined);

if (typeof args === 'string') {
  process.stderr.write(`${args}\n`);
  process.exitCode = 2;
} else {
  const logger = createLogger({ service: 'booking-seed', level: seedConfig.LOG_LEVEL });
  let db: Db | undefined;
  let search: Db | undefined;
  try {
    db = await openDatabase({ service: 'booking', config: seedConfig, logger, migrationsDir });
    search = await openDatabase({
      service: 'search',
      config: { ...seedConfig, DATABASE_SCHEMA: seedConfig.SEARCH_DATABASE_SCHEMA },
      logger,
      migrationsDir: searchMigrationsDir,
    });
    await seedBookings(db, search, { ...args, logger });
  } catch (err) {
    logger.error('seeding failed', { err });
    process.exitCode = 1;
  } finally {
    await search?.close();
    await db?.close();
  }
}

export { quoteIdentifier, type Db, type QueryResult, type Queryable, type Row } from './db.ts';
export { migrate, readMigrations, type Migration } from './migrate.ts';
export { openDatabase, type OpenDatabaseOptions } from './open-database.ts';
export { openPgliteDb } from './pglite.db.ts';
export { openPostgresDb, type PostgresOptions } from './postgres.db.ts';

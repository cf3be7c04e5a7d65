import { unavailableDependency } from '../errors/dependency-errors.ts';
import pg from 'pg';
import type { Logger } from '../logger/index.ts';
import type { PoolStats } from '../metrics/process-metrics.ts';
import { instrumentDb } from './instrumented-db.ts';
import { TYPE_OIDS, parseInt8, quoteIdentifier, type Db, type QueryResult, type Queryable } from './db.ts';

// Per-pool parsers (not pg.types.setTypeParser) so that nothing else in the process changes behaviour.
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TYPE_OIDS.int8) return parseInt8;
    if (oid === TYPE_OIDS.date) return (text: string) => text;
    return pg.types.getTypeParser(oid, format ?? 'text') as (text: string) => unknown;
  },
};

const SCRIPT_TIMEOUT_MS = 6 * 3_600_000;

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await client.query<T>(sql, [...params]);
      return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
    },
    // Scripts are migrations and seeds: long by nature, so the per-query wait does not apply to them.
    async execScript(sql: string) {
      // pg reads `query_timeout` from a query's config too (its types do not list it).
      const script: pg.QueryConfig & { query_timeout: number } = { text: sql, query_timeout: SCRIPT_TIMEOUT_MS };
      await client.query(script);
    },
  };
}

/** How many of a pool's connections are busy, idle, and how many callers wait for one. */
export function poolStatsOf(pool: pg.Pool): PoolStats {
  return { inUse: pool.totalCount - pool.idleCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

export interface PostgresOptions {
  url: string;
  schema: string;
  poolMax: number;
  /** Server-side statement_timeout; the client gives up waiting a little after it (a cut network). 10 s by default. */
  statementTimeoutMs?: number;
  /** Waiting for a connection from the pool, or for a new one, fails after this. 3 s by default. */
  connectTimeoutMs?: number;
  logger: Logger;
  applicationName: string;
}

/** PostgreSQL through a pg pool; every connection starts with the service's schema on its search path. */
export async function openPostgresDb(options: PostgresOptions): Promise<Db> {
  const statementTimeoutMs = options.statementTimeoutMs ?? 10_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 3_000;
  const schema = quoteIdentifier(options.schema);
  const bootstrap = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: connectTimeoutMs });
  await bootstrap.connect();
  try {
    await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (err) {
    // Two services starting at once may race on CREATE SCHEMA; the loser sees a unique violation.
    if ((err as { code?: string }).code !== '23505') throw err;
  } finally {
    await bootstrap.end();
  }

  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    application_name: options.applicationName,
    options: `-c search_path=${schema},public`,
    types: typeParsers,
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 2_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection emits 'error' on the pool; unhandled, it would crash the process.
  pool.on('error', (err) => options.logger.warn('idle database connection failed', { err }));
  const root = wrap(pool);

  const db: Db = {
    kind: 'postgres',
    schema: options.schema,
    ...root,
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      // A checked-out connection can fail between two queries (while the transaction waits on another service): pg
      // then emits 'error' on the client, and the pool listens only to idle ones, so unheard it would crash the
      // process. Heard here, the next query of the transaction fails, and the connection is discarded on release.
      const onError = (err: Error) => {
        broken = err;
        options.logger.warn('database connection failed inside a transaction', { err });
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        // A connection that failed (cut, reset, timed out) goes, rather than back to the pool for the next request.
        if (err instanceof Error && unavailableDependency(err)) broken = err;
        throw err;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
  return instrumentDb(db, () => poolStatsOf(pool));
}

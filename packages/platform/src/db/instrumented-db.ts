import { dbQueryDuration, timed, trackPool, type PoolStats } from '../metrics/process-metrics.ts';
import type { Db, Queryable } from './db.ts';

const observe = (seconds: number, outcome: string) => dbQueryDuration.observe({ outcome }, seconds);

function instrumentQueryable(target: Queryable): Queryable {
  return {
    query: <T extends object>(sql: string, params?: readonly unknown[]) =>
      timed(observe, () => target.query<T>(sql, params)),
    execScript: (sql) => target.execScript(sql),
  };
}

/**
 * The same database, with every query timed (`db_query_duration_seconds`) and its pool counted
 * (`db_pool_connections`): a pg pool reports its own counts; PGlite has one connection, busy while a query runs.
 */
export function instrumentDb(db: Db, poolStats?: () => PoolStats): Db {
  let inFlight = 0;
  const singleConnection = (): PoolStats => ({
    inUse: Math.min(inFlight, 1),
    idle: inFlight > 0 ? 0 : 1,
    waiting: Math.max(inFlight - 1, 0),
  });
  const untrack = trackPool(poolStats ?? singleConnection);
  const counted = <T>(fn: () => Promise<T>): Promise<T> => {
    inFlight++;
    return fn().finally(() => inFlight--);
  };
  const root = instrumentQueryable(db);
  return {
    kind: db.kind,
    schema: db.schema,
    query: <T extends object>(sql: string, params?: readonly unknown[]) => counted(() => root.query<T>(sql, params)),
    execScript: (sql) => counted(() => db.execScript(sql)),
    transaction: (fn) => counted(() => db.transaction((tx) => fn(instrumentQueryable(tx)))),
    ping: () => db.ping(),
    async close() {
      untrack();
      await db.close();
    },
  };
}

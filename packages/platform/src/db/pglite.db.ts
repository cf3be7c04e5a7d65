import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { instrumentDb } from './instrumented-db.ts';
import { TYPE_OIDS, parseInt8, quoteIdentifier, type Db, type QueryResult, type Queryable } from './db.ts';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<T extends object>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await target.query<T>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
    },
    async execScript(sql: string) {
      await target.exec(sql);
    },
  };
}

/** Postgres's own default is 128MB: a page cache held in the WASM memory of every process that embeds a database. */
export const DEFAULT_PGLITE_SHARED_BUFFERS = '16MB';

/**
 * Embedded Postgres (WASM). Without `dataDir` everything stays in memory (tests). PGlite has one connection,
 * so transactions are naturally serialised. `sharedBuffers` sizes Postgres's buffer cache inside the WASM memory,
 * which never shrinks: the operating system caches the data files anyway, so a small one costs little time and
 * saves that much memory in each service.
 */
export async function openPgliteDb(options: { dataDir?: string; schema: string; sharedBuffers?: string }): Promise<Db> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    startParams: [
      ...PGlite.defaultStartParams,
      '-c',
      `shared_buffers=${options.sharedBuffers ?? DEFAULT_PGLITE_SHARED_BUFFERS}`,
    ],
    parsers: { [TYPE_OIDS.int8]: parseInt8, [TYPE_OIDS.date]: (text: string) => text },
  });
  const schema = quoteIdentifier(options.schema);
  await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}, public;`);
  const root = wrap(pglite);

  return instrumentDb({
    kind: 'pglite',
    schema: options.schema,
    ...root,
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    async ping() {
      await pglite.query('SELECT 1');
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  });
}

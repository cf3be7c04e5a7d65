import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { deleteRedisKeys, startTestIssuer, type TestIssuer } from '@tripwise/platform/testing';
import type { NodeProcess } from './node-process.ts';

export interface BenchRun {
  /** A database of the run's own on the server, made by the benchmark and dropped by `cleanup`. */
  dbName: string;
  benchUrl: string;
  /** Every key and channel of the run in Redis, deleted by `cleanup`. */
  redisPrefix: string;
  /** A scratch folder, removed by `cleanup`. */
  work: string;
  /** Signs the access tokens the stack accepts (its JWKS is passed to the processes). */
  issuer: TestIssuer;
  /** Processes to stop on `cleanup`. */
  running: Set<NodeProcess>;
  withClient: <T>(url: string, use: (client: pg.Client) => Promise<T>) => Promise<T>;
  sql: (url: string, statement: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  /** Stops the processes, drops the database and the Redis keys; once, however often it is called. */
  cleanup: () => Promise<void>;
}

/**
 * What every benchmark run needs around the stack it measures: its own database, Redis prefix and scratch folder,
 * a token issuer, and a cleanup that also runs on Ctrl-C, so an interrupted run leaves nothing behind.
 */
export async function startBenchRun(
  name: string,
  servers: { databaseUrl: string; redisUrl: string },
): Promise<BenchRun> {
  const runId = Date.now();
  const dbName = `tripwise_bench_${name}_${runId}`;
  const benchUrl = Object.assign(new URL(servers.databaseUrl), { pathname: `/${dbName}` }).toString();
  const redisPrefix = `bench-${name}-${runId}:`;
  const work = await mkdtemp(join(tmpdir(), `tripwise-${name}-bench-`));
  const issuer = await startTestIssuer({ issuer: 'http://localhost:8080/api/auth', audience: 'tripwise' });
  const running = new Set<NodeProcess>();

  const withClient = async <T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await use(client);
    } finally {
      await client.end();
    }
  };
  const sql = (url: string, statement: string, params: unknown[] = []) =>
    withClient(url, async (c) => (await c.query(statement, params)).rows as Record<string, unknown>[]);

  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await Promise.all([...running].map((p) => p.stop(5_000)));
      await sql(servers.databaseUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((err: unknown) =>
        process.stderr.write(`could not drop ${dbName}: ${String(err)}\n`),
      );
      await deleteRedisKeys(servers.redisUrl, redisPrefix).catch(() => undefined);
      await issuer.close();
      await rm(work, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  return { dbName, benchUrl, redisPrefix, work, issuer, running, withClient, sql, cleanup };
}

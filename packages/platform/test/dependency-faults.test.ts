import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPostgresDb, type Db } from '@tripwise/platform/db';
import { toProblem } from '@tripwise/platform/errors';
import { openRedisKvStore, type KvStore } from '@tripwise/platform/kv';
import {
  captureLogs,
  deleteRedisKeys,
  startTcpFaultProxy,
  testEnv,
  uniqueSchemaName,
  type TcpFaultProxy,
} from '@tripwise/platform/testing';

// PostgreSQL and Redis behind a TCP proxy that can drop every byte (a partition) or reset every connection (down):
// calls fail within their timeouts instead of hanging, the failure is a 503 with Retry-After (never a 500), and
// everything works again once the dependency is back, without a restart.

const endpoint = (url: string) => {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port) };
};
const through = (url: string, proxy: TcpFaultProxy) => {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(proxy.port);
  return parsed.toString();
};

function expectRetryable503(err: unknown) {
  const { problem, headers } = toProblem(err);
  expect(problem).toMatchObject({ status: 503, type: '/problems/dependency-unavailable' });
  expect(headers['Retry-After']).toBeDefined();
}

/** Once the dependency is back, the same pool answers again, without a restart. */
async function expectBackUp(db: Db) {
  const state = () =>
    db.ping().then(
      () => 'up',
      () => 'down',
    );
  await expect.poll(state, { timeout: 10_000 }).toBe('up');
}

describe.skipIf(!testEnv.DATABASE_URL)('PostgreSQL cut off', () => {
  let proxy: TcpFaultProxy;
  let db: Db;
  const schema = uniqueSchemaName('faults');
  beforeAll(async () => {
    proxy = await startTcpFaultProxy(endpoint(testEnv.DATABASE_URL!), { slowMs: 100 });
    db = await openPostgresDb({
      url: through(testEnv.DATABASE_URL!, proxy),
      schema,
      poolMax: 2,
      logger: captureLogs('faults').logger,
      applicationName: 'faults',
      statementTimeoutMs: 300,
      connectTimeoutMs: 300,
    });
  });
  afterAll(async () => {
    proxy.set('forward');
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await db.close();
    await proxy.close();
  });

  test('When the network to PostgreSQL is cut (nothing gets through), then a query fails (no hang) as a 503, and works once it is back', async () => {
    await db.ping();
    proxy.set('blackhole');
    const failed = await db.query('SELECT 1').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failed).toBeDefined();
    expectRetryable503(failed);
    proxy.set('forward');
    await expectBackUp(db);
  });

  test('When PostgreSQL refuses connections, then a query fails as a 503, and works once it accepts again', async () => {
    proxy.set('refuse');
    const failed = await db.query('SELECT 1').then(
      () => undefined,
      (err: unknown) => err,
    );
    expectRetryable503(failed);
    proxy.set('forward');
    await expectBackUp(db);
  });

  test('When the connection of a transaction that is waiting on something else is reset, then the transaction fails as a 503 and the process lives on', async () => {
    let resumed!: () => void;
    const waiting = new Promise<void>((resolve) => (resumed = resolve));
    let inside!: () => void;
    const begun = new Promise<void>((resolve) => (inside = resolve));
    const transaction = db
      .transaction(async (tx) => {
        await tx.query('SELECT 1');
        inside();
        await waiting; // a call to another service, say, while the transaction holds its connection
        await tx.query('SELECT 2');
      })
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    await begun;
    proxy.set('refuse'); // resets the connection the transaction holds, between two of its queries
    await new Promise((resolve) => setTimeout(resolve, 200));
    resumed();
    expectRetryable503(await transaction);
    proxy.set('forward');
    await expectBackUp(db);
  });

  test('When the link to PostgreSQL is slow, then queries still answer, each at least a round trip of delays late', async () => {
    await db.ping(); // a connection already open: what follows is one query's round trip
    proxy.set('slow');
    try {
      const started = performance.now();
      expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      // A lower bound, not a speed target: the proxy holds each chunk back 100 ms, there and back.
      expect(performance.now() - started).toBeGreaterThanOrEqual(2 * 100);
    } finally {
      proxy.set('forward');
    }
  });

  test('When a statement runs past the statement timeout, then it is cancelled as a 503', async () => {
    const failed = await db.query('SELECT pg_sleep(2)').then(
      () => undefined,
      (err: unknown) => err,
    );
    expectRetryable503(failed);
  });
});

describe.skipIf(!testEnv.REDIS_URL)('Redis cut off', () => {
  let proxy: TcpFaultProxy;
  let kv: KvStore;
  const prefix = `${uniqueSchemaName('faults')}:`;
  beforeAll(async () => {
    proxy = await startTcpFaultProxy(endpoint(testEnv.REDIS_URL!));
    kv = await openRedisKvStore({
      url: through(testEnv.REDIS_URL!, proxy),
      prefix,
      logger: captureLogs('faults').logger,
      commandTimeoutMs: 200,
    });
  });
  afterAll(async () => {
    proxy.set('forward');
    await kv.close();
    await proxy.close();
    await deleteRedisKeys(testEnv.REDIS_URL!, prefix);
  });

  test('When the network to Redis is cut (nothing gets through), then a command fails within its timeout as a 503, and works once it is back', async () => {
    await kv.set('k', 'v');
    proxy.set('blackhole');
    const failed = await kv.get('k').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failed).toBeDefined();
    expectRetryable503(failed);
    proxy.set('forward');
    await expect.poll(() => kv.get('k').catch(() => 'down'), { timeout: 15_000 }).toBe('v');
  });

  test('When Redis refuses connections, then a command fails as a 503, and works once it accepts again', async () => {
    proxy.set('refuse');
    const failed = await kv.get('k').then(
      () => undefined,
      (err: unknown) => err,
    );
    expectRetryable503(failed);
    proxy.set('forward');
    await expect.poll(() => kv.get('k').catch(() => 'down'), { timeout: 15_000 }).toBe('v');
  });
});

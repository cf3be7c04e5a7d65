import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@tripwise/platform/db';
import { z } from 'zod';
import { createService, documentedRouter, startService, type RunningService } from '@tripwise/platform/http';
import { openKvStore, type KvStore } from '@tripwise/platform/kv';
import { observeUpstream } from '@tripwise/platform/metrics';
import { captureLogs, openTestDb, testEnv, uniqueSchemaName, deleteRedisKeys } from '@tripwise/platform/testing';

const prefix = `${uniqueSchemaName('pm')}:`;
let db: Db;
let kv: KvStore;

beforeAll(async () => {
  db = await openTestDb();
  kv = await openKvStore({ REDIS_URL: testEnv.REDIS_URL, REDIS_PREFIX: prefix }, captureLogs('pm').logger);
});

afterAll(async () => {
  await db.close();
  await kv.close();
  if (testEnv.REDIS_URL) await deleteRedisKeys(testEnv.REDIS_URL, prefix);
});

function givenAService(options: { metricsOnMainPort?: boolean; database?: () => Promise<void> } = {}) {
  return createService({
    name: 'inventory',
    logger: captureLogs('inventory').logger,
    readiness: { database: options.database ?? (() => db.ping()), kv: () => kv.ping() },
    ...(options.metricsOnMainPort === undefined ? {} : { metricsOnMainPort: options.metricsOnMainPort }),
    routes: (app) => {
      app.get('/work', async (_req, res) => {
        await db.query('SELECT 1 AS one');
        await kv.set('k', 'v', { ttlMs: 10_000 });
        await kv.get('k');
        res.json({ done: true });
      });
    },
  });
}

/** The value of a series in Prometheus text, whatever the order of its labels (`service` is added last). */
function sample(text: string, series: string): number {
  const [, name, labels = ''] = /^([^{]+)\{?(.*?)\}?$/.exec(series)!;
  const wanted = labels.split(',').filter(Boolean);
  const line = text.split('\n').find((l) => {
    const match = /^([^{ ]+)\{(.*)\} /.exec(l);
    if (!match || match[1] !== name) return false;
    const present = match[2]!.split(',');
    return wanted.every((pair) => present.includes(pair));
  });
  return Number(line?.split(' ').at(-1));
}

describe('process metrics: what the database, the store and the dependencies do', () => {
  test('When a request queries the database and the store, then /metrics times each and shows the pool and heap limit', async () => {
    const service = givenAService();
    expect((await request(service.app).get('/work')).status).toBe(200);
    const { text } = await request(service.app).get('/metrics');
    expect(sample(text, 'db_query_duration_seconds_count{service="inventory",outcome="ok"}')).toBeGreaterThan(0);
    for (const command of ['set', 'get']) {
      const series = `kv_command_duration_seconds_count{service="inventory",command="${command}",outcome="ok"}`;
      expect(sample(text, series), command).toBeGreaterThan(0);
    }
    for (const state of ['in_use', 'idle', 'waiting']) {
      expect(sample(text, `db_pool_connections{service="inventory",state="${state}"}`), state).toBeGreaterThanOrEqual(
        0,
      );
    }
    expect(sample(text, 'nodejs_heap_size_limit_bytes{service="inventory"}')).toBeGreaterThan(1e8);
    expect(text).not.toContain('SELECT 1');
  });

  test('When a failing query is run, then it is timed with outcome error', async () => {
    const service = givenAService();
    await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow();
    const { text } = await request(service.app).get('/metrics');
    expect(sample(text, 'db_query_duration_seconds_count{service="inventory",outcome="error"}')).toBeGreaterThan(0);
  });

  test('When readiness is checked and the database fails, then tripwise_dependency_up reads 0 for it and 1 for the store', async () => {
    const service = givenAService({
      database: () => Promise.reject(new Error('connection refused')),
    });
    expect((await request(service.app).get('/ready')).status).toBe(503);
    const { text } = await request(service.app).get('/metrics');
    expect(sample(text, 'tripwise_dependency_up{service="inventory",dependency="database"}')).toBe(0);
    expect(sample(text, 'tripwise_dependency_up{service="inventory",dependency="kv"}')).toBe(1);
  });

  test('When a service runs its background work, then the dependency checks are part of it and run at start', () => {
    const service = givenAService();
    expect(service.backgroundTasks).toContainEqual(
      expect.objectContaining({ name: 'dependency-checks', runAtStart: true }),
    );
  });
});

describe('upstream calls', () => {
  test('When calls answer, say no, time out or fail, then each is counted under its outcome', async () => {
    const service = givenAService();
    class SoldOut extends Error {}
    const call = { target: 'search', operation: 'quote', isAnswer: (err: unknown) => err instanceof SoldOut };
    await observeUpstream(call, async () => 'ok');
    await expect(observeUpstream(call, () => Promise.reject(new SoldOut()))).rejects.toThrow();
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    await expect(observeUpstream(call, () => Promise.reject(timeout))).rejects.toThrow();
    await expect(observeUpstream(call, () => Promise.reject(new Error('ECONNREFUSED')))).rejects.toThrow();
    const { text } = await request(service.app).get('/metrics');
    const count = (outcome: string) =>
      sample(
        text,
        `upstream_request_duration_seconds_count{service="inventory",target="search",operation="quote",outcome="${outcome}"}`,
      );
    expect(count('ok')).toBeGreaterThanOrEqual(2);
    expect(count('timeout')).toBeGreaterThanOrEqual(1);
    expect(count('error')).toBeGreaterThanOrEqual(1);
  });
});

describe('the metrics port', () => {
  let running: RunningService;
  afterAll(async () => running?.stop());

  test('When a service serves metrics on a port of its own, then its own port has no /metrics and the metrics port has', async () => {
    const service = givenAService({ metricsOnMainPort: false });
    running = await startService(service, {
      port: 0,
      host: '127.0.0.1',
      shutdownTimeoutMs: 1_000,
      handleSignals: false,
      metrics: { port: 0, host: '127.0.0.1' },
    });
    expect(running.metricsPort).toBeGreaterThan(0);
    expect(running.metricsPort).not.toBe(running.port);
    const main = await fetch(`http://127.0.0.1:${running.port}/metrics`);
    expect(main.status).toBe(404);
    expect(await main.text()).not.toContain('# TYPE');
    const scraped = await fetch(`http://127.0.0.1:${running.metricsPort}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('# TYPE http_request_duration_seconds histogram');
    const elsewhere = await fetch(`http://127.0.0.1:${running.metricsPort}/health`);
    expect(elsewhere.status).toBe(404);
  });
});

describe('route labels', () => {
  test('When a documented route answers an error, then its requests are labelled with the whole template, mount included', async () => {
    const docs = documentedRouter('things');
    docs.route(
      {
        method: 'get',
        path: '/:id',
        summary: 'a thing',
        access: 'public',
        params: z.object({ id: z.uuid() }),
        responses: {},
      },
      (_input, _req, res) => {
        res.json({});
      },
    );
    const service = createService({
      name: 'things',
      logger: captureLogs('things').logger,
      mounts: [{ prefix: '/api/things', router: docs }],
    });
    expect((await request(service.app).get('/api/things/not-a-uuid')).status).toBe(400);
    const { text } = await request(service.app).get('/metrics');
    expect(text).toContain('route="/api/things/:id",status_code="400"');
    expect(text).not.toMatch(/route="\/:id"/);
  });
});

import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@tripwise/platform/db';
import { openRedisKvStore, type KvStore } from '@tripwise/platform/kv';
import { createLogger } from '@tripwise/platform/logger';
import {
  deleteRedisKeys,
  openTestDb,
  openTestKv,
  startTestIssuer,
  testEnv,
  uniqueSchemaName,
  type TestIssuer,
} from '@tripwise/platform/testing';
import { givenASearchService, insertFlights, insertHotels, NOW } from '@tripwise/search/testing';
import type { Socket } from 'socket.io-client';
import { recordEvents, startAgent, type Agent } from './given-an-agent.ts';
import { slowProxy } from './slow-proxy.ts';

/** The next time a socket.io client hears an event. */
const nextEvent = (socket: Socket, event: string) => new Promise<unknown>((resolve) => socket.once(event, resolve));

const migrationsDir = fileURLToPath(new URL('../src/data/migrations', import.meta.url));
const TRIP = 'Boston to Denver March 1 2030, back March 5, 2 people, hotel';
let search: Awaited<ReturnType<typeof givenASearchService>>;
let slow: Awaited<ReturnType<typeof slowProxy>>;
let issuer: TestIssuer;
let db: Db;

beforeAll(async () => {
  search = await givenASearchService();
  await insertFlights(search.db, 40);
  await insertHotels(search.db, 15);
  slow = await slowProxy(search.url, 1_500);
  issuer = await startTestIssuer();
  db = await openTestDb({ migrationsDir });
});
afterAll(async () => {
  await db.close();
  await issuer.close();
  await slow.close();
  await search.close();
});

describe('the agent socket on one instance', () => {
  let kv: KvStore;
  let agent: Agent;
  const revoked = new Set<string>();
  beforeAll(async () => {
    kv = await openTestKv();
    agent = await startAgent({
      db,
      kv,
      issuer,
      searchUrl: slow.url,
      now: () => NOW,
      isDenied: async (sid) => revoked.has(sid),
    });
  });
  afterAll(async () => {
    await agent.close();
    await kv.close();
  });

  test('When a socket comes without a token, with a forged one, or from a foreign origin, then it is refused', async () => {
    await expect(agent.connect(null)).rejects.toThrow(/unauthorized/);
    await expect(agent.connect(await issuer.forge({ role: 'traveler' }))).rejects.toThrow(/unauthorized/);
    await expect(agent.connect(await issuer.sign({ role: 'traveler' }), 'https://evil.example')).rejects.toThrow();
  });

  test('When the session is revoked, then a new socket is refused and an open one is dropped', async () => {
    const sid = randomUUID();
    const token = await issuer.sign({ role: 'traveler', sid });
    const socket = await agent.connect(token);
    const dropped = nextEvent(socket, 'disconnect');
    revoked.add(sid);
    await dropped;
    await expect(agent.connect(token)).rejects.toThrow(/unauthorized/);
  });

  test('When the token expires without renewal, then the socket is told and dropped; a renewed one stays', async () => {
    const sub = randomUUID();
    const expiring = await agent.connect(await issuer.sign({ role: 'traveler', sub, expiresInSec: 2 }));
    const renewed = await agent.connect(await issuer.sign({ role: 'traveler', sub, expiresInSec: 2 }));
    const ack = await renewed.emitWithAck('auth:refresh', {
      token: await issuer.sign({ role: 'traveler', sub, expiresInSec: 60 }),
    });
    expect(ack).toMatchObject({ ok: true });
    const told = nextEvent(expiring, 'session:expired');
    await nextEvent(expiring, 'disconnect');
    await told;
    expect(renewed.connected).toBe(true);
    const other = await renewed.emitWithAck('auth:refresh', { token: await issuer.sign({ role: 'traveler' }) });
    expect(other).toMatchObject({ ok: false });
  });

  test('When a socket floods events, then the excess is refused', async () => {
    const socket = await agent.connect(await issuer.sign({ role: 'traveler' }));
    const limited = nextEvent(socket, 'error:rate-limited');
    for (let i = 0; i < 40; i++) socket.emit('job:cancel', { jobId: randomUUID() });
    await limited;
  });

  test('When the traveler cancels a running plan, then it stops with plan:error "cancelled"', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const socket = await agent.connect(token);
    const recorder = recordEvents(socket);
    const { body } = await agent.call(token, 'POST', '/api/ai/chat', { message: TRIP });
    await recorder.until('plan:progress', body.jobId);
    expect(await socket.emitWithAck('job:cancel', { jobId: body.jobId })).toEqual({ ok: true });
    expect(await recorder.until('plan:error', body.jobId)).toMatchObject({ code: 'cancelled' });
    expect((await agent.call(token, 'GET', `/api/ai/jobs/${body.jobId}`)).body.status).toBe('cancelled');
  });
});

describe.runIf(testEnv.REDIS_URL)('two agent instances on one Redis', () => {
  const prefix = `${uniqueSchemaName('agent')}:`;
  const stores: KvStore[] = [];
  let a: Agent;
  let b: Agent;
  const openShared = async () => {
    const store = await openRedisKvStore({
      url: testEnv.REDIS_URL!,
      prefix,
      logger: createLogger({ service: 'test', level: 'error' }),
    });
    stores.push(store);
    return store;
  };
  beforeAll(async () => {
    const redis = { url: testEnv.REDIS_URL!, prefix };
    a = await startAgent({ db, kv: await openShared(), issuer, searchUrl: slow.url, now: () => NOW, redis });
    b = await startAgent({ db, kv: await openShared(), issuer, searchUrl: slow.url, now: () => NOW, redis });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    for (const s of stores) await s.close();
    await deleteRedisKeys(testEnv.REDIS_URL!, prefix);
  });

  test('When a plan is started through one instance, then a socket on the other receives all of it, in order', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const socket = await a.connect(token);
    const recorder = recordEvents(socket);
    const { body } = await b.call(token, 'POST', '/api/ai/chat', { message: TRIP });
    expect((await recorder.until('plan:result', body.jobId)).kind).toBe('bundles');
    const seqs = recorder.of(body.jobId).map((e) => e.payload.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  test('When the client drops mid-plan and reconnects to the other instance, then it gets every missed event in order', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const first = await a.connect(token);
    const before = recordEvents(first);
    const { body } = await a.call(token, 'POST', '/api/ai/chat', { message: TRIP });
    const seen = await before.until('plan:progress', body.jobId);
    first.disconnect();
    const lastSeen = Math.max(...before.of(body.jobId).map((e) => e.payload.seq));
    expect(lastSeen).toBeGreaterThanOrEqual(seen.seq);
    // Back later, on the other instance: the plan went on without the client.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const second = await b.connect(token);
    const after = recordEvents(second);
    const ack = await second.emitWithAck('job:resume', { jobId: body.jobId, afterSeq: lastSeen });
    expect(ack).toMatchObject({ ok: true });
    await after.until('plan:result', body.jobId);
    const seqs = [...new Set(after.of(body.jobId).map((e) => e.payload.seq))].sort((x, y) => x - y);
    const lastSeq = Math.max(...seqs);
    expect(seqs).toEqual(Array.from({ length: lastSeq - lastSeen }, (_, i) => lastSeen + 1 + i));
  });

  test('When the instance running a plan dies, then the client is told plan:error by another instance, not left hanging', async () => {
    const child = await startAgentProcess();
    try {
      const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
      const socket = await a.connect(token);
      const recorder = recordEvents(socket);
      const res = await fetch(`${child.url}/api/ai/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ message: TRIP }),
      });
      const { jobId } = (await res.json()) as { jobId: string };
      await recorder.until('plan:progress', jobId);
      child.process.kill('SIGKILL');
      expect(await recorder.until('plan:error', jobId, 20_000)).toMatchObject({ code: 'instance-lost' });
      expect(recorder.of(jobId).filter((e) => e.event === 'plan:error')).toHaveLength(1);
    } finally {
      child.process.kill('SIGKILL');
    }
  }, 30_000);

  /** A third instance as a real process (it can then really die), on the same database, Redis and adapter. */
  async function startAgentProcess(): Promise<{ process: ChildProcess; url: string }> {
    const child = fork(fileURLToPath(new URL('../src/index.ts', import.meta.url)), [], {
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        LOG_LEVEL: 'error',
        // Its own embedded database when there is no PostgreSQL: plans are then recorded there.
        ...(testEnv.DATABASE_URL
          ? { DATABASE_URL: testEnv.DATABASE_URL, DATABASE_SCHEMA: db.schema }
          : { DATA_DIR: tmpdir() }),
        REDIS_URL: testEnv.REDIS_URL,
        REDIS_PREFIX: prefix,
        SEARCH_URL: slow.url,
        AUTH_JWKS_URL: issuer.jwksUrl,
        TOKEN_ISSUER: issuer.issuer,
        TOKEN_AUDIENCE: issuer.audience,
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const [message] = (await once(child, 'message')) as [{ port: number }];
    return { process: child, url: `http://127.0.0.1:${message.port}` };
  }
});

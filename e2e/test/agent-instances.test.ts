import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  deleteRedisKeys,
  startTcpFaultProxy,
  startTestIssuer,
  testEnv,
  uniqueSchemaName,
  type TcpFaultProxy,
  type TestIssuer,
} from '@tripwise/platform/testing';
import { startStackProcess, type NodeProcess } from '../../load-tests/harness/node-process.ts';
import type { ProcessName } from '../../scripts/stack/processes.ts';

// A gateway in front of two ai-agent processes on one PostgreSQL and one Redis, as in compose or Kubernetes: the
// gateway spreads sockets and requests across the instances, and a traveler whose instance is killed reconnects
// through the gateway to the other one, resumes from its last event and learns how its plan ended, each event once
// and in order (README, "The AI concierge"). Search sits behind a link the test cuts, so plans wait mid-way.
const ORIGIN = 'http://localhost:8080';
const TRAVELERS = 4;
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

interface JobEvent {
  event: string;
  jobId: string;
  seq: number;
  code?: string;
}

/**
 * A traveler as the web client behaves: a socket through the gateway that reconnects and asks for what it missed,
 * and applies each job's events in `seq` order, each once (delivery is at least once: after an instance dies,
 * another re-sends its last recorded event, which may have left already). An event that skips ahead is a loss.
 */
function connectTraveler(gatewayUrl: string, token: string) {
  const events: JobEvent[] = [];
  const skippedAhead: JobEvent[] = [];
  const resumes: { ok: boolean }[] = [];
  const lastSeq = new Map<string, number>();
  let disconnects = 0;
  const socket: Socket = io(`${gatewayUrl}/agent`, {
    path: '/socket.io/',
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 500,
    auth: { token },
    query: { access_token: token },
    extraHeaders: { origin: ORIGIN },
  });
  for (const event of ['plan:progress', 'plan:result', 'plan:error']) {
    socket.on(event, (payload: { jobId: string; seq: number; code?: string }) => {
      const received = { event, jobId: payload.jobId, seq: payload.seq, code: payload.code };
      const last = lastSeq.get(payload.jobId) ?? 0;
      if (payload.seq > last + 1) skippedAhead.push(received);
      if (payload.seq !== last + 1) return;
      events.push(received);
      lastSeq.set(payload.jobId, payload.seq);
    });
  }
  socket.on('disconnect', () => disconnects++);
  socket.on('session:ready', () => {
    for (const [jobId, afterSeq] of lastSeq) {
      void socket.emitWithAck('job:resume', { jobId, afterSeq }).then((ack: { ok: boolean }) => resumes.push(ack));
    }
  });
  const ready = new Promise<void>((resolve, reject) => {
    socket.once('session:ready', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    ready,
    events,
    skippedAhead,
    resumes,
    disconnects: () => disconnects,
    ended: (jobId: string) => events.find((e) => e.jobId === jobId && e.event !== 'plan:progress'),
  };
}

type Traveler = ReturnType<typeof connectTraveler> & { token: string; jobId?: string };

let issuer: TestIssuer;
let searchLink: TcpFaultProxy;
let dataDir: string;
const processes: NodeProcess[] = [];
let agents: NodeProcess[];
let gateway: NodeProcess;
const travelers: Traveler[] = [];
const schemas = { search: uniqueSchemaName('inst'), 'ai-agent': uniqueSchemaName('inst') };
const redisPrefix = `${uniqueSchemaName('inst')}:`;

async function start(name: ProcessName, env: NodeJS.ProcessEnv): Promise<NodeProcess> {
  const common = {
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DATABASE_URL: testEnv.DATABASE_URL,
    REDIS_URL: testEnv.REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    AUTH_URL: issuer.url,
    AUTH_JWKS_URL: issuer.jwksUrl,
    TOKEN_ISSUER: issuer.issuer,
    INTERNAL_SERVICE_TOKEN: serviceToken,
  };
  const p = await startStackProcess(name, { ...common, ...env });
  processes.push(p);
  return p;
}
const serviceToken = randomBytes(32).toString('base64url');

async function chat(traveler: Traveler, message: string): Promise<string> {
  const res = await fetch(`${gateway.url}/api/ai/chat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${traveler.token}`, 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ message, timeZone: 'America/New_York' }),
  });
  const body = (await res.json()) as { jobId?: string };
  expect(res.status).toBe(202);
  return body.jobId!;
}

/** The job's events as the traveler applied them: seq 1, 2, 3… none missing, ending once in its result or error. */
function expectOnceAndInOrder(traveler: Traveler, jobId: string) {
  expect(traveler.skippedAhead).toEqual([]);
  const seqs = traveler.events.filter((e) => e.jobId === jobId).map((e) => e.seq);
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  expect(traveler.events.filter((e) => e.jobId === jobId && e.event !== 'plan:progress')).toHaveLength(1);
}

describe.runIf(testEnv.DATABASE_URL && testEnv.REDIS_URL)('a gateway in front of two agent instances', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tripwise-instances-'));
    issuer = await startTestIssuer({ issuer: 'http://localhost:8080/api/auth', audience: 'tripwise' });
    const search = await start('search', { DATABASE_SCHEMA: schemas.search, SEED_INVENTORY: 'none' });
    searchLink = await startTcpFaultProxy({ host: '127.0.0.1', port: search.port });
    const agentEnv = { DATABASE_SCHEMA: schemas['ai-agent'], SEARCH_URL: `http://127.0.0.1:${searchLink.port}` };
    agents = [await start('ai-agent', agentEnv), await start('ai-agent', agentEnv)];
    const lifted = '1000000';
    gateway = await start('api-gateway', {
      SEARCH_URL: search.url,
      AI_AGENT_URL: agents.map((a) => a.url).join(','),
      SERVE_FRONTENDS: 'false',
      RATE_LIMIT_READS_PER_MINUTE: lifted,
      RATE_LIMIT_WRITES_PER_MINUTE: lifted,
      RATE_LIMIT_AI_MESSAGES_PER_MINUTE: lifted,
      RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE: lifted,
    });
    for (let i = 0; i < TRAVELERS; i++) {
      const token = await issuer.sign({ sub: randomUUID(), expiresInSec: 3_600 });
      const traveler = { ...connectTraveler(gateway.url, token), token };
      await traveler.ready;
      travelers.push(traveler);
    }
  }, 180_000);
  afterAll(async () => {
    for (const t of travelers) t.socket.close();
    for (const p of processes.reverse()) await p.stop();
    await searchLink?.close();
    await issuer?.close();
    await rm(dataDir, { recursive: true, force: true });
    await deleteRedisKeys(testEnv.REDIS_URL!, redisPrefix);
    const client = new pg.Client({ connectionString: testEnv.DATABASE_URL });
    await client.connect();
    for (const schema of Object.values(schemas)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  test('When travelers connect and one instance is killed mid-plan, then sockets were on both, and every plan ends once, in order', async () => {
    searchLink.set('blackhole'); // plans wait on search, mid-way
    // The gateway takes the instances in turn for sockets and requests alike: each traveler connected, then asked,
    // in turn, so each plan runs on the instance that holds its traveler's socket.
    for (const t of travelers) t.jobId = await chat(t, `New York to Los Angeles on ${inAWeek}, one way`);
    await expect.poll(() => travelers.every((t) => t.events.some((e) => e.jobId === t.jobId))).toBe(true);

    agents[0]!.child.kill('SIGKILL');
    // The sockets were spread: some travelers lose theirs, the others keep it.
    await expect.poll(() => travelers.filter((t) => t.disconnects() > 0).length).toBeGreaterThan(0);
    const moved = travelers.filter((t) => t.disconnects() > 0);
    expect(moved.length).toBeLessThan(TRAVELERS);

    // Those reconnect through the gateway (to the surviving instance), and the killed instance's plans end.
    await expect.poll(() => moved.every((t) => t.socket.connected), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => moved.every((t) => t.ended(t.jobId!)), { timeout: 10_000 }).toBeTruthy();
    for (const t of moved) {
      expect(t.resumes).toEqual([expect.objectContaining({ ok: true })]);
      expect(t.ended(t.jobId!)).toMatchObject({ event: 'plan:error', code: 'instance-lost' });
    }

    searchLink.set('forward');
    await expect.poll(() => travelers.every((t) => t.ended(t.jobId!)), { timeout: 20_000 }).toBe(true);
    for (const t of travelers) expectOnceAndInOrder(t, t.jobId!);

    // A new plan then works for everyone, on the instance that is left.
    for (const t of travelers) t.jobId = await chat(t, `New York to Los Angeles on ${inAWeek}, one way`);
    await expect.poll(() => travelers.every((t) => t.ended(t.jobId!)), { timeout: 20_000 }).toBe(true);
    for (const t of travelers) {
      expect(t.ended(t.jobId!)?.event).toBe('plan:result');
      expectOnceAndInOrder(t, t.jobId!);
    }
  }, 90_000);
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deleteRedisKeys, testEnv, uniqueSchemaName } from '@tripwise/platform/testing';
import { SERVICES, type ProcessName } from '../../scripts/stack/processes.ts';
import { startStack, type RunningStack } from '../../scripts/stack/stack.ts';
import { unlabelledBreaches, type CheckedBundle } from './agent-constraints.check.ts';
import { agentCases } from './agent-requests.ts';

// The concierge end to end: requests of our own writing read by POST /api/ai/intent and planned by POST
// /api/ai/bundles, through the gateway of the whole stack as `npm start` runs it, on the seeded demo inventory.
// Every bundle is checked against everything its request stated; a request nothing can meet exactly must come back
// with alternatives, each saying what it does not meet.
let stack: RunningStack;
let dataDir: string;
let token: string;
const schemas = Object.fromEntries(
  [...SERVICES, 'api-gateway'].map((name) => [name, uniqueSchemaName('agente2e')]),
) as Record<ProcessName, string>;
const redisPrefix = `${uniqueSchemaName('agente2e')}:`;
const lines: string[] = [];
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tripwise-agent-e2e-'));
  stack = await startStack({
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      REDIS_PREFIX: redisPrefix,
      FLIGHT_DAYS_BEFORE_SERVING: '32',
      INVENTORY_ROLL_MS: '0',
      RATE_LIMIT_AI_MESSAGES_PER_MINUTE: '10000',
      RATE_LIMIT_WRITES_PER_MINUTE: '10000',
      RATE_LIMIT_READS_PER_MINUTE: '100000',
      ...(testEnv.DATABASE_URL ? { DATABASE_URL: testEnv.DATABASE_URL } : {}),
      ...(testEnv.REDIS_URL ? { REDIS_URL: testEnv.REDIS_URL } : {}),
    },
    envFor: (name) => ({ DATABASE_SCHEMA: schemas[name] }),
    ports: { 'api-gateway': 0, auth: 0, search: 0, booking: 0, 'ai-agent': 0 },
    onLine: (name, line, stream) => {
      if (stream === 'stderr') lines.push(`${name}: ${line}`);
    },
  });
  const email = `agent-e2e-${Date.now()}@example.com`;
  const password = 'correct horse battery staple';
  await fetch(`${stack.gatewayUrl}/api/auth/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password }),
  });
  const login = await fetch(`${stack.gatewayUrl}/api/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password }),
  });
  token = ((await login.json()) as { accessToken: string }).accessToken;
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
  if (testEnv.REDIS_URL) await deleteRedisKeys(testEnv.REDIS_URL, redisPrefix);
  if (testEnv.DATABASE_URL) {
    const client = new pg.Client({ connectionString: testEnv.DATABASE_URL });
    await client.connect();
    for (const schema of Object.values(schemas)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
});

async function post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${stack.gatewayUrl}${path}`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

interface Planned {
  kind: string;
  message?: string;
  unmet?: string[];
  bundles: CheckedBundle[];
}

const cases = agentCases();

describe('the concierge on the whole stack, through the gateway', () => {
  test('When at least 40 requests of our own are checked, then they are many enough to mean something', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.unsatisfiable).length).toBeGreaterThanOrEqual(5);
  });

  test.each(cases.map((c) => [c.text, c] as const))(
    'When a traveler asks "%s", then every bundle meets what was stated or says what it relaxes',
    async (_text, c) => {
      const read = await post<{ states: unknown[] }>('/api/ai/intent', { turns: [c.text], timeZone: 'UTC' });
      expect(read.status).toBe(200);
      const request = read.body.states.at(-1);
      const planned = await post<Planned>('/api/ai/bundles', { request });
      expect(planned.status, JSON.stringify(planned.body)).toBe(200);
      // Never a bare "nothing": bundles, or the nearest alternatives with what was not met.
      expect(planned.body.kind, planned.body.message).toMatch(/^(bundles|alternatives)$/);
      const { bundles } = planned.body;
      expect(bundles.length).toBeGreaterThanOrEqual(1);
      for (const bundle of bundles) {
        expect({ label: bundle.label, unlabelled: unlabelledBreaches(bundle, c.stated) }).toEqual({
          label: bundle.label,
          unlabelled: [],
        });
      }
      // Conforming bundles first; each alternative says what it relaxes and is labelled so.
      const relaxed = bundles.map((b) => (b.relaxes ?? []).length > 0);
      expect(relaxed).toEqual([...relaxed].sort((a, b) => Number(a) - Number(b)));
      for (const b of bundles.filter((x) => (x.relaxes ?? []).length > 0)) expect(b.label).toBe('alternative');
      if (planned.body.kind === 'alternatives') {
        expect(planned.body.unmet?.length).toBeGreaterThanOrEqual(1);
        expect(relaxed.every(Boolean)).toBe(true);
      }
      if (c.unsatisfiable) expect(planned.body.kind).toBe('alternatives');
    },
    90_000,
  );
});

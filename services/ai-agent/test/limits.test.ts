import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@tripwise/platform/db';
import type { KvStore } from '@tripwise/platform/kv';
import { openTestDb, openTestKv, startTestIssuer, type TestIssuer } from '@tripwise/platform/testing';
import { MAX_CONVERSATIONS } from '../src/domain/chat/history.use-case.ts';
import { MAX_WATCHES } from '../src/domain/market/watches.use-case.ts';
import { startAgent, type Agent } from './given-an-agent.ts';

// Per-traveler resources are bounded, with a clear answer at the cap and a way to make room.
const migrationsDir = fileURLToPath(new URL('../src/data/migrations', import.meta.url));
let db: Db;
let kv: KvStore;
let issuer: TestIssuer;
let agent: Agent;

beforeAll(async () => {
  db = await openTestDb({ migrationsDir });
  kv = await openTestKv();
  issuer = await startTestIssuer();
  agent = await startAgent({ db, kv, issuer, searchUrl: 'http://127.0.0.1:9' });
});
afterAll(async () => {
  await agent.close();
  await issuer.close();
  await kv.close();
  await db.close();
});

const routeWatch = (day: number) => ({
  target: { type: 'route', origin: 'BOS', destination: 'DEN', date: `2030-03-${String(day).padStart(2, '0')}` },
  priceBelow: { amount: 20_000, currency: 'USD' },
});

describe('caps on what one traveler keeps', () => {
  test(`When a traveler has ${MAX_WATCHES} watches, then another is a 409 until one is removed`, async () => {
    const token = await issuer.sign({ role: 'traveler' });
    const created = await Promise.all(
      Array.from({ length: MAX_WATCHES }, (_, i) =>
        agent.call(token, 'POST', '/api/ai/watches', routeWatch((i % 28) + 1)),
      ),
    );
    expect(created.every((r) => r.status === 201)).toBe(true);
    const refused = await agent.call(token, 'POST', '/api/ai/watches', routeWatch(1));
    expect(refused).toMatchObject({ status: 409, body: { type: '/problems/too-many-watches' } });
    const other = await issuer.sign({ role: 'traveler' });
    expect((await agent.call(other, 'POST', '/api/ai/watches', routeWatch(1))).status).toBe(201);
    await agent.call(token, 'DELETE', `/api/ai/watches/${created[0]!.body.id}`);
    expect((await agent.call(token, 'POST', '/api/ai/watches', routeWatch(1))).status).toBe(201);
  });

  test(`When a traveler has ${MAX_CONVERSATIONS} conversations, then a new one is a 409 until one is deleted`, async () => {
    const userId = randomUUID();
    const token = await issuer.sign({ role: 'traveler', sub: userId });
    await db.query(
      `INSERT INTO agent_sessions (user_id, time_zone, title, preferences)
       SELECT $1, 'UTC', 'trip ' || n, '{}' FROM generate_series(1, $2::int) AS n`,
      [userId, MAX_CONVERSATIONS],
    );
    const refused = await agent.call(token, 'POST', '/api/ai/chat', { message: 'A weekend in Denver' });
    expect(refused).toMatchObject({ status: 409, body: { type: '/problems/too-many-conversations' } });
    const listed = await agent.call(token, 'GET', '/api/ai/sessions');
    expect(listed.body.items).toHaveLength(MAX_CONVERSATIONS);
    const oldest = listed.body.items.at(-1).id as string;
    const other = await issuer.sign({ role: 'traveler' });
    expect((await agent.call(other, 'DELETE', `/api/ai/sessions/${oldest}`)).status).toBe(404);
    expect((await agent.call(token, 'DELETE', `/api/ai/sessions/${oldest}`)).status).toBe(204);
    expect((await agent.call(token, 'GET', `/api/ai/sessions/${oldest}`)).status).toBe(404);
    expect((await agent.call(token, 'POST', '/api/ai/chat', { message: 'A weekend in Denver' })).status).toBe(202);
  });
});

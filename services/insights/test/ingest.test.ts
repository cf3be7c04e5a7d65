import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INSIGHTS_LIMITS, type InsightEvent } from '@tripwise/contracts';
import { batch, givenInsights, type InsightsHarness } from './given-insights.ts';

let h: InsightsHarness;
beforeAll(async () => {
  h = await givenInsights({ INSIGHTS_BATCHES_PER_SESSION_PER_MINUTE: 3 });
});
afterAll(() => h.close());

const view = (route = '/hotels'): InsightEvent => ({ type: 'page_view', at: Date.now(), route });

async function metric(name: string, label: string): Promise<number> {
  const text = await h.service.metrics.registry.metrics();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${label}}`));
  return Number(line?.split(' ').at(-1) ?? NaN);
}
const storedEvents = async () =>
  (await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM insight_events')).rows[0]!.n;

describe('POST /api/insights/events', () => {
  test('When a valid batch arrives, then it is answered 202 at once and written at the next flush', async () => {
    const before = await storedEvents();
    const res = await h.send(batch([view(), view('/hotels/:id')]));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 2, dropped: 0 });
    expect(await storedEvents()).toBe(before);
    await h.service.flush();
    expect(await storedEvents()).toBe(before + 2);
  });

  test('When events carry personal data, raw URLs or free text, then only those are dropped and counted', async () => {
    const droppedBefore = await metric('insights_events_dropped_total', 'reason="invalid"');
    const res = await h.send(
      batch([
        view(),
        { ...view(), email: 'ann@example.com' } as unknown as InsightEvent,
        view('/hotels/12345'),
        view('/hotels?q=ann@example.com'),
        { type: 'click', at: Date.now(), route: '/hotels', element: 'I typed my name here' },
        { type: 'click', at: Date.now(), route: '/hotels', element: 'filter.price' },
        { type: 'page_view', at: Date.now() - 30 * 86_400_000, route: '/cars' },
        { type: 'teleport', at: Date.now() } as unknown as InsightEvent,
      ]),
    );
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 2, dropped: 6 });
    expect(await metric('insights_events_dropped_total', 'reason="invalid"')).toBe(droppedBefore + 6);
    await h.service.flush();
    const { rows } = await h.db.query<{ row: string }>(`SELECT row_to_json(e)::text AS row FROM insight_events e`);
    expect(rows.map((r) => r.row).join('\n')).not.toMatch(/@|typed|12345/);
  });

  test('When the envelope is malformed, then 400 problem+json names the field, and the refusal is counted', async () => {
    const before = await metric('insights_batches_total', 'outcome="malformed"');
    const cases: [unknown, string][] = [
      [{ ...batch([view()]), sessionId: 'not-a-uuid' }, 'sessionId'],
      [{ ...batch([view()]), userKey: 'ann@example.com' }, 'userKey'],
      [{ ...batch([view()]), email: 'ann@example.com' }, '(root)'],
      [batch([]), 'events'],
      [{ ...batch([view()]), device: 'fridge' }, 'device'],
    ];
    for (const [body, field] of cases) {
      const res = await h.send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors[0].field).toBe(field);
    }
    const garbage = await request(h.service.app)
      .post('/api/insights/events')
      .set('content-type', 'application/json')
      .send('{"sessionId": ');
    expect(garbage.status).toBe(400);
    expect(await metric('insights_batches_total', 'outcome="malformed"')).toBe(before + cases.length + 1);
  });

  test('When a batch is over the size or count cap, then it is refused with 413 or 400 and counted', async () => {
    const before = await metric('insights_batches_total', 'outcome="oversized"');
    const padded = { ...batch([view()]), events: [{ ...view(), pad: 'x'.repeat(INSIGHTS_LIMITS.maxBatchBytes) }] };
    const big = await h.send(padded);
    expect(big.status).toBe(413);
    expect(big.body.type).toMatch(/batch-too-large/);
    expect(await metric('insights_batches_total', 'outcome="oversized"')).toBe(before + 1);
    const many = await h.send(batch(Array.from({ length: INSIGHTS_LIMITS.maxEventsPerBatch + 1 }, () => view())));
    expect(many.status).toBe(400);
    expect(many.body.errors[0].field).toBe('events');
  });

  test('When one tab sends too often, then its batches are refused with 429 and Retry-After, and counted', async () => {
    const before = await metric('insights_batches_total', 'outcome="rate_limited"');
    const sessionId = randomUUID();
    for (let i = 0; i < 3; i += 1) expect((await h.send(batch([view()], { sessionId }))).status).toBe(202);
    const refused = await h.send(batch([view()], { sessionId }));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(await metric('insights_batches_total', 'outcome="rate_limited"')).toBe(before + 1);
    expect((await h.send(batch([view()]))).status).toBe(202);
  });
});

describe('ingest under a slow database', () => {
  test('When the buffer is full, then batches get 429 (never a 5xx) until it is written', async () => {
    const small = await givenInsights({ INSIGHTS_BUFFER_MAX_EVENTS: 100 });
    try {
      const full = Array.from({ length: 50 }, () => view());
      expect((await small.send(batch(full))).status).toBe(202);
      expect((await small.send(batch(full))).status).toBe(202);
      const refused = await small.send(batch([view()]));
      expect(refused.status).toBe(429);
      await small.service.flush();
      expect((await small.send(batch([view()]))).status).toBe(202);
    } finally {
      await small.close();
    }
  });
});

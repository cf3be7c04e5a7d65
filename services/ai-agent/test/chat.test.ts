import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NOW } from '@tripwise/search/testing';
import { createIntentLlm } from '../src/domain/intent/llm/intent-llm.ts';
import { parseConversation } from '../src/domain/intent/parse-conversation.ts';
import { givenAnAgentOnSearch, recordEvents, startAgent, type Agent, type AgentWorld } from './given-an-agent.ts';
import { completion, failure, givenAnLlmServer } from './intent.llm.server.ts';

let world: AgentWorld;
let search: AgentWorld['search'];
let db: AgentWorld['db'];
let kv: AgentWorld['kv'];
let issuer: AgentWorld['issuer'];
let agent: Agent;

beforeAll(async () => {
  world = await givenAnAgentOnSearch();
  ({ search, db, kv, issuer, agent } = world);
});
afterAll(() => world.close());

const TRIP = 'Boston to Denver March 1 2030, back March 5, 2 people, 3-star hotel or better';

async function chatAndWait(token: string, message: string, sessionId?: string) {
  const socket = await agent.connect(token);
  const recorder = recordEvents(socket);
  const res = await agent.call(token, 'POST', '/api/ai/chat', {
    message,
    ...(sessionId ? { sessionId } : {}),
    timeZone: 'America/New_York',
  });
  expect(res.status).toBe(202);
  const { jobId, sessionId: session } = res.body as { jobId: string; sessionId: string };
  const result = await recorder.until('plan:result', jobId);
  socket.disconnect();
  return { jobId, sessionId: session, result, events: recorder.of(jobId) };
}

describe('chatting with the concierge', () => {
  test('When a traveler asks for a trip, then progress streams in order through the stages, then the bundles arrive', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const { result, events, sessionId } = await chatAndWait(token, TRIP);
    expect(result).toMatchObject({ kind: 'bundles', sessionId });
    expect(result.bundles.length).toBeGreaterThanOrEqual(2);
    const seqs = events.map((e) => e.payload.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const stages = events.filter((e) => e.event === 'plan:progress').map((e) => e.payload.stage);
    expect(stages[0]).toBe('understanding');
    expect(stages).toEqual(
      expect.arrayContaining(['searching_flights', 'searching_hotels', 'building_bundles', 'done']),
    );
    expect(events.at(-1)!.event).toBe('plan:result');
    const history = await agent.call(token, 'GET', `/api/ai/sessions/${sessionId}`);
    expect(history.body.messages.map((m: { role: string }) => m.role)).toEqual(['traveler', 'agent']);
    expect(history.body.bundles.map((b: { id: string }) => b.id)).toEqual(
      result.bundles.map((b: { id: string }) => b.id),
    );
  });

  test('When the traveler refines, then the rest of the request is kept and the answer says what changed', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const first = await chatAndWait(token, TRIP);
    const second = await chatAndWait(token, 'make it a 4-star hotel and avoid red-eyes', first.sessionId);
    expect(second.result.kind).toBe('bundles');
    expect(second.result.request.flight).toMatchObject({
      origin: { code: 'BOS' },
      destination: { code: 'DEN' },
      departDate: '2030-03-01',
    });
    expect(second.result.request.hotel.minStars).toBe(4);
    for (const b of second.result.bundles) {
      expect(b.hotel.stars).toBeGreaterThanOrEqual(4);
      const departs = ('outbound' in b.flight ? [b.flight.outbound, b.flight.return] : [b.flight]).map(
        (l: { departLocal: string }) => Number(l.departLocal.slice(11, 13)),
      );
      for (const hour of departs) expect(hour >= 6 && hour < 21).toBe(true);
    }
    expect(second.result.changes.length).toBeGreaterThan(0);
    expect(second.result.text).toMatch(/^Updated: /);
  });

  test('When the traveler asks about cancelling, then the answer quotes the pick’s own policies', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const first = await chatAndWait(token, TRIP);
    const pick = first.result.bundles[0];
    const answer = await chatAndWait(token, 'can I cancel?', first.sessionId);
    expect(answer.result).toMatchObject({ kind: 'answer', bundleId: pick.id });
    expect(answer.result.quotes.hotelRefundWindowHours).toBe(pick.hotel.policies.refundWindowHours ?? null);
    expect(answer.result.text).toContain(pick.hotel.name);
  });

  test('When something essential is missing, then the one clarifying question comes back', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const { result } = await chatAndWait(token, 'I need a flight to Denver');
    expect(result).toMatchObject({ kind: 'question' });
    expect(result.text).toMatch(/\?$/);
  });

  test("When another traveler asks for someone's conversation or job, then it does not exist for them", async () => {
    const owner = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const { sessionId, jobId } = await chatAndWait(owner, TRIP);
    const stranger = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    expect((await agent.call(stranger, 'GET', `/api/ai/sessions/${sessionId}`)).status).toBe(404);
    expect((await agent.call(stranger, 'GET', `/api/ai/jobs/${jobId}`)).status).toBe(404);
    expect((await agent.call(stranger, 'POST', '/api/ai/chat', { sessionId, message: 'hi' })).status).toBe(404);
    const socket = await agent.connect(stranger);
    const resumed = await socket.timeout(2_000).emitWithAck('job:resume', { jobId, afterSeq: 0 });
    expect(resumed).toEqual({ ok: false, error: 'no such job' });
  });

  test('When the job is polled over HTTP, then its events are the same as the socket’s', async () => {
    const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
    const { jobId, events } = await chatAndWait(token, TRIP);
    const polled = await agent.call(token, 'GET', `/api/ai/jobs/${jobId}?afterSeq=0`);
    expect(polled.body.status).toBe('done');
    expect(polled.body.events.map((e: { payload: { seq: number } }) => e.payload.seq)).toEqual(
      events.map((e) => e.payload.seq),
    );
  });
});

describe('POST /api/ai/intent and /api/ai/bundles', () => {
  test('When turns are sent, then the states after each come back', async () => {
    const token = await issuer.sign({ role: 'traveler' });
    const res = await agent.call(token, 'POST', '/api/ai/intent', {
      turns: ['fly from Boston to Denver', 'on March 1 2030'],
      now: NOW.toISOString(),
    });
    expect(res.status).toBe(200);
    expect(res.body.states).toHaveLength(2);
    expect(res.body.states[1].flight).toMatchObject({ origin: { code: 'BOS' }, departDate: '2030-03-01' });
  });

  test('When a structured request is sent, then bundles come back in the response', async () => {
    const token = await issuer.sign({ role: 'traveler' });
    const states = (await agent.call(token, 'POST', '/api/ai/intent', { turns: [TRIP], now: NOW.toISOString() })).body
      .states;
    const res = await agent.call(token, 'POST', '/api/ai/bundles', { request: states[0] });
    expect(res.status).toBe(200);
    expect(res.body.bundles.length).toBeGreaterThanOrEqual(2);
    const one = await agent.call(token, 'GET', `/api/ai/bundles/${res.body.bundles[0].id}`);
    expect(one.body.id).toBe(res.body.bundles[0].id);
    expect(
      (await agent.call(await issuer.sign({ role: 'traveler' }), 'GET', `/api/ai/bundles/${res.body.bundles[0].id}`))
        .status,
    ).toBe(404);
  });

  test('When input is invalid or nobody is signed in, then 400 naming the field, or 401', async () => {
    const token = await issuer.sign({ role: 'traveler' });
    expect((await agent.call(token, 'POST', '/api/ai/chat', { message: '' })).body.errors[0].field).toBe('message');
    expect(
      (await agent.call(token, 'POST', '/api/ai/chat', { message: 'hi', timeZone: 'Mars/Olympus' })).body.errors[0]
        .field,
    ).toBe('timeZone');
    expect((await agent.call(token, 'POST', '/api/ai/intent', { turns: [] })).body.errors[0].field).toBe('turns');
    expect((await agent.call(null, 'POST', '/api/ai/chat', { message: 'hi' })).status).toBe(401);
    const forged = await issuer.forge({ role: 'traveler' });
    expect((await agent.call(forged, 'POST', '/api/ai/chat', { message: 'hi' })).status).toBe(401);
  });
});

describe('chatting with a language model configured', () => {
  test('When the model reads a turn the rules cannot, then its reading is planned; when it fails, the rules answer', async () => {
    const reading = {
      ...parseConversation([TRIP], { now: NOW, timeZone: 'America/New_York' })[0]!,
      intent: 'plan_trip',
    };
    let healthy = true;
    const llmServer = await givenAnLlmServer(() => (healthy ? completion(reading) : failure(500)));
    const llmAgent = await startAgent({
      db,
      kv,
      issuer,
      searchUrl: search.url,
      now: () => NOW,
      intentLlm: createIntentLlm({
        baseUrl: llmServer.baseUrl,
        apiKey: 'sk-test',
        model: 'test-model',
        timeoutMs: 2_000,
      }),
    });
    try {
      const token = await issuer.sign({ role: 'traveler', sub: randomUUID() });
      const socket = await llmAgent.connect(token);
      const recorder = recordEvents(socket);
      const first = await llmAgent.call(token, 'POST', '/api/ai/chat', {
        message: 'me and my partner, Beantown to the Mile High City, early March 2030',
      });
      const result = await recorder.until('plan:result', first.body.jobId);
      expect(result).toMatchObject({
        kind: 'bundles',
        request: { flight: { origin: { code: 'BOS' }, destination: { code: 'DEN' } } },
      });
      expect(recorder.of(first.body.jobId).map((e) => e.payload.message)).toContain(
        'Understood with the language model',
      );
      expect(llmServer.calls).toHaveLength(1);
      healthy = false;
      const second = await llmAgent.call(token, 'POST', '/api/ai/chat', {
        sessionId: first.body.sessionId,
        message: TRIP,
      });
      expect((await recorder.until('plan:result', second.body.jobId)).kind).toBe('bundles');
    } finally {
      await llmAgent.close();
      await llmServer.close();
    }
  });
});

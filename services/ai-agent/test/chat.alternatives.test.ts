import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NOW } from '@tripwise/search/testing';
import { faultySearch } from './faulty-search.ts';
import { givenAnAgentOnSearch, recordEvents, startAgent, type AgentWorld } from './given-an-agent.ts';

// The concierge never ends on a bare "nothing": over the socket, over HTTP, and when search fails.
let world: AgentWorld;
beforeAll(async () => {
  world = await givenAnAgentOnSearch();
});
afterAll(() => world.close());

const NO_FLIGHT_THAT_DAY = 'One way from Boston to Denver on March 3 2030';

describe('when nothing meets the request', () => {
  test('When a chat asks for a day with no flight, then the result names what failed and the labelled alternatives are kept', async () => {
    const { agent, issuer } = world;
    const token = await issuer.sign({ role: 'traveler' });
    const socket = await agent.connect(token);
    const recorder = recordEvents(socket);
    const res = await agent.call(token, 'POST', '/api/ai/chat', { message: NO_FLIGHT_THAT_DAY });
    const result = await recorder.until('plan:result', res.body.jobId);
    socket.disconnect();
    expect(result).toMatchObject({
      kind: 'alternatives',
      text: expect.stringMatching(
        /^No flight BOS → DEN on Sun, Mar 3 for 1 is available\. The nearest \d alternatives are below/,
      ),
      unmet: [expect.stringMatching(/^No flight BOS → DEN/)],
    });
    for (const b of result.bundles) expect(b).toMatchObject({ label: 'alternative', relaxes: [{ kind: 'dates' }] });
    const history = await agent.call(token, 'GET', `/api/ai/sessions/${res.body.sessionId}`);
    expect(history.body.bundles.map((b: { id: string }) => b.id)).toEqual(
      result.bundles.map((b: { id: string }) => b.id),
    );
    expect(history.body.messages.at(-1)).toMatchObject({ role: 'agent', kind: 'alternatives' });
  });

  test('When a structured request cannot be met, then POST /api/ai/bundles answers with what failed and the alternatives', async () => {
    const { agent, issuer } = world;
    const token = await issuer.sign({ role: 'traveler' });
    const read = await agent.call(token, 'POST', '/api/ai/intent', {
      turns: ['One way from Boston to Denver on March 1 2030, budget $10'],
      now: NOW.toISOString(),
    });
    const res = await agent.call(token, 'POST', '/api/ai/bundles', { request: read.body.states[0] });
    expect(res).toMatchObject({
      status: 200,
      body: { kind: 'alternatives', unmet: [expect.stringMatching(/^Nothing fits your \$10 budget/)] },
    });
    for (const b of res.body.bundles) expect(b.relaxes.map((r: { kind: string }) => r.kind)).toContain('budget');
  });
});

describe('when search does not answer', () => {
  test('When every search fails twice, then POST /api/ai/bundles answers 503 and the chat a plan:error saying so', async () => {
    const { db, kv, issuer, search } = world;
    const proxy = await faultySearch(search.url, '/api/search/flights', Infinity);
    const down = await startAgent({ db, kv, issuer, searchUrl: proxy.url, now: () => NOW });
    try {
      const token = await issuer.sign({ role: 'traveler' });
      const read = await down.call(token, 'POST', '/api/ai/intent', {
        turns: ['One way from Boston to Denver on March 1 2030'],
        now: NOW.toISOString(),
      });
      const res = await down.call(token, 'POST', '/api/ai/bundles', { request: read.body.states[0] });
      expect(res).toMatchObject({
        status: 503,
        body: { status: 503, detail: expect.stringMatching(/^Search is not answering/) },
      });
      const socket = await down.connect(token);
      const recorder = recordEvents(socket);
      const chat = await down.call(token, 'POST', '/api/ai/chat', {
        message: 'One way from Boston to Denver on March 1 2030',
      });
      expect(await recorder.until('plan:error', chat.body.jobId)).toMatchObject({ code: 'search-unavailable' });
      socket.disconnect();
      expect(proxy.failed()).toBe(4);
    } finally {
      await down.close();
      await proxy.close();
    }
  });

  test('When search does not answer where to go (explore), then POST /api/ai/bundles answers 503, not 500', async () => {
    const { db, kv, issuer, search } = world;
    const proxy = await faultySearch(search.url, '/api/search/explore', Infinity);
    const down = await startAgent({ db, kv, issuer, searchUrl: proxy.url, now: () => NOW });
    try {
      const token = await issuer.sign({ role: 'traveler' });
      const read = await down.call(token, 'POST', '/api/ai/intent', {
        turns: ['somewhere warm from Boston in March 2030 for 4 nights'],
        now: NOW.toISOString(),
      });
      const res = await down.call(token, 'POST', '/api/ai/bundles', { request: read.body.states[0] });
      expect(proxy.failed()).toBe(2); // asked once more, as every search is
      expect(res).toMatchObject({
        status: 503,
        body: { status: 503, detail: expect.stringMatching(/^search did not answer/) },
      });
    } finally {
      await down.close();
      await proxy.close();
    }
  });
});

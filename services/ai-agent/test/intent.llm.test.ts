import { Writable } from 'node:stream';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { IntentRequest } from '@tripwise/contracts';
import { createLogger } from '@tripwise/platform/logger';
import { parseTurn } from '../src/domain/intent/parse-turn.ts';
import { emptyFlight, emptyHotel, emptyRequest } from '../src/domain/intent/request.shapes.ts';
import {
  createIntentLlm,
  intentLlmFromConfig,
  type IntentLlmOptions,
  type UnderstandingOutcome,
} from '../src/domain/intent/llm/intent-llm.ts';
import { intentJsonSchema } from '../src/domain/intent/llm/intent-json-schema.ts';
import { understandTurn } from '../src/domain/intent/llm/understand-turn.ts';
import { OPTIONS } from './intent.fixtures.ts';
import { completion, failure, givenAnLlmServer, refusal, type LlmCall, type LlmReply } from './intent.llm.server.ts';

const ROUTE = 'Fly me from Boston to Denver next Friday, up front in the pointy end';

/** What a good model answers for ROUTE on Wednesday 15 May 2024: the rules do not know "the pointy end". */
function flightAnswer(overrides: Partial<IntentRequest['flight'] & object> = {}): IntentRequest {
  return {
    ...emptyRequest(),
    intent: 'search_flights',
    flight: {
      ...emptyFlight(),
      origin: { code: 'BOS', city: 'Boston' },
      destination: { code: 'DEN', city: 'Denver' },
      departDate: '2024-05-24',
      cabin: 'business',
      ...overrides,
    },
    // Deliberately inconsistent: missing and question are the service's to compute.
    missing: ['origin'],
    question: 'Anything else?',
  };
}

/** A stand-in LLM answering every call with `reply`, and the configured LLM pointing at it; closed after the test. */
async function givenAnLlm(reply: (call: LlmCall) => LlmReply, options: IntentLlmOptions & { timeoutMs?: number } = {}) {
  const server = await givenAnLlmServer(reply);
  onTestFinished(() => server.close());
  const outcomes: UnderstandingOutcome[] = [];
  const llm = createIntentLlm(
    { baseUrl: server.baseUrl, apiKey: 'sk-test-key', model: 'test-model', timeoutMs: options.timeoutMs ?? 2_500 },
    { onOutcome: (outcome) => outcomes.push(outcome), ...options },
  );
  return { server, llm, outcomes };
}

describe('understandTurn: with an LLM configured', () => {
  test('When the LLM gives a valid structured answer, then it is used and missing/question are recomputed', async () => {
    const { llm, outcomes } = await givenAnLlm(() => completion(flightAnswer()));

    const result = await understandTurn(null, ROUTE, OPTIONS, llm);

    expect(result).toEqual({ source: 'llm', request: { ...flightAnswer(), missing: [], question: null } });
    expect(parseTurn(null, ROUTE, OPTIONS).flight?.cabin).toBeNull();
    expect(outcomes).toEqual([{ source: 'llm', fallback: null, llmSeconds: expect.any(Number) }]);
  });

  test('When the LLM is asked, then the call carries the model, the key, the strict schema and the message', async () => {
    const { llm, server } = await givenAnLlm(() => completion(flightAnswer()));
    const previous = parseTurn(null, 'I need a flight', OPTIONS);

    await understandTurn(previous, ROUTE, OPTIONS, llm);

    expect(server.calls).toHaveLength(1);
    const [call] = server.calls;
    expect(call).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      headers: { authorization: 'Bearer sk-test-key', 'content-type': 'application/json' },
      body: {
        model: 'test-model',
        temperature: 0,
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'intent_request', strict: true, schema: intentJsonSchema() },
        },
      },
    });
    const [system, user] = call!.body.messages;
    expect(system.role).toBe('system');
    expect(system.content).toContain('Wednesday 2024-05-15, 15:00');
    expect(system.content).toContain('(UTC)');
    expect(system.content).toContain(JSON.stringify(previous));
    expect(user).toEqual({ role: 'user', content: ROUTE });
  });

  test('When the traveller is in another time zone, then today is their day', async () => {
    const { llm, server } = await givenAnLlm(() => completion(flightAnswer()));

    // 15:00 UTC is already Thursday 01:00 in Sydney.
    await understandTurn(null, ROUTE, { ...OPTIONS, timeZone: 'Australia/Sydney' }, llm);

    expect(server.calls[0]!.body.messages[0].content).toContain('Thursday 2024-05-16, 01:00');
  });

  test('When the answer comes in a Markdown fence, then it is still read', async () => {
    const fenced = `\`\`\`json\n${JSON.stringify(flightAnswer())}\n\`\`\``;
    const { llm } = await givenAnLlm(() => completion(fenced));

    const result = await understandTurn(null, ROUTE, OPTIONS, llm);

    expect(result.source).toBe('llm');
  });

  test('When the answer gives a stay its dates, then its nights follow from them as the rules would', async () => {
    const utterance = 'A hotel in Denver from May 24th to May 27th';
    const answer: IntentRequest = {
      ...emptyRequest(),
      intent: 'search_hotels',
      hotel: { ...emptyHotel(), city: 'Denver', checkIn: '2024-05-24', checkOut: '2024-05-27' },
    };
    const { llm } = await givenAnLlm(() => completion(answer));

    const result = await understandTurn(null, utterance, OPTIONS, llm);

    expect(result).toMatchObject({ source: 'llm', request: { hotel: { nights: 3 }, missing: [], question: null } });
  });

  test('When the request already had a date that is now past, then keeping it is no reason to fall back', async () => {
    const previous = parseTurn(null, 'Boston to Denver on May 24th', OPTIONS);
    const later = { ...OPTIONS, now: new Date('2024-05-30T12:00:00Z') };
    const answer = { ...previous, intent: 'refine' as const, flight: { ...previous.flight!, passengers: 2 } };
    const { llm } = await givenAnLlm(() => completion(answer));

    const result = await understandTurn(previous, 'make it two of us', later, llm);

    expect(result).toMatchObject({ source: 'llm', request: { flight: { departDate: '2024-05-24', passengers: 2 } } });
  });
});

describe('understandTurn: falling back to the rules', () => {
  const utterance = 'Boston to Denver next Friday, under $400';
  const rules = () => parseTurn(null, utterance, OPTIONS);
  const withFlight = (flight: Partial<NonNullable<IntentRequest['flight']>>, rest: Partial<IntentRequest> = {}) => ({
    ...flightAnswer(flight),
    budget: { amount: 40000, currency: 'USD', per: 'total' as const },
    ...rest,
  });

  test('When the answer is right, then the LLM is used (the baseline of the cases below)', async () => {
    const { llm } = await givenAnLlm(() => completion(withFlight({})));

    expect(await understandTurn(null, utterance, OPTIONS, llm)).toMatchObject({ source: 'llm' });
  });

  test.each([
    ['is not JSON', 'Sure! Boston to Denver on Friday.', /^not-json:/],
    ['has the wrong shape', withFlight({ departDate: 'next Friday' }), /^schema-mismatch: .*flight\.departDate/],
    ['has a date that does not exist', withFlight({ departDate: '2024-06-31' }), /^schema-mismatch:/],
    ['misses a field', { ...withFlight({}), watch: undefined }, /^schema-mismatch: .*watch/],
    ['has a date in the past', withFlight({ departDate: '2024-05-10' }), /^implausible: .*before today/],
    ['reads a date a year too late', withFlight({ departDate: '2025-05-24' }), /^implausible: .*more than a year/],
    ['returns before leaving', withFlight({ returnDate: '2024-05-20' }), /^implausible: .*returnDate/],
    ['names an unknown airport', withFlight({ destination: { code: 'QQQ', city: 'Denver' } }), /^implausible: .*QQQ/],
    ['flies to where it starts', withFlight({ destination: { code: 'BOS', city: 'Boston' } }), /^implausible/],
    ['names an unknown airline', withFlight({ airline: 'Q9' }), /^implausible: .*airline/],
    [
      'forgets minor units',
      withFlight({}, { budget: { amount: 400, currency: 'USD', per: 'total' } }),
      /^implausible: .*minor units/,
    ],
    ['has an unknown currency', withFlight({}, { budget: { amount: 40000, currency: 'XYZ', per: 'total' } }), /XYZ/],
    ['claims a search it does not hold', withFlight({}, { intent: 'search_hotels' }), /^implausible: .*hotel/],
  ])('When the answer %s, then the rules read the turn and say why', async (_case, answer, reason) => {
    const { llm, outcomes } = await givenAnLlm(() => completion(answer));

    const result = await understandTurn(null, utterance, OPTIONS, llm);

    expect(result).toEqual({ source: 'rules', request: rules(), fallbackReason: expect.stringMatching(reason) });
    expect(outcomes).toEqual([{ source: 'rules', fallback: expect.any(String), llmSeconds: expect.any(Number) }]);
  });

  test('When the model refuses, then the rules read the turn', async () => {
    const { llm } = await givenAnLlm(() => refusal('I cannot help with that.'));

    const result = await understandTurn(null, utterance, OPTIONS, llm);

    expect(result).toMatchObject({
      source: 'rules',
      request: rules(),
      fallbackReason: expect.stringMatching(/^refusal/),
    });
  });

  test.each([500, 429, 401])('When the LLM answers %i, then the rules read the turn', async (status) => {
    const { llm } = await givenAnLlm(() => failure(status));

    const result = await understandTurn(null, utterance, OPTIONS, llm);

    expect(result).toEqual({
      source: 'rules',
      request: rules(),
      fallbackReason: expect.stringMatching(new RegExp(`^http-error: .*${status}.*failure ${status}`)),
    });
  });

  test('When the LLM does not answer within the timeout, then the rules read the turn', async () => {
    const { llm, server } = await givenAnLlm(() => 'never', { timeoutMs: 150 });

    const result = await understandTurn(null, utterance, OPTIONS, llm);

    expect(server.calls).toHaveLength(1);
    expect(result).toEqual({ source: 'rules', request: rules(), fallbackReason: expect.stringMatching(/^timeout:/) });
  });

  test('When the turn is cancelled, then the call is abandoned and the rules read the turn', async () => {
    const { llm } = await givenAnLlm(() => 'never');
    const cancel = new AbortController();

    const pending = understandTurn(null, utterance, { ...OPTIONS, signal: cancel.signal }, llm);
    cancel.abort();

    expect(await pending).toMatchObject({ source: 'rules', fallbackReason: expect.stringMatching(/^cancelled/) });
  });

  test('When nobody listens at the address, then the rules read the turn', async () => {
    const { llm, server } = await givenAnLlm(() => completion(withFlight({})));
    await server.close();

    expect(await understandTurn(null, utterance, OPTIONS, llm)).toMatchObject({
      source: 'rules',
      fallbackReason: expect.stringMatching(/^network-error/),
    });
  });
});

describe('understandTurn: what the operators see', () => {
  test("When the rules read a turn instead, then one log line says why, without the key or the traveller's words", async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')));
        done();
      },
    });
    const logger = createLogger({ service: 'ai-agent', stream });
    const quotesTheKey = failure(401, {}, 'Incorrect API key provided: sk-test-key, or sk-tes*****key.');
    const { llm } = await givenAnLlm(() => quotesTheKey, { logger });

    const result = await understandTurn(null, 'Boston to Denver for Jane Doe', OPTIONS, llm);

    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        reason: 'http-error',
        model: 'test-model',
        detail: expect.stringContaining('Incorrect API key provided: [REDACTED]'),
      }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/sk-tes|Jane Doe/);
    expect(result.fallbackReason).not.toMatch(/sk-tes/);
  });
});

describe('understandTurn: an LLM that keeps failing', () => {
  const utterance = 'Boston to Denver next Friday';

  test('When three calls in a row fail, then the next turns skip the LLM until the pause is over', async () => {
    let now = 0;
    const { llm, server, outcomes } = await givenAnLlm(() => failure(503), { clock: () => now, pauseMs: 30_000 });

    for (let turn = 0; turn < 3; turn++) await understandTurn(null, utterance, OPTIONS, llm);
    const paused = await understandTurn(null, utterance, OPTIONS, llm);
    now += 30_000;
    await understandTurn(null, utterance, OPTIONS, llm);

    expect(paused).toEqual({
      source: 'rules',
      request: parseTurn(null, utterance, OPTIONS),
      fallbackReason: expect.stringMatching(/^paused/),
    });
    expect(server.calls).toHaveLength(4);
    expect(outcomes.map((outcome) => outcome.fallback)).toEqual([
      'http-error',
      'http-error',
      'http-error',
      'paused',
      'http-error',
    ]);
  });

  test('When the LLM answers 429 with Retry-After, then it is left alone for that long at once', async () => {
    let now = 0;
    const { llm, server } = await givenAnLlm(() => failure(429, { 'retry-after': '5' }), { clock: () => now });

    await understandTurn(null, utterance, OPTIONS, llm);
    await understandTurn(null, utterance, OPTIONS, llm);
    now += 5_000;
    await understandTurn(null, utterance, OPTIONS, llm);

    expect(server.calls).toHaveLength(2);
  });

  test('When a call succeeds between failures, then the failures are no longer in a row', async () => {
    const replies = [failure(500), failure(500), completion('not json'), failure(500), failure(500), failure(500)];
    const { llm, server } = await givenAnLlm(() => replies[server.calls.length - 1]!, { clock: () => 0 });

    for (let turn = 0; turn < 6; turn++) await understandTurn(null, utterance, OPTIONS, llm);

    expect(server.calls).toHaveLength(6);
    expect(llm.available()).toBe(false);
  });

  test('When answers are wrong but calls succeed, then the LLM is not paused', async () => {
    const { llm, server } = await givenAnLlm(() => completion('not json'));

    for (let turn = 0; turn < 4; turn++) await understandTurn(null, utterance, OPTIONS, llm);

    expect(server.calls).toHaveLength(4);
  });
});

describe('understandTurn: without an LLM', () => {
  test('When no LLM is configured, then the rules read the turn and nothing is called', async () => {
    const server = await givenAnLlmServer(() => completion(flightAnswer()));
    onTestFinished(() => server.close());
    const llm = intentLlmFromConfig({ LLM_TIMEOUT_MS: 2_500 });

    const result = await understandTurn(null, ROUTE, OPTIONS, llm);

    expect(llm).toBeUndefined();
    expect(result).toEqual({ source: 'rules', request: parseTurn(null, ROUTE, OPTIONS) });
    expect(server.calls).toHaveLength(0);
  });

  test('When URL, key and model are all set, then an LLM is configured with the timeout', () => {
    const llm = intentLlmFromConfig({
      LLM_BASE_URL: 'http://127.0.0.1:1/v1',
      LLM_API_KEY: 'sk-test-key',
      LLM_MODEL: 'test-model',
      LLM_TIMEOUT_MS: 800,
    });

    expect(llm?.endpoint).toEqual({
      baseUrl: 'http://127.0.0.1:1/v1',
      apiKey: 'sk-test-key',
      model: 'test-model',
      timeoutMs: 800,
    });
  });
});

describe('the response format', () => {
  function objectsOf(node: unknown): Record<string, unknown>[] {
    if (Array.isArray(node)) return node.flatMap(objectsOf);
    if (node === null || typeof node !== 'object') return [];
    const schema = node as Record<string, unknown>;
    return [...(schema.type === 'object' ? [schema] : []), ...Object.values(schema).flatMap(objectsOf)];
  }

  test('When the schema is generated from the contract, then every object is strict: closed, all required', () => {
    const schema = intentJsonSchema();
    const objects = objectsOf(schema);

    expect(schema).not.toHaveProperty('$schema');
    expect(objects.length).toBeGreaterThan(5);
    for (const object of objects) {
      expect(object.additionalProperties).toBe(false);
      expect([...(object.required as string[])].sort()).toEqual(Object.keys(object.properties as object).sort());
    }
    expect(Object.keys(schema.properties as object)).toEqual(Object.keys(emptyRequest()));
  });
});

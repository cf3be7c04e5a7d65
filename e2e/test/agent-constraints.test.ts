import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unlabelledBreaches, type CheckedBundle } from './agent-constraints.check.ts';
import { agentCases } from './agent-requests.ts';
import { givenAStack, type GivenStack } from './given-a-stack.ts';

// The concierge end to end: requests of our own writing read by POST /api/ai/intent and planned by POST
// /api/ai/bundles, through the gateway of the whole stack as `npm start` runs it, on the seeded demo inventory.
// Every bundle is checked against everything its request stated; a request nothing can meet exactly must come back
// with alternatives, each saying what it does not meet.
let stack: GivenStack;
let token: string;
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  stack = await givenAStack('agente2e', {
    env: {
      LOG_LEVEL: 'warn',
      FLIGHT_DAYS_BEFORE_SERVING: '32',
      RATE_LIMIT_AI_MESSAGES_PER_MINUTE: '10000',
      RATE_LIMIT_WRITES_PER_MINUTE: '10000',
      RATE_LIMIT_READS_PER_MINUTE: '100000',
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

afterAll(() => stack?.remove());

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

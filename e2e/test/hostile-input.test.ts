import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESTRUCTIVE, startWalkStack, type Caller, type Operation, type WalkStack } from './walk-stack.ts';

// Every operation of the OpenAPI documents, sent what an attacker sends: malformed percent-encoding, bodies nested
// thousands deep, huge numbers, dates in the year 9999, oversized bodies. Whatever the answer, it is never a 5xx
// (the gateway, and each service behind it, turn bad input into a 4xx problem).

let walk: WalkStack;
beforeAll(async () => {
  walk = await startWalkStack('hostile');
}, 240_000);
afterAll(async () => {
  await walk?.stop();
});

const FAR = '9999-12-31';
const HUGE = '1e308';
const DATE_FIELDS = ['date', 'returnDate', 'checkIn', 'checkOut', 'pickupDate', 'dropoffDate', 'from', 'to', 'month'];
const NUMBER_FIELDS = ['limit', 'guests', 'rooms', 'passengers', 'year', 'minPrice', 'maxPrice', 'amount', 'rating'];

const withParams = (template: string, value: (name: string) => string) =>
  template.replace(/\{(\w+)\}/g, (_m, name: string) => value(name));
const plausible = (name: string) => (name === 'kind' ? 'hotels' : name === 'id' ? '1' : randomUUID());

/** One hostile request per kind of probe, for an operation. */
function probes(op: Operation): { name: string; path: string; body?: string }[] {
  const hasBody = !['get', 'delete'].includes(op.method);
  const query = [...DATE_FIELDS.map((f) => `${f}=${FAR}`), ...NUMBER_FIELDS.map((f) => `${f}=${HUGE}`)].join('&');
  const largest = NUMBER_FIELDS.map((f) => `${f}=${Number.MAX_SAFE_INTEGER}`).join('&');
  const list: { name: string; path: string; body?: string }[] = [
    { name: 'far-future dates and huge numbers in the query', path: `${withParams(op.path, plausible)}?${query}` },
    { name: 'the largest safe integers in the query', path: `${withParams(op.path, plausible)}?${largest}` },
    { name: 'a query with malformed encoding', path: `${withParams(op.path, plausible)}?q=%E0%A4%A&cursor=%FF` },
  ];
  if (/\{\w+\}/.test(op.path)) {
    list.push({ name: 'malformed encoding in the path', path: withParams(op.path, () => '%FF%FE') });
  }
  if (hasBody) {
    const path = withParams(op.path, plausible);
    const fields = Object.fromEntries([
      ...DATE_FIELDS.map((f) => [f, FAR]),
      ...NUMBER_FIELDS.map((f) => [f, Number.MAX_SAFE_INTEGER]),
      ['items', [{ kind: 'hotel', checkIn: FAR, checkOut: FAR, rooms: 1e308, guests: -1e308 }]],
      ['priceBelow', { amount: Number.MAX_SAFE_INTEGER, currency: 'USD' }],
      ['email', 'a@b.test'],
      ['password', 'x'.repeat(300)],
    ]);
    list.push(
      {
        name: 'a body nested 5,000 deep',
        path,
        body: `{"email":"a@b.test","x":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
      },
      { name: 'far-future dates and huge numbers in the body', path, body: JSON.stringify(fields) },
      { name: 'an oversized body', path, body: JSON.stringify({ email: 'a@b.test', text: 'x'.repeat(300_000) }) },
      { name: 'a body that is not JSON', path, body: '{"email": "a@b.test", ' },
    );
  }
  return list;
}

async function send(op: Operation, caller: Caller, probe: { path: string; body?: string }): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': randomUUID() };
  if (caller !== 'anonymous') headers.authorization = `Bearer ${walk.tokens[caller]}`;
  const res = await fetch(`${walk.stack.gatewayUrl}${probe.path}`, {
    method: op.method.toUpperCase(),
    headers,
    ...(probe.body === undefined ? {} : { body: probe.body }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('hostile input on every operation', () => {
  test('When every operation gets malformed encodings, deep nesting, huge numbers, far-future dates and oversized bodies, then nothing answers 5xx', async () => {
    const failures: string[] = [];
    let sent = 0;
    const operations = walk.operations.filter((op) => op.access !== 'internal' && !DESTRUCTIVE.test(op.path));
    for (const op of operations) {
      for (const caller of ['anonymous', 'admin'] as const) {
        for (const probe of probes(op)) {
          const status = await send(op, caller, probe);
          sent += 1;
          if (status >= 500) {
            failures.push(`${caller} ${op.method.toUpperCase()} ${op.path} with ${probe.name}: ${status}`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  }, 600_000);
});

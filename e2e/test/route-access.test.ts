import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESTRUCTIVE, startWalkStack, type Caller, type Operation, type WalkStack } from './walk-stack.ts';

// Every operation of every service's OpenAPI document, called by every kind of caller, through the gateway and
// directly on the service (each service checks again: defence in depth). A route refuses exactly the callers its
// declared access (`x-access`) excludes: the declaration is what guards it, so this walk proves the two agree.
// Then every operation on an object someone owns is called by another traveler and another owner: none of them
// may read or change it.

const ROLES: Caller[] = ['anonymous', 'traveler', 'otherTraveler', 'owner', 'otherOwner', 'adminWithoutMfa', 'admin'];

let walk: WalkStack;
/** Real objects and who owns them, by the operations' path templates (a template's `{id}` is this object). */
/** Objects someone owns; `body`: a valid change of it, so a stranger's refusal is about whose it is, not the body. */
const owned: { template: RegExp; id: string; owner: Caller; kind?: string; body?: unknown }[] = [];

/** A path with plausible values for its parameters: well-formed, so that access is what decides the answer. */
function concretePath(template: string, object?: (typeof owned)[number]): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (name === 'kind') return object?.kind ?? (template.startsWith('/api/listings') ? 'hotels' : 'hotel');
    if (name === 'id' && object) return object.id;
    if (name === 'id' && /\/(search|listings)\//.test(template)) return '1';
    return randomUUID();
  });
}

/** Refusals about who calls, as opposed to a route's own 401s (a missing refresh cookie, a wrong password). */
const ACCESS_PROBLEMS = new Set(
  ['unauthorized', 'forbidden', 'mfa-required', 'invalid-token', 'session-revoked', 'service-credential-required'].map(
    (code) => `/problems/${code}`,
  ),
);

interface Answer {
  status: number;
  type: string;
  problemType: string | undefined;
}

async function call(base: string, op: Operation, caller: Caller, object?: (typeof owned)[number]): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': randomUUID() };
  if (caller !== 'anonymous') headers.authorization = `Bearer ${walk.tokens[caller]}`;
  const res = await fetch(`${base}${concretePath(op.path, object)}`, {
    method: op.method.toUpperCase(),
    headers,
    ...(op.method === 'get' || op.method === 'delete' ? {} : { body: JSON.stringify(object?.body ?? {}) }),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const problemType = type.includes('problem+json') ? (JSON.parse(text) as { type?: string }).type : undefined;
  return { status: res.status, type, problemType };
}

const ROLE_OF: Record<Exclude<Caller, 'anonymous' | 'adminWithoutMfa'>, 'traveler' | 'owner' | 'admin'> = {
  traveler: 'traveler',
  otherTraveler: 'traveler',
  owner: 'owner',
  otherOwner: 'owner',
  admin: 'admin',
};

/** What a caller must get: refused (401 or 403), or let through (any other answer, such as 400 for the empty body). */
function expected(op: Operation, caller: Caller): 'refused' | 'allowed' {
  if (op.access === 'public') return 'allowed';
  if (caller === 'anonymous') return 'refused';
  if (caller === 'adminWithoutMfa') {
    return op.access !== 'internal' && op.secondFactorSetup && op.access === 'user' ? 'allowed' : 'refused';
  }
  const role = ROLE_OF[caller];
  switch (op.access) {
    case 'user':
      return 'allowed';
    case 'owner':
      return role === 'owner' || role === 'admin' ? 'allowed' : 'refused';
    case 'admin':
      return role === 'admin' ? 'allowed' : 'refused';
    case 'internal':
      return 'refused';
  }
}

async function postJson(
  path: string,
  caller: Exclude<Caller, 'anonymous'>,
  body: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${walk.stack.gatewayUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${walk.tokens[caller]}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** The traveler's conversation, job and watch, their session, and the owner's hotel listing. */
async function givenOwnedObjects(): Promise<void> {
  const chat = await postJson('/api/ai/chat', 'traveler', { message: 'A weekend in Denver next month' });
  owned.push({ template: /^\/api\/ai\/sessions\/\{id\}$/, id: String(chat.sessionId), owner: 'traveler' });
  owned.push({ template: /^\/api\/ai\/jobs\/\{id\}(\/cancel)?$/, id: String(chat.jobId), owner: 'traveler' });
  const watch = await postJson('/api/ai/watches', 'traveler', {
    target: {
      type: 'route',
      origin: 'BOS',
      destination: 'DEN',
      date: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    },
    priceBelow: { amount: 20_000, currency: 'USD' },
  });
  owned.push({
    template: /^\/api\/ai\/watches\/\{id\}$/,
    id: String(watch.id),
    owner: 'traveler',
    body: { priceBelow: null, inventoryBelow: 3 },
  });
  const sid = JSON.parse(Buffer.from(walk.tokens.traveler.split('.')[1]!, 'base64url').toString('utf8')).sid as string;
  owned.push({ template: /^\/api\/auth\/sessions\/\{id\}$/, id: sid, owner: 'traveler' });
  const listing = await postJson('/api/listings/hotels', 'owner', {
    name: 'Walk Lodge',
    cityCode: 'DEN',
    city: 'Denver',
    country: 'United States',
    address: '1600 Glenarm Pl',
    neighborhood: 'LoDo',
    latitude: 39.745,
    longitude: -104.99,
    stars: 3,
    policies: {
      refundWindowHours: 48,
      petsAllowed: false,
      breakfastIncluded: false,
      parking: 'paid',
      checkInTime: '15:00',
      checkOutTime: '11:00',
    },
    rooms: [{ name: 'King', capacity: 2, units: 3, nightlyPrice: 21_000 }],
  });
  owned.push({
    template: /^\/api\/listings\/(\{kind\}|hotels)\/\{id\}(\/\w+)?$/,
    id: String(listing.id),
    owner: 'owner',
    kind: 'hotels',
  });
}

beforeAll(async () => {
  walk = await startWalkStack('access');
  await givenOwnedObjects();
}, 240_000);

afterAll(async () => {
  await walk?.stop();
});

describe('who may call each route', () => {
  test('When the services are asked for their API documents, then every operation states its access', () => {
    expect(walk.operations.length).toBeGreaterThan(60);
    for (const op of walk.operations) expect(['public', 'user', 'owner', 'admin', 'internal']).toContain(op.access);
  });

  for (const where of ['gateway', 'service'] as const) {
    test(`When every caller calls every operation through the ${where}, then exactly the callers the route excludes are refused`, async () => {
      const mismatches: string[] = [];
      const safe = walk.operations.filter((op) => !DESTRUCTIVE.test(op.path));
      for (const op of safe) {
        // Internal routes are never forwarded by the gateway: there, they are simply not found.
        // (or, for a GET, answered by the web client's page, which the gateway serves for any path it has no route for).
        if (where === 'gateway' && op.access === 'internal') {
          const answer = await call(walk.stack.gatewayUrl, op, 'admin');
          const spa = op.method === 'get' && answer.status === 200 && answer.type.startsWith('text/html');
          if (answer.status !== 404 && !spa) {
            mismatches.push(`${op.method} ${op.path} (internal) answered ${answer.status} through the gateway`);
          }
          continue;
        }
        const base = where === 'gateway' ? walk.stack.gatewayUrl : walk.serviceUrl(op.service);
        for (const caller of ROLES) {
          const { status, problemType } = await call(base, op, caller);
          const got =
            (status === 401 || status === 403) && ACCESS_PROBLEMS.has(problemType ?? '') ? 'refused' : 'allowed';
          if (status >= 500) mismatches.push(`${caller} ${op.method} ${op.path}: ${status}`);
          else if (got !== expected(op, caller)) {
            const want = expected(op, caller);
            mismatches.push(
              `${caller} ${op.method} ${op.path} (${op.access}): ${status} ${problemType}, expected ${want}`,
            );
          }
        }
      }
      expect(mismatches).toEqual([]);
    }, 300_000);

    test(`When another traveler or owner calls an operation on someone's object through the ${where}, then it is not theirs (403 or 404)`, async () => {
      const mismatches: string[] = [];
      let checked = 0;
      for (const op of walk.operations) {
        const object = owned.find((o) => o.template.test(op.path));
        if (!object || op.access === 'internal' || op.access === 'public') continue;
        const base = where === 'gateway' ? walk.stack.gatewayUrl : walk.serviceUrl(op.service);
        const strangers: Caller[] = object.owner === 'owner' ? ['otherOwner', 'traveler'] : ['otherTraveler', 'owner'];
        for (const caller of strangers) {
          const { status, problemType } = await call(base, op, caller, object);
          checked += 1;
          if (![403, 404].includes(status)) {
            mismatches.push(`${caller} ${op.method} ${op.path} on ${object.owner}'s: ${status} ${problemType}`);
          }
        }
        if (op.method === 'get') {
          // Its owner gets it (or, where the query is empty, a 400 about the query): never "not yours".
          const own = await call(base, op, object.owner, object);
          if ([401, 403, 404].includes(own.status) || own.status >= 500) {
            mismatches.push(`${object.owner} GET ${op.path} on their own: ${own.status}`);
          }
        }
      }
      expect(checked).toBeGreaterThan(8);
      expect(mismatches).toEqual([]);
    }, 120_000);
  }
});

import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deleteRedisKeys, testEnv, uniqueSchemaName } from '@tripwise/platform/testing';
import { SERVICES, type ProcessName, type ServiceName } from '../../scripts/stack/processes.ts';
import { startStack, type RunningStack } from '../../scripts/stack/stack.ts';

// Every operation of every service's OpenAPI document, called by every kind of caller, through the gateway and
// directly on the service (each service checks again: defence in depth). A route refuses exactly the callers its
// declared access (`x-access`) excludes: the declaration is what guards it, so this walk proves the two agree.

type Caller = 'anonymous' | 'traveler' | 'owner' | 'adminWithoutMfa' | 'admin';
type Access = 'public' | 'user' | 'owner' | 'admin' | 'internal';
interface Operation {
  service: ServiceName;
  method: string;
  path: string;
  access: Access;
  secondFactorSetup: boolean;
}

const DOC_PATHS: Record<ServiceName, string> = {
  auth: '/api/auth/openapi.json',
  search: '/api/search/openapi.json',
  booking: '/api/bookings/openapi.json',
  'ai-agent': '/api/ai/openapi.json',
};
/** Routes whose call would change the caller's own session or account, so the walk sends them last, if at all. */
const DESTRUCTIVE = /\/(logout|logout-all|me|sessions\/revoke-others|2fa\/disable)$/;

let stack: RunningStack;
let dataDir: string;
const schemas = Object.fromEntries([...SERVICES, 'api-gateway'].map((n) => [n, uniqueSchemaName('access')])) as Record<
  ProcessName,
  string
>;
const redisPrefix = `${uniqueSchemaName('access')}:`;
const bootstrapAdmin = { email: `root-${randomUUID().slice(0, 8)}@example.com`, password: randomUUID() };
const tokens = {} as Record<Exclude<Caller, 'anonymous'>, string>;
const operations: Operation[] = [];

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function signIn(email: string, password: string, totpSecret?: string): Promise<string> {
  const first = await post<{ accessToken?: string; challengeId?: string }>(`${stack.gatewayUrl}/api/auth/login`, {
    email,
    password,
  });
  if (first.accessToken) return first.accessToken;
  if (!totpSecret) throw new Error(`${email} needs a second factor`);
  const code = generateSync({ secret: totpSecret, epoch: Math.floor(Date.now() / 1000) });
  const second = await post<{ accessToken: string }>(`${stack.gatewayUrl}/api/auth/login/mfa`, {
    challengeId: first.challengeId,
    code,
  });
  return second.accessToken;
}

/** A path with plausible values for its parameters: well-formed, so that access is what decides the answer. */
function concretePath(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (name === 'kind') return template.startsWith('/api/listings') ? 'hotels' : 'hotel';
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

async function call(base: string, op: Operation, caller: Caller): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': randomUUID() };
  if (caller !== 'anonymous') headers.authorization = `Bearer ${tokens[caller]}`;
  const res = await fetch(`${base}${concretePath(op.path)}`, {
    method: op.method.toUpperCase(),
    headers,
    ...(op.method === 'get' || op.method === 'delete' ? {} : { body: '{}' }),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const problemType = type.includes('problem+json') ? (JSON.parse(text) as { type?: string }).type : undefined;
  return { status: res.status, type, problemType };
}

/** What a caller must get: refused (401 or 403), or let through (any other answer, such as 400 for the empty body). */
function expected(op: Operation, caller: Caller): 'refused' | 'allowed' {
  if (op.access === 'public') return 'allowed';
  if (caller === 'anonymous') return 'refused';
  if (caller === 'adminWithoutMfa') {
    return op.access !== 'internal' && op.secondFactorSetup && op.access === 'user' ? 'allowed' : 'refused';
  }
  switch (op.access) {
    case 'user':
      return 'allowed';
    case 'owner':
      return caller === 'owner' || caller === 'admin' ? 'allowed' : 'refused';
    case 'admin':
      return caller === 'admin' ? 'allowed' : 'refused';
    case 'internal':
      return 'refused';
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tripwise-access-'));
  stack = await startStack({
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      REDIS_PREFIX: redisPrefix,
      SEED_DEMO_ACCOUNTS: 'true',
      // The first admin of a new deployment: a password, and no second factor yet.
      ADMIN_EMAIL: bootstrapAdmin.email,
      ADMIN_PASSWORD: bootstrapAdmin.password,
      RATE_LIMIT_AUTH_PER_15_MINUTES: '10000',
      RATE_LIMIT_WRITES_PER_MINUTE: '100000',
      RATE_LIMIT_READS_PER_MINUTE: '100000',
      RATE_LIMIT_BOOKING_WRITES_PER_MINUTE: '100000',
      RATE_LIMIT_AI_MESSAGES_PER_MINUTE: '100000',
      LOGINS_PER_IP_PER_5_MINUTES: '10000',
      ...(testEnv.DATABASE_URL ? { DATABASE_URL: testEnv.DATABASE_URL } : {}),
      ...(testEnv.REDIS_URL ? { REDIS_URL: testEnv.REDIS_URL } : {}),
    },
    envFor: (name) => ({ DATABASE_SCHEMA: schemas[name] }),
    ports: { 'api-gateway': 0, auth: 0, search: 0, booking: 0, 'ai-agent': 0 },
  });
  const accounts = JSON.parse(await readFile(join(dataDir, 'auth', 'demo-accounts.json'), 'utf8')) as {
    role: string;
    email: string;
    password: string;
    totpSecret?: string;
  }[];
  for (const role of ['traveler', 'owner', 'admin'] as const) {
    const account = accounts.find((a) => a.role === role)!;
    tokens[role] = await signIn(account.email, account.password, account.totpSecret);
  }
  tokens.adminWithoutMfa = await signIn(bootstrapAdmin.email, bootstrapAdmin.password);
  for (const service of SERVICES) {
    const url = stack.processes.find((p) => p.name === service)!.url;
    const doc = (await (await fetch(`${url}${DOC_PATHS[service]}`)).json()) as {
      paths: Record<string, Record<string, { 'x-access': Access; 'x-second-factor-setup'?: boolean }>>;
    };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, spec] of Object.entries(methods)) {
        operations.push({
          service,
          method,
          path,
          access: spec['x-access'],
          secondFactorSetup: spec['x-second-factor-setup'] === true,
        });
      }
    }
  }
}, 180_000);

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

describe('who may call each route', () => {
  test('When the services are asked for their API documents, then every operation states its access', () => {
    expect(operations.length).toBeGreaterThan(60);
    for (const op of operations) expect(['public', 'user', 'owner', 'admin', 'internal']).toContain(op.access);
  });

  for (const where of ['gateway', 'service'] as const) {
    test(`When every caller calls every operation through the ${where}, then exactly the callers the route excludes are refused`, async () => {
      const mismatches: string[] = [];
      const safe = operations.filter((op) => !DESTRUCTIVE.test(op.path));
      for (const op of safe) {
        // Internal routes are never forwarded by the gateway: there, they are simply not found.
        // (or, for a GET, answered by the web client's page, which the gateway serves for any path it has no route for).
        if (where === 'gateway' && op.access === 'internal') {
          const answer = await call(stack.gatewayUrl, op, 'admin');
          const spa = op.method === 'get' && answer.status === 200 && answer.type.startsWith('text/html');
          if (answer.status !== 404 && !spa) {
            mismatches.push(`${op.method} ${op.path} (internal) answered ${answer.status} through the gateway`);
          }
          continue;
        }
        const base = where === 'gateway' ? stack.gatewayUrl : stack.processes.find((p) => p.name === op.service)!.url;
        for (const caller of ['anonymous', 'traveler', 'owner', 'adminWithoutMfa', 'admin'] as const) {
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
    }, 240_000);
  }
});

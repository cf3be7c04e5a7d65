import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import { SERVICES, type ServiceName } from '../../scripts/stack/processes.ts';
import type { RunningStack } from '../../scripts/stack/stack.ts';
import { givenAStack } from './given-a-stack.ts';

// A whole stack for walks over every operation of the OpenAPI documents: its demo accounts (one per role), a
// first admin with a password only, and a second traveler and owner registered through the API.

export type Caller = 'anonymous' | 'traveler' | 'otherTraveler' | 'owner' | 'otherOwner' | 'adminWithoutMfa' | 'admin';
export type Access = 'public' | 'user' | 'owner' | 'admin' | 'internal';
export interface Operation {
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
  insights: '/api/insights/openapi.json',
};
/** Routes whose call would change the caller's own session or account, so walks leave them out. */
export const DESTRUCTIVE = /\/(logout|logout-all|me|sessions\/revoke-others|2fa\/disable)$/;

export interface WalkStack {
  stack: RunningStack;
  tokens: Record<Exclude<Caller, 'anonymous'>, string>;
  /** The user ids behind the tokens, for objects they own. */
  userIds: Partial<Record<Exclude<Caller, 'anonymous'>, string>>;
  operations: Operation[];
  serviceUrl(service: ServiceName): string;
  stop(): Promise<void>;
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function signIn(gateway: string, email: string, password: string, totpSecret?: string) {
  const first = await post<{ accessToken?: string; challengeId?: string; user?: { id: string } }>(
    `${gateway}/api/auth/login`,
    { email, password },
  );
  if (first.accessToken) return { token: first.accessToken, userId: first.user?.id };
  if (!totpSecret) throw new Error(`${email} needs a second factor`);
  const code = generateSync({ secret: totpSecret, epoch: Math.floor(Date.now() / 1000) });
  const second = await post<{ accessToken: string; user?: { id: string } }>(`${gateway}/api/auth/login/mfa`, {
    challengeId: first.challengeId,
    code,
  });
  return { token: second.accessToken, userId: second.user?.id };
}

/** A new account through the public API; promoted by the admin when it must be an owner. */
async function registered(gateway: string, role: 'traveler' | 'owner', adminToken: string) {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.com`;
  const password = `walk ${randomUUID()}`;
  await post(`${gateway}/api/auth/register`, { email, password, firstName: 'Other', lastName: 'Caller' });
  let signedIn = await signIn(gateway, email, password);
  if (role === 'owner') {
    const res = await fetch(`${gateway}/api/auth/admin/users/${signedIn.userId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ role: 'owner' }),
    });
    if (!res.ok) throw new Error(`promote: ${res.status} ${await res.text()}`);
    signedIn = await signIn(gateway, email, password); // the role is in the token: a new sign-in carries it
  }
  return signedIn;
}

async function operationsOf(url: (service: ServiceName) => string): Promise<Operation[]> {
  const operations: Operation[] = [];
  for (const service of SERVICES) {
    const doc = (await (await fetch(`${url(service)}${DOC_PATHS[service]}`)).json()) as {
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
  return operations;
}

/** Starts the stack with limits lifted (the walks send thousands of requests from one address) and signs everyone in. */
export async function startWalkStack(label: string): Promise<WalkStack> {
  const bootstrapAdmin = { email: `root-${randomUUID().slice(0, 8)}@example.com`, password: randomUUID() };
  const lifted = '100000';
  const stack = await givenAStack(label, {
    env: {
      LOG_LEVEL: 'error',
      SEED_DEMO_ACCOUNTS: 'true',
      // The first admin of a new deployment: a password, and no second factor yet.
      ADMIN_EMAIL: bootstrapAdmin.email,
      ADMIN_PASSWORD: bootstrapAdmin.password,
      RATE_LIMIT_AUTH_PER_15_MINUTES: lifted,
      RATE_LIMIT_WRITES_PER_MINUTE: lifted,
      RATE_LIMIT_READS_PER_MINUTE: lifted,
      RATE_LIMIT_BOOKING_WRITES_PER_MINUTE: lifted,
      RATE_LIMIT_AI_MESSAGES_PER_MINUTE: lifted,
      LOGINS_PER_IP_PER_5_MINUTES: lifted,
      REGISTRATIONS_PER_IP_PER_HOUR: lifted,
      PAYMENT_ATTEMPTS_PER_15_MINUTES: lifted,
    },
  });
  const gateway = stack.gatewayUrl;
  const serviceUrl = (service: ServiceName) => stack.processes.find((p) => p.name === service)!.url;
  const accounts = JSON.parse(await readFile(join(stack.dataDir, 'auth', 'demo-accounts.json'), 'utf8')) as {
    role: 'traveler' | 'owner' | 'admin';
    email: string;
    password: string;
    totpSecret?: string;
  }[];
  const tokens = {} as WalkStack['tokens'];
  const userIds: WalkStack['userIds'] = {};
  for (const role of ['traveler', 'owner', 'admin'] as const) {
    const account = accounts.find((a) => a.role === role)!;
    const signedIn = await signIn(gateway, account.email, account.password, account.totpSecret);
    tokens[role] = signedIn.token;
    userIds[role] = signedIn.userId;
  }
  tokens.adminWithoutMfa = (await signIn(gateway, bootstrapAdmin.email, bootstrapAdmin.password)).token;
  for (const [caller, role] of [
    ['otherTraveler', 'traveler'],
    ['otherOwner', 'owner'],
  ] as const) {
    const signedIn = await registered(gateway, role, tokens.admin);
    tokens[caller] = signedIn.token;
    userIds[caller] = signedIn.userId;
  }
  return {
    stack,
    tokens,
    userIds,
    operations: await operationsOf(serviceUrl),
    serviceUrl,
    stop: () => stack.remove(),
  };
}

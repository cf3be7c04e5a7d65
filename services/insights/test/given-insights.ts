import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import type { InsightEvent, ListingRef } from '@tripwise/contracts';
import { createTokenVerifier } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import type { KvStore } from '@tripwise/platform/kv';
import { captureLogs, openTestDb, openTestKv, startTestIssuer, type TestIssuer } from '@tripwise/platform/testing';
import { createApp, type AppDeps, type InsightsService } from '../src/app.ts';
import type { ProfileFacts } from '../src/data/profiles.repository.ts';

export const migrationsDir = fileURLToPath(new URL('../src/data/migrations', import.meta.url));

export const TEST_CONFIG: AppDeps['config'] = {
  BODY_LIMIT: '100kb',
  TRUST_PROXY_HOPS: 1,
  INSIGHTS_RETENTION_DAYS: 90,
  INSIGHTS_FLUSH_MS: 60_000,
  INSIGHTS_BUFFER_MAX_EVENTS: 1_000,
  INSIGHTS_BATCHES_PER_IP_PER_MINUTE: 1_000,
  INSIGHTS_BATCHES_PER_SESSION_PER_MINUTE: 100,
  INSIGHTS_ROLLUP_INTERVAL_MS: 60_000,
  INSIGHTS_RETENTION_INTERVAL_MS: 60_000,
};

export interface InsightsHarness {
  service: InsightsService;
  db: Db;
  issuer: TestIssuer;
  /** Listings each owner (by id) may manage, as search would answer. */
  owned: Map<string, string[]>;
  /** Accounts' cohort facts, as auth would answer. */
  profiles: Map<string, Omit<ProfileFacts, 'userKey'> & { email?: string }>;
  send(body: unknown, ip?: string): Promise<request.Response>;
  get(token: string | undefined, path: string): Promise<request.Response>;
  token(role: 'traveler' | 'owner' | 'admin', options?: { sub?: string; mfa?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/** The insights service in-process on a test database, with search and auth stood in for by maps. */
export async function givenInsights(config: Partial<AppDeps['config']> = {}): Promise<InsightsHarness> {
  const db = await openTestDb({ migrationsDir });
  const kv: KvStore = await openTestKv();
  const issuer = await startTestIssuer();
  const owned = new Map<string, string[]>();
  const profiles: InsightsHarness['profiles'] = new Map();
  const verify = createTokenVerifier({ jwksUrl: issuer.jwksUrl, issuer: issuer.issuer, audience: issuer.audience });
  const subjectOf = async (authorization: string) => (await verify(authorization.replace(/^Bearer /, ''))).userId;
  const service = createApp({
    config: { ...TEST_CONFIG, ...config },
    logger: captureLogs('insights').logger,
    db,
    kv,
    access: { verify, isDenied: async () => false },
    listings: {
      mayManage: async (listing: ListingRef, authorization: string) =>
        (owned.get(await subjectOf(authorization)) ?? []).includes(`${listing.kind}:${listing.id}`),
    },
    people: {
      cohortsOf: async (keys) =>
        keys.map((userKey) => {
          const p = profiles.get(userKey);
          return { userKey, city: p?.city ?? null, state: p?.state ?? null, signupMonth: p?.signupMonth ?? null };
        }),
      idOfEmail: async (email) => [...profiles.entries()].find(([, p]) => p.email === email)?.[0],
    },
  });
  return {
    service,
    db,
    issuer,
    owned,
    profiles,
    send: (body, ip = '203.0.113.7') =>
      request(service.app)
        .post('/api/insights/events')
        .set('X-Forwarded-For', ip)
        .send(body as object),
    get: (token, path) => {
      const req = request(service.app).get(path);
      return token ? req.set('Authorization', `Bearer ${token}`) : req;
    },
    token: (role, options = {}) =>
      issuer.sign({
        role,
        ...(options.sub ? { sub: options.sub } : {}),
        amr: options.mfa === false ? ['pwd'] : role === 'admin' ? ['pwd', 'mfa'] : ['pwd'],
      }),
    async close() {
      await service.flush();
      await issuer.close();
      await kv.close();
      await db.close();
    },
  };
}

/** A batch from one tab, with sensible envelope defaults. */
export function batch(
  events: InsightEvent[],
  envelope: { sessionId?: string; userKey?: string; device?: string } = {},
) {
  return { sessionId: randomUUID(), device: 'desktop', ...envelope, events };
}

export const today = () => new Date().toISOString().slice(0, 10);
export const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

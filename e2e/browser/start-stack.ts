import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { deleteRedisKeys, listen, testEnv, uniqueSchemaName, type TestServer } from '@tripwise/platform/testing';
import { SERVICES, type ProcessName } from '../../scripts/stack/processes.ts';
import { startStack } from '../../scripts/stack/stack.ts';
import { browserEnv } from './config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The gateway serving the web client and the API, e.g. http://localhost:41234. */
    baseUrl: string;
    /** Where the auth service writes mail as .eml files (no SMTP relay in the tests). */
    mailDir: string;
    /** The demo accounts auth seeds (as `npm start` does): the admin, with its TOTP secret, acts for the marketplace. */
    demoAccounts: string;
    /** A stand-in for Sentry's ingestion the browser apps report to; GET <it>/envelopes lists what it received. */
    sentryIngestUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Records the envelopes posted to it (Sentry's protocol) and lists them at GET /envelopes. */
function startEnvelopeReceiver(): Promise<TestServer> {
  const envelopes: string[] = [];
  return listen((req, res) => {
    if (req.method === 'GET' && req.url === '/envelopes') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(envelopes));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      envelopes.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
}

/**
 * One whole stack for every browser test, started as `npm start` starts it (separate processes, the gateway serving
 * the built web client) on storage of its own: PGlite in a temporary folder, or fresh PostgreSQL schemas and a Redis
 * prefix when DATABASE_URL / REDIS_URL are set.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tripwise-browser-'));
  const port = await freePort();
  // The browser must be on a host the gateway and the agent accept as an Origin, and mail links must lead back here.
  const baseUrl = `http://localhost:${port}`;
  const schemas = Object.fromEntries(
    [...SERVICES, 'api-gateway'].map((name) => [name, uniqueSchemaName('browser')]),
  ) as Record<ProcessName, string>;
  const redisPrefix = `${uniqueSchemaName('browser')}:`;
  const lines: string[] = [];
  const ingest = await startEnvelopeReceiver();
  const stack = await startStack({
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      REDIS_PREFIX: redisPrefix,
      // The browser tests search up to the end of the demo's window (Explore, the date grid): all of it before serving.
      FLIGHT_DAYS_BEFORE_SERVING: '60',
      PUBLIC_URL: baseUrl,
      CORS_ORIGINS: baseUrl,
      // Every test signs up and in from the same loopback address; the limits themselves are tested elsewhere.
      RATE_LIMIT_AUTH_PER_15_MINUTES: '10000',
      RATE_LIMIT_WRITES_PER_MINUTE: '10000',
      RATE_LIMIT_READS_PER_MINUTE: '100000',
      RATE_LIMIT_BOOKING_WRITES_PER_MINUTE: '10000',
      RATE_LIMIT_AI_MESSAGES_PER_MINUTE: '10000',
      RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE: '10000',
      LOGINS_PER_IP_PER_5_MINUTES: '10000',
      REGISTRATIONS_PER_IP_PER_HOUR: '10000',
      EMAIL_REQUESTS_PER_IP_PER_15_MINUTES: '10000',
      EMAIL_LINK_USES_PER_IP_PER_15_MINUTES: '10000',
      // Analytics: every browser is on one address; reports are rolled up every 2 s so a test sees its own events.
      INSIGHTS_BATCHES_PER_IP_PER_MINUTE: '100000',
      INSIGHTS_FLUSH_MS: '200',
      INSIGHTS_ROLLUP_INTERVAL_MS: '2000',
      ...(testEnv.DATABASE_URL ? { DATABASE_URL: testEnv.DATABASE_URL } : {}),
      ...(testEnv.REDIS_URL ? { REDIS_URL: testEnv.REDIS_URL } : {}),
    },
    envFor: (name) => ({
      DATABASE_SCHEMA: schemas[name],
      ...(name === 'auth' ? { SEED_DEMO_ACCOUNTS: 'true' } : {}),
      // The browser apps report to Sentry through the gateway (the services keep theirs off here).
      ...(name === 'api-gateway' ? { SENTRY_DSN: `http://publickey@127.0.0.1:${ingest.port}/9` } : {}),
    }),
    ports: { 'api-gateway': port, auth: 0, search: 0, booking: 0, 'ai-agent': 0 },
    startTimeoutMs: browserEnv.E2E_STACK_START_MS,
    onLine: (name, line, stream) => {
      if (stream === 'stderr') lines.push(`${name}: ${line}`);
    },
  }).catch(async (err: unknown) => {
    await ingest.close();
    throw new Error(`the stack did not start: ${String(err)}\n${lines.slice(-40).join('\n')}`);
  });
  project.provide('baseUrl', baseUrl);
  project.provide('mailDir', join(dataDir, 'mail-outbox'));
  project.provide('demoAccounts', join(dataDir, 'auth', 'demo-accounts.json'));
  project.provide('sentryIngestUrl', ingest.url);

  return async () => {
    await stack.stop();
    await ingest.close();
    await rm(dataDir, { recursive: true, force: true });
    if (testEnv.REDIS_URL) await deleteRedisKeys(testEnv.REDIS_URL, redisPrefix);
    if (testEnv.DATABASE_URL) {
      const client = new pg.Client({ connectionString: testEnv.DATABASE_URL });
      await client.connect();
      for (const schema of Object.values(schemas)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  };
}

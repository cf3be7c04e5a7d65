import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '@tripwise/platform/db';
import type { KvStore } from '@tripwise/platform/kv';
import { captureLogs, listen, openTestDb, openTestKv } from '@tripwise/platform/testing';
import { createApp, type AuthAppConfig } from '../src/app.ts';
import { openKeyManager, type KeyManager } from '../src/keys/key-manager.ts';
import { createMailTransport } from '../src/mail/mail-transport.ts';
import { createMailWorker } from '../src/mail/mail-worker.ts';
import { createDataKey, type DataKey } from '../src/secrets/data-key.ts';

export const migrationsDir = fileURLToPath(new URL('../src/data/migrations', import.meta.url));

export const TEST_CONFIG: AuthAppConfig = {
  BODY_LIMIT: '100kb',
  TRUST_PROXY_HOPS: 1,
  COOKIE_SECURE: true,
  TOKEN_ISSUER: 'http://localhost:8080/api/auth',
  TOKEN_AUDIENCE: 'tripwise',
  ACCESS_TOKEN_TTL_SECONDS: 600,
  REFRESH_GRACE_SECONDS: 20,
  PUBLIC_URL: 'http://localhost:8080',
  LOGINS_PER_IP_PER_5_MINUTES: 30,
  REGISTRATIONS_PER_IP_PER_HOUR: 10,
  EMAIL_REQUESTS_PER_IP_PER_15_MINUTES: 10,
  EMAIL_LINK_USES_PER_IP_PER_15_MINUTES: 20,
};

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The token of the first link in the mail, if any. */
  token: string | undefined;
}

const SERVICE_TOKEN = 'test-service-credential-'.padEnd(40, 'x');

export interface AuthTestService {
  url: string;
  db: Db;
  kv: KvStore;
  keys: KeyManager;
  dataKey: DataKey;
  logs: ReturnType<typeof captureLogs>;
  /** The credential other services show on its internal routes. */
  serviceToken: string;
  /** Shifts the service's clock (token expiry, session lifetimes) by this many ms. */
  advance(ms: number): void;
  /** Every mail sent so far to `to`, oldest first (the worker is drained first). */
  mailTo(to: string): Promise<Mail[]>;
  close(): Promise<void>;
}

function parseEml(raw: string): Mail {
  const [head = '', ...body] = raw.split('\n\n');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
  const text = body.join('\n\n').replace(/=\n/g, '').replace(/=3D/g, '=');
  return { to: header('To'), subject: header('Subject'), text, token: /#token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] };
}

/**
 * The auth service as it runs, on a port of its own: real database and key-value store (PostgreSQL and Redis
 * when configured), real keys, mail written to an outbox folder that tests read back.
 */
export async function givenAnAuthService(
  options: {
    config?: Partial<AuthAppConfig>;
    db?: Db;
    kv?: KvStore;
    dataKey?: DataKey;
    keys?: KeyManager;
    /** How auth tells search of a deleted owner (tests give it a search of their own). */
    ownerDeleted?: (ownerId: string) => Promise<void>;
  } = {},
): Promise<AuthTestService> {
  const dir = await mkdtemp(join(tmpdir(), 'tripwise-auth-'));
  const logs = captureLogs('auth');
  const db = options.db ?? (await openTestDb({ migrationsDir }));
  const kv = options.kv ?? (await openTestKv());
  const dataKey = options.dataKey ?? createDataKey(randomBytes(32));
  const keys =
    options.keys ??
    (await openKeyManager({
      dir: join(dir, 'keys'),
      logger: logs.logger,
      policy: { rotateAfterMs: 30 * 86_400_000, publishAheadMs: 15 * 60_000, retireAfterMs: 15 * 60_000 },
    }));
  const outboxDir = join(dir, 'outbox');
  const worker = createMailWorker({
    db,
    transport: createMailTransport({ outboxDir, from: 'test@tripwise.test' }),
    logger: logs.logger,
  });
  let offset = 0;
  const service = createApp({
    config: { ...TEST_CONFIG, ...options.config },
    logger: logs.logger,
    db,
    kv,
    keys,
    dataKey,
    // Mail is sent when a test reads it (mailTo), so a test sees exactly the mail its own steps queued.
    mail: { drain: async () => 0, pollMs: 1_000 },
    serviceToken: SERVICE_TOKEN,
    ownerDeleted: options.ownerDeleted,
    now: () => Date.now() + offset,
  });
  const server = await listen(service.app);
  return {
    url: server.url,
    db,
    kv,
    keys,
    dataKey,
    logs,
    serviceToken: SERVICE_TOKEN,
    advance: (ms) => {
      offset += ms;
    },
    async mailTo(to) {
      await worker.drain();
      const files = (await readdir(outboxDir).catch(() => [] as string[])).sort();
      const mails = await Promise.all(files.map(async (f) => parseEml(await readFile(join(outboxDir, f), 'utf8'))));
      return mails.filter((m) => m.to === to);
    },
    async close() {
      await server.close();
      await worker.close();
      if (!options.kv) await kv.close();
      if (!options.db) await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

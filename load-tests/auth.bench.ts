// Auth benchmark: the real stack (gateway + services as processes) on loopback, embedded defaults or, with
// DATABASE_URL / REDIS_URL, PostgreSQL and Redis. Prints throughput and latency percentiles per scenario.
// Run: npm run bench:auth  (BENCH_SECONDS=5 per scenario, BENCH_CONCURRENCY=50)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createTokenVerifier } from '@tripwise/platform/auth';
import { deleteRedisKeys } from '@tripwise/platform/testing';
import { startStack } from '../scripts/stack/stack.ts';
import { hashPassword, verifyPassword } from '../services/auth/src/domain/passwords/password-hasher.ts';
import { benchEnv } from './config.ts';
import { closedLoop, printStats, rssMiB, type LoadStats } from './harness/closed-loop.ts';

const { concurrency, durationMs } = benchEnv;
const PASSWORD = 'benchmark passphrase long enough';
let ipCounter = 0;
// nginx would put the browser's address here; the gateway trusts one hop and the services two, as in production.
const nextIp = () => `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;

const dataDir = await mkdtemp(join(tmpdir(), 'tripwise-bench-'));
const schemaPrefix = `bench_${Date.now()}`;
const redisPrefix = `${schemaPrefix}:`;
const stack = await startStack({
  env: { ...benchEnv.inherited, DATA_DIR: dataDir, LOG_LEVEL: 'warn', REDIS_PREFIX: redisPrefix },
  envFor: (name) => ({
    TRUST_PROXY_HOPS: name === 'api-gateway' ? '1' : '2',
    DATABASE_SCHEMA: `${schemaPrefix}_${name.replace('-', '_')}`,
  }),
  ports: { 'api-gateway': 0, auth: 0, search: 0, booking: 0, 'ai-agent': 0 },
});
const base = stack.gatewayUrl;

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp(), ...headers },
    body: JSON.stringify(body),
  });
}

try {
  const results: LoadStats[] = [];
  const emails = Array.from({ length: concurrency }, (_, i) => `bench-${i}-${Date.now()}@example.test`);
  for (const email of emails) await post('/api/auth/register', { email, password: PASSWORD });

  // argon2id's cost bounds sign-in by design: measure one hash and one verify in this process.
  const hash = await hashPassword(PASSWORD);
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) await verifyPassword(hash, PASSWORD);
  const verifyMs = (performance.now() - t0) / 20;

  results.push(
    await closedLoop('POST /api/auth/login (argon2id verify)', { concurrency, durationMs }, async (w) => {
      const res = await post('/api/auth/login', { email: emails[w], password: PASSWORD });
      await res.arrayBuffer();
      return res.status === 200;
    }),
  );

  // One session per client; each refreshes with its own current cookie, as a browser tab would.
  const sessions = await Promise.all(
    emails.map(async (email) => {
      const res = await post('/api/auth/login', { email, password: PASSWORD });
      const body = (await res.json()) as { accessToken: string };
      return { cookie: /tw_rt=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!, accessToken: body.accessToken };
    }),
  );
  results.push(
    await closedLoop('POST /api/auth/refresh (rotation script)', { concurrency, durationMs }, async (w) => {
      const session = sessions[w]!;
      const res = await post('/api/auth/refresh', {}, { cookie: `tw_rt=${session.cookie}` });
      const next = /tw_rt=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
      const body = (await res.json()) as { accessToken?: string };
      if (res.status !== 200 || !next || !body.accessToken) return false;
      session.cookie = next;
      session.accessToken = body.accessToken;
      return true;
    }),
  );

  const verify = createTokenVerifier({
    jwksUrl: `${base}/api/auth/.well-known/jwks.json`,
    issuer: 'http://localhost:8080/api/auth',
    audience: 'tripwise',
  });
  results.push(
    await closedLoop('verify access token (jose, cached JWKS)', { concurrency, durationMs }, async (w) => {
      await verify(sessions[w]!.accessToken);
      return true;
    }),
  );
  results.push(
    await closedLoop('GET /api/auth/me (verify + deny list + db)', { concurrency, durationMs }, async (w) => {
      const res = await fetch(`${base}/api/auth/me`, {
        headers: { authorization: `Bearer ${sessions[w]!.accessToken}` },
      });
      await res.arrayBuffer();
      return res.status === 200;
    }),
  );

  // Enumeration: an unknown email must cost what a wrong password costs. One request at a time, a fixed number,
  // and at most two failures per account so the back-off (429) never answers instead.
  const timed = async (label: string, body: () => unknown, path: string) =>
    closedLoop(label, { concurrency: 1, durationMs: 20_000, maxRequests: 2 * emails.length }, async () => {
      const res = await post(path, body());
      await res.arrayBuffer();
      return res.status === 401 || res.status === 202;
    });
  let n = 0;
  const enumeration = [
    await timed(
      'login, wrong password',
      () => ({ email: emails[n++ % emails.length]!, password: `wrong ${n}` }),
      '/api/auth/login',
    ),
    await timed(
      'login, unknown email',
      () => ({ email: `nobody-${n++}@example.test`, password: 'wrong' }),
      '/api/auth/login',
    ),
    await timed(
      'register, email taken',
      () => ({ email: emails[n++ % emails.length], password: PASSWORD }),
      '/api/auth/register',
    ),
    await timed(
      'register, new email',
      () => ({ email: `new-${n++}-${Date.now()}@example.test`, password: PASSWORD }),
      '/api/auth/register',
    ),
  ];

  printStats([...results, ...enumeration]);
  const [wrong, unknown, taken, fresh] = enumeration.map((r) => r.p50);
  const auth = stack.processes.find((p) => p.name === 'auth')!;
  const gateway = stack.processes.find((p) => p.name === 'api-gateway')!;
  process.stdout.write(
    `\nargon2id (m=19456, t=2, p=1): ${verifyMs.toFixed(1)} ms per verify on this machine\n` +
      `timing ratio unknown/wrong password (p50): ${(unknown! / wrong!).toFixed(2)}; new/taken email: ${(fresh! / taken!).toFixed(2)}\n` +
      `RSS after the run: auth ${(await rssMiB(auth.child.pid!))?.toFixed(0)} MiB, gateway ${(await rssMiB(gateway.child.pid!))?.toFixed(0)} MiB\n` +
      `storage: ${benchEnv.inherited.DATABASE_URL ? 'PostgreSQL' : 'PGlite'} + ${benchEnv.inherited.REDIS_URL ? 'Redis' : 'in-process store'}\n`,
  );
} finally {
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
  if (benchEnv.inherited.REDIS_URL) await deleteRedisKeys(benchEnv.inherited.REDIS_URL, redisPrefix);
  if (benchEnv.inherited.DATABASE_URL) {
    const client = new pg.Client({ connectionString: benchEnv.inherited.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [
      `${schemaPrefix}%`,
    ]);
    for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
    await client.end();
  }
}

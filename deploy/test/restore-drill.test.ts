import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../scripts/stack/processes.ts';
import { startStack, type RunningStack } from '../../scripts/stack/stack.ts';
import { deployConfig } from '../scripts/deploy.config.ts';
import { phase, run, runOk } from '../scripts/run.ts';
import { flightBooking, isoDay } from './support/traveler.ts';
import { linkIn, waitForMail } from '../../e2e/browser/mail.ts';

// The restore drill, on a real PostgreSQL database of its own: the services seed it (search's demo inventory,
// booking's demo bookings, payments and bills) and the running stack adds travelers and a booking through the
// API. Then deploy/backup/backup.sh dumps every schema, the database is dropped and made again empty, and
// deploy/backup/restore.sh (the one documented command) brings it back: every table's row count and checksum
// must match, and the restored stack must let the same traveler sign in and see the same trip.
const SCHEMAS = ['auth', 'search', 'booking', 'ai_agent'];
const database = `tripwise_drill_${process.pid}`;
const adminUrl = deployConfig.DRILL_DATABASE_URL;
const drillUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
})();
let work: string;
let backups: string;

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Every table of every service schema: its row count and a checksum of all its rows (order-independent). */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>(
    drillUrl,
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
      WHERE schemaname = ANY('{${SCHEMAS.join(',')}}') ORDER BY 1`,
  );
  const prints: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await sql<{ rows: string; sum: string }>(
      drillUrl,
      `SELECT count(*) AS rows, md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS sum FROM ${name} t`,
    );
    prints[name] = `${row!.rows} rows, md5 ${row!.sum}`;
  }
  return prints;
}

async function startOnDrillDatabase(dataDir: string): Promise<RunningStack> {
  return startStack({
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      DATABASE_URL: drillUrl,
      LOG_LEVEL: 'warn',
      SEED_INVENTORY: 'none',
    },
    ports: { 'api-gateway': 0, auth: 0, search: 0, booking: 0, 'ai-agent': 0 },
  });
}

async function json<T>(url: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': crypto.randomUUID(),
  };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const traveler = { email: `drill-${process.pid}@example.test`, password: 'a restore drill passphrase' };
let before: Record<string, string>;
let bookingId: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tripwise-drill-'));
  backups = join(work, 'backups');
  await sql(adminUrl, `CREATE DATABASE ${database}`);
  const env = { PATH: process.env.PATH, DATABASE_URL: drillUrl, LOG_LEVEL: 'warn' };
  phase('drill: seeding with the services own seeders (search inventory, then bookings, payments, bills)');
  await runOk('npm', ['run', 'seed', '-w', 'services/search', '--', '--scale', 'demo'], {
    cwd: REPO_ROOT,
    env,
    timeoutMs: 300_000,
  });
  const dataBefore = join(work, 'data-before');
  const stack = await startOnDrillDatabase(dataBefore);
  try {
    // Booking's history is seeded by the running booking service, which asks search for the inventory over HTTP.
    const booking = stack.processes.find((p) => p.name === 'booking')!;
    await runOk('npm', ['run', 'seed', '-w', 'services/booking', '--', '--scale', 'demo'], {
      cwd: REPO_ROOT,
      env: { ...env, BOOKING_URL: booking.url, DATA_DIR: dataBefore },
      timeoutMs: 300_000,
    });

    phase('drill: travelers and a booking through the API');
    const gateway = stack.gatewayUrl;
    for (const n of [1, 2, 3]) {
      await json(`${gateway}/api/auth/register`, {
        method: 'POST',
        body: { email: `drill-${n}-${process.pid}@example.test`, password: traveler.password },
      });
    }
    await json(`${gateway}/api/auth/register`, { method: 'POST', body: traveler });
    // Booking needs a confirmed address: the link from the sign-up mail (the embedded outbox) confirms it.
    const link = linkIn(
      await waitForMail(join(dataBefore, 'mail-outbox'), traveler.email, /confirm|verify/i),
      '/verify-email',
    );
    await json(`${gateway}/api/auth/email/verify`, {
      method: 'POST',
      body: { token: new URL(link).hash.replace(/^#token=/, '') },
    });
    const { accessToken } = await json<{ accessToken: string }>(`${gateway}/api/auth/login`, {
      method: 'POST',
      body: traveler,
    });
    const flights = await json<{ items: { id: string; price: { amount: number } }[] }>(
      `${gateway}/api/search/flights?origin=NYC&destination=LAX&date=${isoDay(14)}`,
    );
    bookingId = (
      await json<{ id: string }>(`${gateway}/api/bookings`, {
        method: 'POST',
        token: accessToken,
        body: flightBooking(flights.items[0]!, traveler.email),
      })
    ).id;
  } finally {
    await stack.stop();
  }
  before = await fingerprint();
}, 600_000);

afterAll(async () => {
  await sql(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
});

describe('the restore drill', () => {
  test('When the database is seeded, then users, bookings, payments and bills are there to lose', () => {
    const rows = (table: string) => Number(before[table]!.split(' ')[0]);
    expect(rows('auth.users')).toBeGreaterThanOrEqual(4);
    expect(rows('booking.bookings')).toBeGreaterThan(400);
    expect(rows('booking.payments')).toBeGreaterThan(400);
    expect(rows('booking.billing_records')).toBeGreaterThan(400);
    expect(rows('search.flights')).toBeGreaterThan(1000);
  });

  test('When backup.sh runs, then it writes one custom-format dump per schema and their checksums', async () => {
    const env = { PATH: process.env.PATH, DATABASE_URL: drillUrl, BACKUP_DIR: backups, BACKUP_KEEP: '2' };
    await runOk('bash', ['deploy/backup/backup.sh', 'once'], { cwd: REPO_ROOT, env, timeoutMs: 300_000 });
    const [folder] = await readdir(backups);
    expect(folder).toMatch(/^\d{8}T\d{6}Z$/);
    expect((await readdir(join(backups, folder!))).sort()).toEqual(
      ['SHA256SUMS', ...SCHEMAS.map((s) => `${s}.dump`).sort(), 'server_version'].sort(),
    );
    const header = await runOk('pg_restore', ['--list', join(backups, folder!, 'booking.dump')], { timeoutMs: 60_000 });
    expect(header).toMatch(/Format: CUSTOM/);
  });

  test('When the database is dropped and restore.sh runs, then every table comes back with the same rows', async () => {
    const [folder] = await readdir(backups);
    phase('drill: DROP DATABASE, CREATE DATABASE (empty), restore.sh');
    await sql(adminUrl, `DROP DATABASE ${database} WITH (FORCE)`);
    await sql(adminUrl, `CREATE DATABASE ${database}`);
    expect(await fingerprint()).toEqual({});
    await runOk('bash', ['deploy/backup/restore.sh', join(backups, folder!)], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, DATABASE_URL: drillUrl },
      timeoutMs: 300_000,
    });
    expect(await fingerprint()).toEqual(before);
  });

  test('When the stack starts on the restored database, then the traveler signs in and finds the trip', async () => {
    const stack = await startOnDrillDatabase(join(work, 'data-after'));
    try {
      const { accessToken } = await json<{ accessToken: string }>(`${stack.gatewayUrl}/api/auth/login`, {
        method: 'POST',
        body: traveler,
      });
      const trips = await json<{ items: { id: string; status: string }[] }>(
        `${stack.gatewayUrl}/api/bookings?when=upcoming`,
        {
          token: accessToken,
        },
      );
      expect(trips.items).toEqual([expect.objectContaining({ id: bookingId, status: 'confirmed' })]);
    } finally {
      await stack.stop();
    }
  });

  test('When a dump was altered, then restore.sh refuses it and changes nothing', async () => {
    const [folder] = await readdir(backups);
    const current = await fingerprint();
    const copy = join(work, 'tampered');
    await cp(join(backups, folder!), copy, { recursive: true });
    await writeFile(join(copy, 'auth.dump'), 'not a dump');
    const result = await run('bash', ['deploy/backup/restore.sh', copy], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, DATABASE_URL: drillUrl },
      timeoutMs: 60_000,
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr + result.stdout).toMatch(/auth\.dump: FAILED/);
    expect(await fingerprint()).toEqual(current);
  });

  test('When more backups are made than BACKUP_KEEP, then the oldest are removed', async () => {
    const env = { PATH: process.env.PATH, DATABASE_URL: drillUrl, BACKUP_DIR: backups, BACKUP_KEEP: '2' };
    for (let i = 0; i < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // backup folders are named by the second
      await runOk('bash', ['deploy/backup/backup.sh', 'once'], { cwd: REPO_ROOT, env, timeoutMs: 300_000 });
    }
    expect((await readdir(backups)).filter((f) => !f.startsWith('.'))).toHaveLength(2);
  });
});

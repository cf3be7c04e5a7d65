// Booking benchmark: the real search, booking and gateway services as processes on loopback, over PostgreSQL and
// Redis, with the booking service's built-in card simulator. BENCH_BOOKING_USERS virtual users shop through the
// gateway (search, open a hotel, book one of the first offers with an Idempotency-Key, some with a declining card,
// some cancelling afterwards): a warm-up, then a phase pausing ~BENCH_BOOKING_THINK_MS between requests, then one
// without pauses. Prints per phase bookings/s, searches/s, p50/p95/p99, the outcomes and the servers' memory; then
// lets the stack settle and audits the books from the databases (units sold = units confirmed, money captured minus
// refunded = billed, no leaked holds), printing PASS/FAIL per check; any FAIL makes the exit code 1.
// Run: npm run bench:booking  (knobs in load-tests/booking.config.ts; DATABASE_URL and REDIS_URL name the servers).
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@tripwise/platform/db';
import { createLogger } from '@tripwise/platform/logger';
import { REPO_ROOT, type ProcessName } from '../scripts/stack/processes.ts';
import { startBenchRun } from './harness/bench-run.ts';
import { INVENTORY_SCALES, type InventoryScale } from '../services/search/src/domain/inventory/inventory-scale.ts';
import { seedInventory } from '../services/search/src/domain/inventory/seed-inventory.ts';
import { bookingBenchEnv as env } from './booking.config.ts';
import { auditBooks, soldOut, unsettled, type AuditCheck } from './fixtures/booking-audit.ts';
import { runBookingPhase, printPhase, type AnsweredIds, type PhaseResult } from './fixtures/booking-phase.ts';
import { loadCatalogue, type SearchCatalogue } from './fixtures/search-mix.ts';
import { machineCpuTicks, startStackProcess } from './harness/node-process.ts';

// Few enough cities, days and listings that the popular flights, rooms and cars do sell out under 100 users.
const SCALES: Record<typeof env.scale, InventoryScale> = {
  small: {
    name: 'bench-booking-small',
    days: 45,
    airports: 30,
    frequencyFactor: 0.05,
    hotels: 300,
    cars: 200,
  },
  demo: INVENTORY_SCALES.demo,
};
const SCHEMAS = { bookingSchema: 'booking', searchSchema: 'search' };

const { dbName, benchUrl, redisPrefix, work, issuer, running, withClient, sql, cleanup } = await startBenchRun(
  'booking',
  env,
);
const logger = createLogger({ service: 'booking-bench', level: 'warn' });
const out = (text: string) => process.stdout.write(text);

/** Seeds search's inventory into its schema (migrating it first) and reads what the shoppers will ask for. */
async function seed(today: string): Promise<SearchCatalogue> {
  const db = await openDatabase({
    service: 'search',
    config: { DATABASE_URL: benchUrl, DATABASE_SCHEMA: SCHEMAS.searchSchema, DATABASE_POOL_MAX: 4, DATA_DIR: work },
    logger,
    migrationsDir: join(REPO_ROOT, 'services/search/src/data/migrations'),
  });
  try {
    const seeded = await seedInventory(db, { scale: SCALES[env.scale], startDate: today, logger });
    const keep = (column: string) => `${column} = greatest(1, ceil(${column} * ${env.capacityShare})::int)`;
    await db.query(`UPDATE flight_cabins SET ${keep('seats_total')}`);
    await db.query(`UPDATE room_types SET ${keep('units')}`);
    await db.query(`UPDATE cars SET ${keep('units')}`);
    await db.query('VACUUM (ANALYZE)');
    const { rows } = await db.query<{ seats: number; types: number; rooms: number; cars: number }>(
      `SELECT (SELECT sum(seats_total)::int FROM flight_cabins) AS seats, (SELECT count(*)::int FROM room_types) AS types,
              (SELECT sum(units)::int FROM room_types) AS rooms, (SELECT sum(units)::int FROM cars) AS cars`,
    );
    const r = rows[0]!;
    out(
      `inventory ${SCALES[env.scale].name}: seeded in ${(seeded.durationMs / 1000).toFixed(1)} s, ${seeded.flights} flights ` +
        `over ${SCALES[env.scale].days} days, ${seeded.hotels} hotels (${r.types} room types), ${seeded.cars} cars; ` +
        `${(env.capacityShare * 100).toFixed(0)}% of it on sale: ${r.seats} seats, ${r.rooms} rooms a night, ${r.cars} cars a day\n`,
    );
    return await loadCatalogue(db, today);
  } finally {
    await db.close();
  }
}

async function startStack() {
  const serviceToken = randomBytes(32).toString('base64url');
  const common = { NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', REDIS_URL: env.redisUrl };
  const auth = { AUTH_URL: new URL(issuer.jwksUrl).origin, AUTH_JWKS_URL: issuer.jwksUrl, TOKEN_ISSUER: issuer.issuer };
  const start = async (name: ProcessName, vars: NodeJS.ProcessEnv) => {
    const p = await startStackProcess(name, { ...common, ...auth, ...vars });
    running.add(p);
    return p;
  };
  const search = await start('search', {
    DATABASE_URL: benchUrl,
    DATABASE_SCHEMA: SCHEMAS.searchSchema,
    REDIS_PREFIX: `${redisPrefix}search:`,
    SEED_INVENTORY: 'none',
    DATA_DIR: join(work, 'search'),
    INTERNAL_SERVICE_TOKEN: serviceToken,
    // Search asks booking only about reviews, which no shopper writes.
    BOOKING_URL: 'http://127.0.0.1:9',
  });
  const booking = await start('booking', {
    DATABASE_URL: benchUrl,
    DATABASE_SCHEMA: SCHEMAS.bookingSchema,
    REDIS_PREFIX: `${redisPrefix}booking:`,
    DATA_DIR: join(work, 'booking'),
    INTERNAL_SERVICE_TOKEN: serviceToken,
    SEARCH_URL: search.url,
    // Every virtual user pays from 127.0.0.1, far more often than one person would: the card-testing limits are lifted.
    PAYMENT_ATTEMPTS_PER_15_MINUTES: '1000000000',
    CARD_DECLINES_PER_HOUR: '1000000000',
  });
  // The limits are per address and per user; every virtual user comes from 127.0.0.1 and books far more often
  // than one person would, so they are lifted: this measures the services, not the limiter.
  const gateway = await start('api-gateway', {
    REDIS_PREFIX: `${redisPrefix}gateway:`,
    SEARCH_URL: search.url,
    BOOKING_URL: booking.url,
    SERVE_FRONTENDS: 'false',
    RATE_LIMIT_READS_PER_MINUTE: '1000000000',
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000000',
    RATE_LIMIT_BOOKING_WRITES_PER_MINUTE: '1000000000',
  });
  return { search, booking, gateway };
}

/** Waits until every booking is finished or undone and nothing is held, or the settle time runs out. */
async function settle(): Promise<void> {
  const started = Date.now();
  await withClient(benchUrl, async (client) => {
    for (;;) {
      const left = await unsettled(client, SCHEMAS);
      const waited = ((Date.now() - started) / 1000).toFixed(0);
      if (left.bookings + left.holds + left.authorisations === 0) {
        out(`settled after ${waited} s: no unfinished booking, no hold in force, no open authorisation\n`);
        return;
      }
      if (Date.now() - started >= env.settleMs) {
        out(
          `not settled after ${waited} s: ${left.bookings} unfinished bookings, ${left.holds} holds in force, ` +
            `${left.authorisations} open authorisations\n`,
        );
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  });
}

function printAudit(checks: AuditCheck[]): void {
  out(`\n=== Audit (from the booking and search schemas of ${dbName}) ===\n`);
  for (const c of checks) out(`${c.pass ? 'PASS' : 'FAIL'}  ${c.name}\n      ${c.detail}\n`);
  const failed = checks.filter((c) => !c.pass).length;
  out(failed === 0 ? `all ${checks.length} checks passed\n` : `${failed} of ${checks.length} checks FAILED\n`);
}

try {
  const version = String((await sql(env.databaseUrl, 'SHOW server_version'))[0]?.server_version);
  const before = await machineCpuTicks();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const after = await machineCpuTicks();
  out(
    `booking benchmark: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, PostgreSQL ${version}, ` +
      `Redis ${env.redisUrl}; ${env.users} users (${(env.declineShare * 100).toFixed(0)}% with a declining card, ` +
      `${(env.cancelShare * 100).toFixed(0)}% cancelling), database ${dbName} (dropped at the end); the load ` +
      `generator shares the machine, ${((100 * (after.busy - before.busy)) / Math.max(1, after.total - before.total)).toFixed(0)}% busy before the run\n`,
  );
  await sql(env.databaseUrl, `CREATE DATABASE ${dbName}`);
  const today = new Date().toISOString().slice(0, 10);
  const catalogue = await seed(today);
  const stack = await startStack();
  const tokens = await Promise.all(
    Array.from({ length: env.users }, () => issuer.sign({ role: 'traveler', expiresInSec: 4 * 3600 })),
  );
  const ids: AnsweredIds = { confirmed: [], accepted: [], cancelled: [], lastAnswer: new Map() };
  const phase = (name: string, durationMs: number, thinkMs: number, seedBase: number) =>
    runBookingPhase({
      name,
      stack,
      catalogue,
      tokens,
      ids,
      durationMs,
      thinkMs,
      seedBase,
      horizonDays: Math.min(SCALES[env.scale].days, 60),
      options: env,
    });
  if (env.warmupMs > 0) {
    const warm = await phase('warm-up', env.warmupMs, env.thinkMs, 1_000_000);
    out(
      `\nwarm-up: ${warm.stats.requests} requests in ${warm.stats.seconds.toFixed(0)} s, ${warm.stats.errors} errors\n`,
    );
  }
  const results: PhaseResult[] = [];
  results.push(await phase(`~${env.thinkMs} ms pauses`, env.phaseMs, env.thinkMs, 0));
  printPhase(results.at(-1)!);
  results.push(await phase('no pauses', env.phaseMs, 0, 2_000_000));
  printPhase(results.at(-1)!);
  out('\n');
  await settle();
  const checks = await withClient(benchUrl, async (client) => {
    const gone = await soldOut(client, SCHEMAS.searchSchema);
    out(
      `sold out by the end: ${gone.cabins} flight cabins, ${gone.roomNights} nights of a room type, ` +
        `${gone.carDays} days of a car\n`,
    );
    return auditBooks(client, {
      ...SCHEMAS,
      confirmedIds: ids.confirmed,
      acceptedIds: ids.accepted,
      cancelledIds: ids.cancelled,
      unansweredKeys: [...ids.lastAnswer].filter(([, status]) => status === 0 || status >= 500).map(([k]) => k),
      refusedKeys: [...ids.lastAnswer].filter(([, status]) => status >= 400 && status < 500).map(([k]) => k),
    });
  });
  printAudit(checks);
  if (checks.some((c) => !c.pass)) process.exitCode = 1;
} finally {
  await cleanup();
}

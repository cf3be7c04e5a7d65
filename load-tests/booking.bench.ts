// Booking benchmark: the real search, booking and gateway services as processes on loopback, over PostgreSQL and
// Redis, with the booking service's built-in card simulator. BENCH_BOOKING_USERS virtual users shop through the
// gateway (search, open a hotel, book one of the first offers with an Idempotency-Key, some with a declining card,
// some cancelling afterwards): a warm-up, then a phase pausing ~BENCH_BOOKING_THINK_MS between requests, then one
// without pauses. Prints per phase bookings/s, searches/s, p50/p95/p99, the outcomes and the servers' memory; then
// lets the stack settle and audits the books from the databases (units sold = units confirmed, money captured minus
// refunded = billed, no leaked holds), printing PASS/FAIL per check; any FAIL makes the exit code 1.
// Run: npm run bench:booking  (knobs in load-tests/booking.config.ts; DATABASE_URL and REDIS_URL name the servers).
import { cpus } from 'node:os';
import { createLogger } from '@tripwise/platform/logger';
import { startBenchRun } from './harness/bench-run.ts';
import { bookingBenchEnv as env } from './booking.config.ts';
import { auditBooks, soldOut } from './fixtures/booking-audit.ts';
import { runBookingPhase, printPhase, auditInputOf, noAnswersYet, type PhaseResult } from './fixtures/booking-phase.ts';
import {
  BOOKING_BENCH_SCALES as SCALES,
  printAudit,
  SCHEMAS,
  seedBookingInventory,
  settle,
  startBookingStack,
} from './fixtures/booking-stack.ts';
import { machineCpuTicks } from './harness/node-process.ts';

const run = await startBenchRun('booking', env);
const { dbName, benchUrl, withClient, sql, cleanup } = run;
const logger = createLogger({ service: 'booking-bench', level: 'warn' });
const out = (text: string) => process.stdout.write(text);

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
  const catalogue = await seedBookingInventory(run, {
    scale: SCALES[env.scale],
    capacityShare: env.capacityShare,
    today,
    logger,
  });
  const stack = await startBookingStack(run, { databaseUrl: benchUrl, redisUrl: env.redisUrl });
  const tokens = await Promise.all(
    Array.from({ length: env.users }, () => run.issuer.sign({ role: 'traveler', expiresInSec: 4 * 3600 })),
  );
  const ids = noAnswersYet();
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
  await settle(run, env.settleMs);
  const checks = await withClient(benchUrl, async (client) => {
    const gone = await soldOut(client, SCHEMAS.searchSchema);
    out(
      `sold out by the end: ${gone.cabins} flight cabins, ${gone.roomNights} nights of a room type, ` +
        `${gone.carDays} days of a car\n`,
    );
    return auditBooks(client, {
      ...SCHEMAS,
      ...auditInputOf(ids),
    });
  });
  printAudit(run, checks);
  if (checks.some((c) => !c.pass)) process.exitCode = 1;
} finally {
  await cleanup();
}

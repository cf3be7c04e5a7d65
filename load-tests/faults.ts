// Fault injection under a small booking load: the booking benchmark's stack (search, booking with its card
// simulation, the gateway) over PostgreSQL and Redis reached through TCP proxies this run controls. While virtual
// travelers search, book (retrying with their Idempotency-Key after a 5xx or no answer), pay and cancel, faults come
// one after another: booking or search SIGKILLed mid-traffic and restarted, PostgreSQL and Redis refusing connections
// or partitioned (nothing gets through). Then the stack settles and the books are audited from the databases: units
// sold = units in confirmed bookings, no hold leaked, no authorisation left open, billing = captured − refunded,
// every 201 confirmed, no key booked twice. Prints the faults, the answers and the audit; exit code 1 on any FAIL.
// Run: npm run test:faults  (FAULTS_* below; DATABASE_URL and REDIS_URL name the servers, as for the benchmarks).
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { parseConfig } from '@tripwise/platform/config';
import { createLogger } from '@tripwise/platform/logger';
import { startTcpFaultProxy, type FaultMode, type TcpFaultProxy } from '@tripwise/platform/testing';
import { bookingBenchEnv } from './booking.config.ts';
import { auditBooks } from './fixtures/booking-audit.ts';
import { printPhase, runBookingPhase, auditInputOf, noAnswersYet } from './fixtures/booking-phase.ts';
import {
  BOOKING_BENCH_SCALES,
  printAudit,
  SCHEMAS,
  seedBookingInventory,
  settle,
  startBookingStack,
  type BookingStack,
} from './fixtures/booking-stack.ts';
import { startBenchRun } from './harness/bench-run.ts';

const knobs = parseConfig(
  z.object({
    FAULTS_USERS: z.coerce.number().int().positive().max(500).default(20),
    FAULTS_SECONDS: z.coerce.number().int().positive().max(1_800).default(90),
    /** A fault begins this often; each lasts FAULTS_DOWN_MS (a restarted service is down that long too). */
    FAULTS_EVERY_SECONDS: z.coerce.number().positive().max(600).default(6),
    FAULTS_DOWN_MS: z.coerce.number().int().min(0).max(60_000).default(2_500),
    FAULTS_SETTLE_SECONDS: z.coerce.number().int().min(1).max(900).default(150),
  }),
  process.env,
);
const out = (text: string) => process.stdout.write(text);
const logger = createLogger({ service: 'faults', level: 'warn' });
/** How late a slow link passes each packet on: slower than a healthy query, well under every timeout. */
const SLOW_MS = 150;

interface Links {
  postgres: TcpFaultProxy;
  redis: TcpFaultProxy;
}
type Fault = { name: string; inject: (stack: BookingStack, links: Links) => Promise<void> };

const HOW: Record<Exclude<FaultMode, 'forward'>, string> = {
  refuse: 'refuses connections',
  blackhole: 'partitioned',
  slow: `slow (every packet ${SLOW_MS} ms late each way)`,
};
const cut = (link: keyof Links, mode: Exclude<FaultMode, 'forward'>): Fault => ({
  name: `${link === 'postgres' ? 'PostgreSQL' : 'Redis'} ${HOW[mode]}`,
  inject: async (_stack, links) => {
    links[link].set(mode);
    await sleep(knobs.FAULTS_DOWN_MS);
    links[link].set('forward');
  },
});
const FAULTS: Fault[] = [
  { name: 'booking SIGKILLed', inject: (stack) => stack.crash('booking', knobs.FAULTS_DOWN_MS) },
  cut('postgres', 'refuse'),
  { name: 'search SIGKILLed', inject: (stack) => stack.crash('search', knobs.FAULTS_DOWN_MS) },
  cut('redis', 'blackhole'),
  cut('postgres', 'blackhole'),
  cut('redis', 'refuse'),
  { name: 'card processor SIGKILLed', inject: (stack) => stack.crash('cards', knobs.FAULTS_DOWN_MS) },
  cut('postgres', 'slow'),
  cut('redis', 'slow'),
];

const hostPort = (url: string, fallbackPort: number) => {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || fallbackPort) };
};

const run = await startBenchRun('faults', bookingBenchEnv);
const links: Links = {
  postgres: await startTcpFaultProxy(hostPort(bookingBenchEnv.databaseUrl, 5432), { slowMs: SLOW_MS }),
  redis: await startTcpFaultProxy(hostPort(bookingBenchEnv.redisUrl, 6379), { slowMs: SLOW_MS }),
};
try {
  await run.sql(bookingBenchEnv.databaseUrl, `CREATE DATABASE ${run.dbName}`);
  const today = new Date().toISOString().slice(0, 10);
  const catalogue = await seedBookingInventory(run, {
    scale: BOOKING_BENCH_SCALES.small,
    capacityShare: bookingBenchEnv.capacityShare,
    today,
    logger,
  });
  const viaPostgres = Object.assign(new URL(run.benchUrl), {
    hostname: '127.0.0.1',
    port: String(links.postgres.port),
  });
  const stack = await startBookingStack(run, {
    databaseUrl: viaPostgres.toString(),
    redisUrl: Object.assign(new URL(bookingBenchEnv.redisUrl), {
      hostname: '127.0.0.1',
      port: String(links.redis.port),
    }).toString(),
  });
  const tokens = await Promise.all(
    Array.from({ length: knobs.FAULTS_USERS }, () => run.issuer.sign({ role: 'traveler', expiresInSec: 4 * 3600 })),
  );
  const ids = noAnswersYet();
  out(
    `fault injection: ${knobs.FAULTS_USERS} travelers for ${knobs.FAULTS_SECONDS} s, a fault every ` +
      `${knobs.FAULTS_EVERY_SECONDS} s lasting ${knobs.FAULTS_DOWN_MS} ms, database ${run.dbName} (dropped at the end)\n`,
  );
  const ends = Date.now() + knobs.FAULTS_SECONDS * 1000;
  const injected: string[] = [];
  const chaos = (async () => {
    for (let i = 0; Date.now() + knobs.FAULTS_EVERY_SECONDS * 1000 < ends; i++) {
      await sleep(knobs.FAULTS_EVERY_SECONDS * 1000);
      await stack.revive();
      const fault = FAULTS[i % FAULTS.length]!;
      const started = Date.now();
      await fault.inject(stack, links);
      injected.push(`${((started - (ends - knobs.FAULTS_SECONDS * 1000)) / 1000).toFixed(0)} s: ${fault.name}`);
    }
  })();
  const phase = await runBookingPhase({
    name: 'under faults',
    stack,
    catalogue,
    tokens,
    ids,
    durationMs: knobs.FAULTS_SECONDS * 1000,
    thinkMs: 500,
    seedBase: 0,
    horizonDays: 40,
    options: bookingBenchEnv,
  });
  await chaos;
  printPhase(phase);
  out(`\nfaults injected (${injected.length}):\n${injected.map((f) => `  ${f}\n`).join('')}\n`);
  await stack.revive();
  await settle(run, knobs.FAULTS_SETTLE_SECONDS * 1000);
  const checks = await run.withClient(run.benchUrl, (client) =>
    auditBooks(client, {
      ...SCHEMAS,
      ...auditInputOf(ids),
    }),
  );
  checks.push({
    name: 'no service died of a fault it was not killed by',
    pass: stack.died.length === 0,
    detail: stack.died.length === 0 ? 'none' : stack.died.join(', '),
  });
  printAudit(run, checks);
  if (checks.some((c) => !c.pass)) process.exitCode = 1;
} finally {
  await run.cleanup();
  await links.postgres.close();
  await links.redis.close();
}

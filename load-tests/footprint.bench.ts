// Footprint benchmark: the embedded stack as `npm start` runs it (PGlite, in-process stores, demo accounts and
// history) on a fresh data folder, then again on the same folder (a restart). Prints the time to start and each
// process's resident memory (RSS, and its peak) after start, then after a mixed load through the gateway.
// Run: npm run bench:footprint  (BENCH_FOOTPRINT_LOAD_SECONDS, BENCH_FOOTPRINT_USERS, BENCH_FOOTPRINT_RESTART)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importDemoData } from '../scripts/stack/demo-data.ts';
import { startStack, type RunningStack } from '../scripts/stack/stack.ts';
import { footprintBenchEnv } from './config.ts';

const work = await mkdtemp(join(tmpdir(), 'tripwise-footprint-'));
const dataDir = join(work, 'data');
const TARGET_MB = 800;

/** Resident memory now and at its peak, of one process, from /proc (Linux), in MB (10^6 bytes). */
async function memory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: (kb('VmRSS') * 1024) / 1e6, peak: (kb('VmHWM') * 1024) / 1e6 };
}

async function start(): Promise<{ stack: RunningStack; seconds: number }> {
  const started = performance.now();
  const stack = await startStack({
    env: {
      PATH: process.env.PATH,
      // The embedded settings to compare (PGLITE_SHARED_BUFFERS, PGLITE_LIFTOFF_ONLY), as npm start passes them on.
      ...(process.env.PGLITE_SHARED_BUFFERS ? { PGLITE_SHARED_BUFFERS: process.env.PGLITE_SHARED_BUFFERS } : {}),
      ...(process.env.PGLITE_LIFTOFF_ONLY ? { PGLITE_LIFTOFF_ONLY: process.env.PGLITE_LIFTOFF_ONLY } : {}),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // Every traveler of the load comes from 127.0.0.1: one address's read limit would refuse most of them.
      RATE_LIMIT_READS_PER_MINUTE: '1000000',
      SEED_DEMO_ACCOUNTS: 'true',
      DEV_MAIL_OUTBOX_DIR: join(dataDir, 'mail-outbox'),
    },
    ports: { 'api-gateway': 0, auth: 0, search: 0, booking: 0, 'ai-agent': 0 },
    // A first start seeds weeks of flights into PGlite: minutes on a busy 2-core machine.
    startTimeoutMs: 900_000,
    onLine: (name, line, stream) => {
      if (stream === 'stderr') process.stderr.write(`${name}: ${line}\n`);
    },
  });
  const url = (name: string) => stack.processes.find((p) => p.name === name)!.url;
  // What npm start does after its banner: the demo owner's listings and the demo booking history.
  await importDemoData({
    DATA_DIR: dataDir,
    urls: { auth: url('auth'), search: url('search'), booking: url('booking') },
  });
  return { stack, seconds: (performance.now() - started) / 1000 };
}

async function table(stack: RunningStack): Promise<Map<string, { rss: number; peak: number }>> {
  const rows = new Map<string, { rss: number; peak: number }>();
  for (const p of stack.processes) rows.set(p.name, await memory(p.child.pid!));
  return rows;
}

/** Travelers browsing through the gateway: type-ahead, flights, hotels and cars, and signed in, their trips. */
async function mixedLoad(
  gateway: string,
  seconds: number,
  users: number,
): Promise<{ requests: number; failed: number; limited: number }> {
  const accounts = JSON.parse(await readFile(join(dataDir, 'auth', 'demo-accounts.json'), 'utf8')) as {
    role: string;
    email: string;
    password: string;
  }[];
  const traveler = accounts.find((a) => a.role === 'traveler')!;
  const login = await fetch(`${gateway}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: traveler.email, password: traveler.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const day = (ahead: number) => new Date(Date.now() + ahead * 86_400_000).toISOString().slice(0, 10);
  const letters = ['par', 'lon', 'new', 'ber', 'rom', 'mad', 'tok', 'sy', 'chi', 'los'];
  let codes = ['CDG', 'LHR', 'JFK'];
  let requests = 0;
  let failed = 0;
  let limited = 0;
  const get = async (path: string, signedIn = false) => {
    requests += 1;
    const res = await fetch(
      `${gateway}${path}`,
      signedIn ? { headers: { authorization: `Bearer ${accessToken}` } } : {},
    );
    const text = await res.text();
    if (res.status >= 500) failed += 1;
    if (res.status === 429) limited += 1;
    return text;
  };
  const deadline = Date.now() + seconds * 1000;
  const user = async (n: number) => {
    for (let i = n; Date.now() < deadline; i++) {
      const pick = <T>(list: T[]) => list[(i * 7 + n) % list.length]!;
      const places = await get(`/api/search/places?q=${pick(letters)}`);
      const found = [...places.matchAll(/"code":"([A-Z]{3})"/g)].map((m) => m[1]!);
      if (found.length > 1) codes = found;
      const [from, to] = [pick(codes), codes[(i + 1) % codes.length]!];
      await get(`/api/search/flights?origin=${from}&destination=${to}&date=${day(3 + (i % 20))}`);
      await get(`/api/search/hotels?city=${to}&checkIn=${day(5)}&checkOut=${day(8)}`);
      await get(`/api/search/cars?location=${to}&pickupDate=${day(5)}&dropoffDate=${day(8)}`);
      await get('/api/auth/me', true);
      await get('/api/bookings', true);
      await new Promise((resolve) => setTimeout(resolve, 200 + (i % 5) * 100));
    }
  };
  await Promise.all(Array.from({ length: users }, (_, n) => user(n)));
  return { requests, failed, limited };
}

function print(title: string, columns: [string, Map<string, { rss: number; peak: number }>][]): void {
  const names = [...columns[0]![1].keys()];
  const head = columns.map(([c]) => c.padStart(22)).join('');
  process.stdout.write(`\n${title}\n${'process'.padEnd(12)}${head}\n`);
  for (const name of names) {
    const cells = columns.map(([, m]) => {
      const v = m.get(name)!;
      return `${v.rss.toFixed(0)} (peak ${v.peak.toFixed(0)})`.padStart(22);
    });
    process.stdout.write(`${name.padEnd(12)}${cells.join('')}\n`);
  }
  const totals = columns.map(([, m]) => {
    const all = [...m.values()];
    return `${all.reduce((s, v) => s + v.rss, 0).toFixed(0)} MB`.padStart(22);
  });
  process.stdout.write(`${'total'.padEnd(12)}${totals.join('')}\n`);
}

let running: RunningStack | undefined;
try {
  const fresh = await start();
  running = fresh.stack;
  await new Promise((resolve) => setTimeout(resolve, 10_000)); // settle: background tasks' first rounds
  const afterFreshStart = await table(fresh.stack);
  const columns: [string, Map<string, { rss: number; peak: number }>][] = [['fresh start', afterFreshStart]];
  let restartSeconds: number | undefined;
  if (footprintBenchEnv.restart) {
    await fresh.stack.stop();
    running = undefined;
    const again = await start();
    running = again.stack;
    restartSeconds = again.seconds;
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    columns.push(['restart', await table(again.stack)]);
  }
  let load = { requests: 0, failed: 0, limited: 0 };
  if (footprintBenchEnv.loadSeconds > 0) {
    load = await mixedLoad(running.gatewayUrl, footprintBenchEnv.loadSeconds, footprintBenchEnv.users);
    columns.push([`after ${footprintBenchEnv.loadSeconds} s of load`, await table(running)]);
  }
  print('Resident memory per process, MB (peak since the process started)', columns);
  const last = [...columns.at(-1)![1].values()].reduce((s, v) => s + v.rss, 0);
  process.stdout.write(
    `\nstart-up (stack listening, demo data imported): fresh ${fresh.seconds.toFixed(1)} s` +
      (restartSeconds === undefined ? '' : `, restart ${restartSeconds.toFixed(1)} s`) +
      `\nload: ${footprintBenchEnv.users} travelers, ${load.requests} requests, ${load.failed} failed (5xx), ${load.limited} refused (429)` +
      `\nwhole stack after the last phase: ${last.toFixed(0)} MB (target <= ${TARGET_MB} MB: ${last <= TARGET_MB ? 'met' : 'NOT met'}); ` +
      `PGLITE_SHARED_BUFFERS=${process.env.PGLITE_SHARED_BUFFERS ?? '(default)'} ` +
      `PGLITE_LIFTOFF_ONLY=${process.env.PGLITE_LIFTOFF_ONLY ?? '(default)'}; Node ${process.version}\n`,
  );
} finally {
  await running?.stop();
  await rm(work, { recursive: true, force: true });
}

// Search benchmark: the real search service and gateway as processes on loopback, over PostgreSQL and Redis, with
// the large generated inventory (the calibrated network over 60 days, ~1.3 M flights, 100 k hotels, 20 k cars) and
// the same airports at a tenth of the frequencies. A third of flight searches are on pairs with few nonstops or
// none (answers made of connections); the mix also asks for 7 × 7 date grids, month calendars and Explore.
// For each data set: the base system (SEARCH_CACHE=off) and the cached one, side by side, each warmed up and then
// driven by BENCH_USERS virtual users pausing ~BENCH_THINK_MS between requests (a realistic mix of searches,
// type-ahead and details), then by the same users with no pause (saturation). Prints req/s, p50/p95/p99 (overall
// and per kind of request), the cache hit ratio, memory and CPU, EXPLAIN of the main queries, ratios and targets.
// Run: npm run bench:search  (knobs in load-tests/config.ts: BENCH_USERS, BENCH_THINK_MS, BENCH_WARMUP_SECONDS,
// BENCH_PHASE_SECONDS, BENCH_SATURATION_SECONDS, BENCH_SCALES; DATABASE_URL and REDIS_URL name the servers).
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '@tripwise/platform/db';
import { createLogger } from '@tripwise/platform/logger';
import { REPO_ROOT } from '../scripts/stack/processes.ts';
import { startBenchRun } from './harness/bench-run.ts';
import { INVENTORY_SCALES, type InventoryScale } from '../services/search/src/domain/inventory/inventory-scale.ts';
import { seedInventory } from '../services/search/src/domain/inventory/seed-inventory.ts';
import { resolvePlace } from '../services/search/src/domain/search/places.rules.ts';
import { searchBenchEnv as env } from './config.ts';
import { explainSearches, printExplained } from './fixtures/search-explain.ts';
import {
  createRepeatingVisitor,
  createVisitor,
  loadCatalogue,
  type MixRequest,
  type SearchCatalogue,
} from './fixtures/search-mix.ts';
import { rssMiB } from './harness/closed-loop.ts';
import { processGroupCpu, machineCpuTicks, processCpuSeconds, startStackProcess } from './harness/node-process.ts';
import { httpGetter, printByLabel, thinkTimeLoop, type ThinkTimeStats } from './harness/think-time.ts';

// The tenth flies the large network's airports at a tenth of its frequencies (the thinnest pairs drop out, as on a
// real network with less traffic), with a tenth of the hotels and cars.
const SCALES: Record<'large' | 'tenth', InventoryScale> = {
  large: INVENTORY_SCALES.large,
  tenth: {
    ...INVENTORY_SCALES.large,
    name: 'large-tenth',
    frequencyFactor: 0.1,
    hotels: 10_000,
    cars: 2_000,
  },
};
// Targets (issue 15, and the hotel and car targets from before connections): p95 per kind of request with the cache
// on, and over the whole mix with it off.
const TARGET_P95_UNCACHED_MS = 150;
const TARGET_P95_CACHED_MS: { label: RegExp; ms: number }[] = [
  { label: /^flights, /, ms: 50 },
  { label: /^date grid|^explore|^fare calendar/, ms: 150 },
  { label: /^hotels$|^cars$/, ms: 10 },
];
const TARGET_P95_UNCACHED_HOTELS_CARS_MS = 50;

const { dbName, benchUrl, redisPrefix, work, issuer, running, sql, cleanup } = await startBenchRun('search', env);
const logger = createLogger({ service: 'search-bench', level: 'warn' });
const out = (text: string) => process.stdout.write(text);

interface Dataset {
  key: 'large' | 'tenth';
  schema: string;
  catalogue: SearchCatalogue;
  allIndexed: boolean;
}

interface PhaseResult {
  dataset: Dataset['key'];
  cache: 'off' | 'on';
  phase: 'think' | 'saturation' | 'popular';
  stats: ThinkTimeStats;
  hits: number;
  misses: number;
  searchRss: number;
  gatewayRss: number;
  searchCpuMsPerReq: number;
  gatewayCpuMsPerReq: number;
  postgresCpuMsPerReq: number;
  machineBusy: number;
  /** Busy CPU not used by search, the gateway, its PostgreSQL backends or the load generator (Redis, other work). */
  othersBusy: number;
  /** Of the cacheable searches, how many asked exactly what had been asked in the cache's lifetime (60 s) before. */
  repeats: number;
  cacheable: number;
}

// How often the very same search comes back within a minute: all that a cache of whole answers could serve.
const REPEAT_WINDOW_MS = 60_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Seeds one data set into its own schema, then prints its size and the plans of its main queries. */
async function prepare(key: Dataset['key'], today: string): Promise<Dataset> {
  const schema = `bench_${key}`;
  const db: Db = await openDatabase({
    service: 'search',
    config: { DATABASE_URL: benchUrl, DATABASE_SCHEMA: schema, DATABASE_POOL_MAX: 4, DATA_DIR: work },
    logger,
    migrationsDir: join(REPO_ROOT, 'services/search/src/data/migrations'),
  });
  try {
    const seeded = await seedInventory(db, { scale: SCALES[key], startDate: today, logger });
    // Seeding leaves fresh statistics but not the visibility map, which autovacuum sets some minutes after a bulk
    // load; until then index-only scans still visit the table. Done now, every configuration meets the same state.
    await db.query('VACUUM (ANALYZE)');
    const sizes = await db.query<{ relname: string; rows: number; mb: number }>(
      `SELECT c.relname, c.reltuples::bigint AS rows, round(pg_total_relation_size(c.oid) / 1048576.0)::int AS mb
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind = 'r' AND c.reltuples > 0 ORDER BY pg_total_relation_size(c.oid) DESC`,
      [schema],
    );
    out(
      `\ndata set ${key} (${SCALES[key].name}): seeded in ${(seeded.durationMs / 1000).toFixed(1)} s, ` +
        `${seeded.flights} flights, ${seeded.hotels} hotels, ${seeded.cars} cars; ` +
        `${sizes.rows.reduce((a, r) => a + r.mb, 0)} MB with indexes (` +
        `${sizes.rows.map((r) => `${r.relname} ${r.rows} rows ${r.mb} MB`).join(', ')})\n`,
    );
    const catalogue = await loadCatalogue(db, today);
    const route = catalogue.routes[0]!;
    const day = [...Array(7).keys()].map((i) => addDays(today, 14 + i)).find((d) => new Date(d).getUTCDay() === 5)!;
    const [from, to] = [resolvePlace(route.origin, 'origin'), resolvePlace(route.destination, 'destination')];
    const explained = await explainSearches(db, {
      flight: {
        origins: from.airports,
        destinations: to.airports,
        date: day,
        cabin: 'economy',
        passengers: 1,
      },
      hotel: {
        cityCode: catalogue.cities[0]!.code,
        checkIn: day,
        checkOut: addDays(day, 2),
        guests: 2,
        rooms: 1,
        sort: 'price',
        limit: 20,
      },
      hotelNear: { radiusKm: 5 },
      car: {
        location: [catalogue.carLocations[0]!],
        firstDay: day,
        lastDay: addDays(day, 3),
        days: 3,
        sort: 'price',
        limit: 20,
      },
    });
    const title =
      `${key}: flights ${route.origin}-${route.destination} on ${day}, hotels in ${catalogue.cities[0]!.code} ` +
      `${day} +2 nights (and within 5 km of its centre), cars at ${catalogue.carLocations[0]!} ${day} +3 days`;
    const allIndexed = printExplained(title, explained, { full: key === 'large' });
    if (!allIndexed) out(`\n!!! ${key}: A MAIN SEARCH QUERY DOES NOT USE AN INDEX (see above) !!!\n`);
    return { key, schema, catalogue, allIndexed };
  } finally {
    await db.close();
  }
}

async function cacheCounts(searchUrl: string): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(`${searchUrl}/metrics`)).text();
  let hits = 0;
  let misses = 0;
  // Cities, days and places kept in memory (search's memory-scopes.ts): answered from memory, or read again first.
  for (const [, labels, value] of text.matchAll(/^search_memory_requests_total\{([^}]*)\} (\d+)/gm)) {
    if (labels!.includes('result="hit"')) hits += Number(value);
    if (labels!.includes('result="miss"')) misses += Number(value);
  }
  return { hits, misses };
}

interface Visitor {
  next(): MixRequest;
  observe(request: MixRequest, status: number, body: string): void;
}

/** Runs visitors against a gateway; seeded visitors make the same requests in every configuration. */
async function drive(
  name: string,
  gatewayUrl: string,
  durationMs: number,
  thinkMs: number,
  visitor: (user: number) => Visitor,
) {
  const http = httpGetter(gatewayUrl);
  const visitors = Array.from({ length: env.users }, (_, i) => visitor(i));
  const failures: string[] = [];
  const lastAsked = new Map<string, number>();
  let repeats = 0;
  let cacheable = 0;
  try {
    return {
      stats: await thinkTimeLoop(name, { users: env.users, durationMs, thinkMs }, async (user) => {
        const visitor = visitors[user]!;
        const request = visitor.next();
        // Searches by flight date, city or pick-up place are kept in memory (hotels around a point are not).
        if (request.kind !== 'other' && !request.path.includes('latitude=')) {
          const now = performance.now();
          const before = lastAsked.get(request.path);
          if (before !== undefined && now - before < REPEAT_WINDOW_MS) repeats++;
          cacheable++;
          lastAsked.set(request.path, now);
        }
        const answer = await http.get(request.path);
        if (answer.status === 200) visitor.observe(request, answer.status, answer.body);
        else if (failures.length < 5) failures.push(`${answer.status} ${request.path} ${answer.body.slice(0, 200)}`);
        return { label: request.label, ok: answer.status === 200, ms: answer.ms };
      }),
      failures,
      repeats,
      cacheable,
    };
  } finally {
    http.close();
  }
}

/** One search service (cache off or on) behind its own gateway: warm-up, then the measured runs. */
async function runConfiguration(dataset: Dataset, cache: 'off' | 'on'): Promise<PhaseResult[]> {
  const prefix = `${redisPrefix}${dataset.key}-${cache}:`;
  const common = { NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', REDIS_URL: env.redisUrl };
  const auth = { AUTH_URL: new URL(issuer.jwksUrl).origin, AUTH_JWKS_URL: issuer.jwksUrl, TOKEN_ISSUER: issuer.issuer };
  const search = await startStackProcess('search', {
    ...common,
    ...auth,
    DATABASE_URL: benchUrl,
    DATABASE_SCHEMA: dataset.schema,
    REDIS_PREFIX: prefix,
    SEARCH_CACHE: cache,
    // Room for every day of the large data set in memory (1.34 M flights over 60 days): a search reads two days,
    // a calendar or Explore a month; fewer and the days searched would push each other out.
    SEARCH_MEMORY_FLIGHTS: '1500000',
    SEED_INVENTORY: 'none',
    DATA_DIR: work,
    INTERNAL_SERVICE_TOKEN: randomBytes(32).toString('base64url'),
  });
  running.add(search);
  const gateway = await startStackProcess('api-gateway', {
    ...common,
    ...auth,
    REDIS_PREFIX: `${prefix}gateway:`,
    SEARCH_URL: search.url,
    SERVE_FRONTENDS: 'false',
    RATE_LIMIT_READS_PER_MINUTE: '1000000000',
  });
  running.add(gateway);
  const label = `${dataset.key}, cache ${cache}`;
  try {
    if (env.warmupMs > 0) {
      const warm = await drive(`${label}: warm-up`, gateway.url, env.warmupMs, env.thinkMs, (i) =>
        createVisitor(dataset.catalogue, 1_000_000 + i),
      );
      out(
        `\n${label}: warm-up ${warm.stats.requests} requests in ${warm.stats.seconds.toFixed(0)} s, ${warm.stats.errors} errors\n`,
      );
    }
    const results: PhaseResult[] = [];
    const mix = (seedBase: number) => (i: number) => createVisitor(dataset.catalogue, seedBase + i);
    const phases = [
      { phase: 'think' as const, durationMs: env.phaseMs, thinkMs: env.thinkMs, visitor: mix(0) },
      { phase: 'saturation' as const, durationMs: env.saturationMs, thinkMs: 0, visitor: mix(2_000_000) },
      {
        phase: 'popular' as const,
        durationMs: env.popularMs,
        thinkMs: env.thinkMs,
        visitor: (i: number) => createRepeatingVisitor(dataset.catalogue, 3_000_000 + i),
      },
    ].filter((p) => p.durationMs > 0);
    for (const p of phases) {
      const before = { cache: await cacheCounts(search.url), machine: await machineCpuTicks() };
      const postgres = await processGroupCpu(`postgres ${dbName} `);
      const cpu = async () => [
        await processCpuSeconds(search.pid),
        await processCpuSeconds(gateway.pid),
        postgres.seconds(),
      ];
      const cpuBefore = [...(await cpu()).slice(0, 2), 0];
      const selfBefore = process.cpuUsage();
      let searchRss = 0;
      let gatewayRss = 0;
      const sampleRss = async () => {
        searchRss = Math.max(searchRss, (await rssMiB(search.pid)) ?? 0);
        gatewayRss = Math.max(gatewayRss, (await rssMiB(gateway.pid)) ?? 0);
        await postgres.sample();
      };
      const sampler = setInterval(() => void sampleRss(), 1_000);
      const name = `${label}, ${PHASE_NAMES[p.phase]}`;
      const { stats, failures, repeats, cacheable } = await drive(
        name,
        gateway.url,
        p.durationMs,
        p.thinkMs,
        p.visitor,
      );
      clearInterval(sampler);
      await sampleRss();
      const after = { cache: await cacheCounts(search.url), machine: await machineCpuTicks() };
      const cpuAfter = await cpu();
      const self = process.cpuUsage(selfBefore);
      const machineSeconds = (after.machine.total - before.machine.total) / 100;
      const ours = cpuAfter.reduce((a, v, i) => a + v - cpuBefore[i]!, 0) + (self.user + self.system) / 1e6;
      const perReq = (i: number) => ((cpuAfter[i]! - cpuBefore[i]!) * 1000) / Math.max(1, stats.requests);
      const result: PhaseResult = {
        dataset: dataset.key,
        cache,
        phase: p.phase,
        stats,
        hits: after.cache.hits - before.cache.hits,
        misses: after.cache.misses - before.cache.misses,
        searchRss,
        gatewayRss,
        searchCpuMsPerReq: perReq(0),
        gatewayCpuMsPerReq: perReq(1),
        postgresCpuMsPerReq: perReq(2),
        repeats,
        cacheable,
        machineBusy:
          (after.machine.busy - before.machine.busy) / Math.max(1, after.machine.total - before.machine.total),
        othersBusy: Math.max(0, (after.machine.busy - before.machine.busy) / 100 - ours) / Math.max(1, machineSeconds),
      };
      results.push(result);
      out(`\n${name}: by kind of request\n`);
      out(
        `  ${'request'.padEnd(30)} ${'requests'.padStart(8)} ${'errors'.padStart(7)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'p99 ms'.padStart(9)}\n`,
      );
      printByLabel(stats);
      printRow(result, true);
      for (const f of failures) out(`  failed: ${f}\n`);
    }
    return results;
  } finally {
    await gateway.stop();
    await search.stop();
    running.delete(gateway);
    running.delete(search);
  }
}

const PHASE_NAMES: Record<PhaseResult['phase'], string> = {
  think: `~${env.thinkMs} ms pauses`,
  saturation: 'no pauses',
  popular: `~${env.thinkMs} ms, popular`,
};

const HEADER =
  `${'data'.padEnd(6)} ${'cache'.padEnd(5)} ${'users'.padEnd(18)} ${'requests'.padStart(8)} ${'errors'.padStart(6)} ` +
  `${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'hit %'.padStart(6)} ` +
  `${'search MiB'.padStart(10)} ${'gw MiB'.padStart(7)} ${'CPU ms/req search+gw+pg'.padStart(24)} ${'machine CPU'.padStart(11)} ${'others'.padStart(6)}\n`;

function printRow(r: PhaseResult, withHeader = false): void {
  const s = r.stats;
  const f = (n: number, d = 2, w = 8) => n.toFixed(d).padStart(w);
  const lookups = r.hits + r.misses;
  if (withHeader) out(HEADER);
  out(
    `${r.dataset.padEnd(6)} ${r.cache.padEnd(5)} ${`${s.concurrency} ${PHASE_NAMES[r.phase]}`.padEnd(18)} ` +
      `${String(s.requests).padStart(8)} ${String(s.errors).padStart(6)} ${f(s.throughput, 1)} ${f(s.p50)} ${f(s.p95)} ${f(s.p99)} ` +
      `${(lookups ? ((100 * r.hits) / lookups).toFixed(1) : '-').padStart(6)} ${f(r.searchRss, 0, 10)} ${f(r.gatewayRss, 0, 7)} ` +
      `${`${r.searchCpuMsPerReq.toFixed(2)}+${r.gatewayCpuMsPerReq.toFixed(2)}+${r.postgresCpuMsPerReq.toFixed(2)}`.padStart(24)} ` +
      `${`${(r.machineBusy * 100).toFixed(0)}%`.padStart(11)} ${`${(r.othersBusy * 100).toFixed(0)}%`.padStart(6)}\n`,
  );
}

function printSummary(results: PhaseResult[], datasets: Dataset[]): void {
  const find = (d: Dataset['key'], cache: 'off' | 'on', phase: PhaseResult['phase']) =>
    results.find((r) => r.dataset === d && r.cache === cache && r.phase === phase);
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a';
  out(
    `\n=== Summary: ${env.users} users, ${env.phaseMs / 1000} s with ~${env.thinkMs} ms pauses and ${env.saturationMs / 1000} s without, after ${env.warmupMs / 1000} s of warm-up each ===\n`,
  );
  out(HEADER);
  for (const r of results) printRow(r);
  out(
    `(hit %: the search service's cache lookups in the run answered without the database, from a city's hotels, a ` +
      `day's flights or a place's cars kept in memory (read again when they changed); MiB: peak RSS of the search service and the ` +
      `gateway; CPU ms/req: used by search, gateway and the PostgreSQL backends of the benchmark's database, per ` +
      `request; machine CPU: all cores busy; others: busy with anything else, Redis included)\n`,
  );
  const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');
  for (const d of datasets) {
    const [off, on] = [find(d.key, 'off', 'think'), find(d.key, 'on', 'think')];
    const [satOff, satOn] = [find(d.key, 'off', 'saturation'), find(d.key, 'on', 'saturation')];
    const [popOff, popOn] = [find(d.key, 'off', 'popular'), find(d.key, 'on', 'popular')];
    out(`\n${d.key}:\n`);
    if (off && on) {
      out(
        `  realistic mix, with pauses: uncached/cached p50 ${ratio(off.stats.p50, on.stats.p50)}, ` +
          `p95 ${ratio(off.stats.p95, on.stats.p95)}, p99 ${ratio(off.stats.p99, on.stats.p99)} (above 1× the cache is faster); ` +
          `hit ratio ${pct(on.hits, on.hits + on.misses)}, while only ${pct(on.repeats, on.cacheable)} of the cacheable ` +
          `searches asked again what had been asked in the previous 60 s\n`,
      );
    }
    if (satOff && satOn) {
      out(
        `  saturation (no pauses): ${satOff.stats.throughput.toFixed(0)} req/s uncached, ${satOn.stats.throughput.toFixed(0)} ` +
          `req/s cached (${ratio(satOn.stats.throughput, satOff.stats.throughput)}); hit ratio ${pct(satOn.hits, satOn.hits + satOn.misses)}\n`,
      );
    }
    if (popOff && popOn) {
      out(
        `  popular searches only, with pauses: p95 ${popOff.stats.p95.toFixed(2)} ms uncached, ${popOn.stats.p95.toFixed(2)} ms ` +
          `cached (${ratio(popOff.stats.p95, popOn.stats.p95)}), hit ratio ${pct(popOn.hits, popOn.hits + popOn.misses)}\n`,
      );
    }
  }
  if (datasets.length === 2) {
    out(`\nlarge vs tenth (how cost grows with 10× the data; above 1× the large is slower):\n`);
    for (const cache of ['off', 'on'] as const) {
      const [big, small] = [find('large', cache, 'think'), find('tenth', cache, 'think')];
      const [satBig, satSmall] = [find('large', cache, 'saturation'), find('tenth', cache, 'saturation')];
      out(
        `  cache ${cache}: with pauses p50 ${ratio(big?.stats.p50, small?.stats.p50)}, p95 ${ratio(big?.stats.p95, small?.stats.p95)}, ` +
          `p99 ${ratio(big?.stats.p99, small?.stats.p99)}; saturation throughput ${ratio(satBig?.stats.throughput, satSmall?.stats.throughput)} ` +
          `of the tenth's; PostgreSQL CPU per request ${ratio(big?.postgresCpuMsPerReq, small?.postgresCpuMsPerReq)}\n`,
      );
    }
  }
  // The targets are about the large data set; the tenth stands in when it is the only one run.
  const main = datasets.find((d) => d.key === 'large')?.key ?? datasets[0]!.key;
  const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
  const off = find(main, 'off', 'think');
  const on = find(main, 'on', 'think');
  out(`\nTargets (${main} data set, ${env.users} users with ~${env.thinkMs} ms pauses):\n`);
  const target = (what: string, p95: number, limit: number) =>
    out(`  p95 ${what} ${p95.toFixed(2)} ms <= ${limit} ms: ${verdict(p95 <= limit)}\n`);
  if (off) target('uncached, whole mix', off.stats.p95, TARGET_P95_UNCACHED_MS);
  for (const kind of off?.stats.byLabel.filter((l) => /^hotels$|^cars$/.test(l.name)) ?? []) {
    target(`uncached, ${kind.name}`, kind.p95, TARGET_P95_UNCACHED_HOTELS_CARS_MS);
  }
  for (const kind of on?.stats.byLabel ?? []) {
    const limit = TARGET_P95_CACHED_MS.find((t) => t.label.test(kind.name));
    if (limit) target(`cached, ${kind.name}`, kind.p95, limit.ms);
  }
  for (const d of datasets) out(`  every main query plan uses an index (${d.key}): ${verdict(d.allIndexed)}\n`);
  const errors = results.reduce((a, r) => a + r.stats.errors, 0);
  out(`  errors: ${errors}\n`);
}

try {
  const version = String((await sql(env.databaseUrl, 'SHOW server_version'))[0]?.server_version);
  const idleBefore = await machineCpuTicks();
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const idleAfter = await machineCpuTicks();
  const busyBefore = (idleAfter.busy - idleBefore.busy) / Math.max(1, idleAfter.total - idleBefore.total);
  out(
    `search benchmark: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, PostgreSQL ${version}, Redis ${env.redisUrl}\n` +
      `database ${dbName} (dropped at the end); load generator, gateway, search, PostgreSQL and Redis share this machine, ` +
      `${(busyBefore * 100).toFixed(0)}% busy before the run\n`,
  );
  await sql(env.databaseUrl, `CREATE DATABASE ${dbName}`);
  const today = new Date().toISOString().slice(0, 10);
  const datasets: Dataset[] = [];
  for (const key of env.scales) datasets.push(await prepare(key, today));
  const results: PhaseResult[] = [];
  for (const dataset of datasets) {
    for (const cache of ['off', 'on'] as const) results.push(...(await runConfiguration(dataset, cache)));
  }
  printSummary(results, datasets);
} finally {
  await cleanup();
}

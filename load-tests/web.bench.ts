// Lighthouse on the traveler's key pages, as a new visitor meets them: the home page, flight results, hotel results,
// a hotel's details, sign-in and AI Mode, each with the mobile preset (Lighthouse's default: a mid-range phone on a
// slow 4G line, throttling simulated) and the desktop one. Prints the four category scores and LCP / TBT / CLS per
// page, checks them against the targets, and lists what Lighthouse found wrong on a page that misses one.
// It starts the stack itself (embedded defaults, a temporary data folder, BENCH_WEB_PORT), or measures a running one
// (BENCH_WEB_URL). Chromium is Debian's (CHROMIUM_PATH), started here with the DevTools port Lighthouse drives.
// Run: npm run bench:web   (knobs in load-tests/web.config.ts)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { REPO_ROOT } from '../scripts/stack/processes.ts';
import { startStack, type RunningStack } from '../scripts/stack/stack.ts';
import { webBenchEnv as env } from './web.config.ts';

const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 90 } as const;
type Category = keyof typeof TARGETS;
const CATEGORIES = Object.keys(TARGETS) as Category[];
const out = (text: string) => process.stdout.write(text);

/** Days from today as an ISO date (the demo inventory starts today). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function getJson<T>(base: string, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The pages, with a real route, city and hotel of the demo inventory looked up through the public API. */
async function keyPages(base: string): Promise<[name: string, path: string][]> {
  const [date, returnDate] = [inDays(14), inDays(18)];
  let flights: string | undefined;
  for (const [origin, destination] of [
    ['BOS', 'DEN'],
    ['JFK', 'LAX'],
    ['ATL', 'ORD'],
  ]) {
    const query = `origin=${origin}&destination=${destination}&date=${date}&returnDate=${returnDate}`;
    const page = await getJson<{ total: number }>(base, `/api/search/flights?${query}&view=outbounds&limit=1`);
    if (page.total > 0) {
      flights = `/flights?${query}`;
      break;
    }
  }
  if (!flights) throw new Error('no round trip found in the demo inventory');
  const stay = `city=DEN&checkIn=${date}&checkOut=${inDays(17)}&guests=2&rooms=1`;
  const hotels = await getJson<{ items: { id: string }[] }>(base, `/api/search/hotels?${stay}&limit=1`);
  const hotel = hotels.items[0];
  if (!hotel) throw new Error('no hotel found in Denver in the demo inventory');
  return [
    ['home', '/'],
    ['flight results', flights],
    ['hotel results', `/hotels?${stay}`],
    ['hotel details', `/hotels/${hotel.id}?${stay}`],
    ['sign-in', '/login'],
    ['AI Mode', '/ai'],
  ];
}

/** Debian's Chromium, headless, with a DevTools port of its own (it says which on stderr). */
async function startChromium(profile: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(
    env.chromiumPath,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Chromium did not open its DevTools port in 30 s')), 30_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before opening its DevTools port`)));
    createInterface({ input: child.stderr }).on('line', (line) => {
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(line);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
  });
  return { port, child };
}

/** The stack as `npm start` runs it, on a data folder of its own; the frontends are built first if they changed. */
async function startOwnStack(dataDir: string): Promise<RunningStack> {
  const built = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'tripwise.mjs'), 'build'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('building the frontends failed');
  out(`starting the stack (embedded defaults, data in ${dataDir})…\n`);
  return startStack({
    env: { PATH: env.path, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    ports: { 'api-gateway': env.port, auth: 0, search: 0, booking: 0, 'ai-agent': 0 },
    startTimeoutMs: env.startTimeoutMs,
  });
}

interface Figures {
  scores: Record<Category, number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Audits of a missed category that did not pass, as "category: title". */
  findings: string[];
}

/** Lighthouse sometimes fails to record a trace on a busy machine (NO_NAVSTART, NO_FCP): up to three tries. */
async function measure(url: string, port: number, preset: 'mobile' | 'desktop'): Promise<Figures> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measureOnce(url, port, preset);
    } catch (err) {
      if (attempt >= 3) throw err;
      out(`  (${preset} ${url}: ${String(err)}; again)\n`);
    }
  }
}

async function measureOnce(url: string, port: number, preset: 'mobile' | 'desktop'): Promise<Figures> {
  const result = await lighthouse(
    url,
    { port, hostname: '127.0.0.1', output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
  ) as Record<Category, number>;
  // What to fix: the failed audits of every category short of 100 (for performance, only when it misses its target,
  // with its diagnostics and insights as well).
  const findings = CATEGORIES.filter((c) => (c === 'performance' ? scores[c] < TARGETS[c] : scores[c] < 100)).flatMap(
    (c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 || c === 'performance')
        .map((ref) => lhr.audits[ref.id])
        .filter(
          (a) =>
            a &&
            a.score !== null &&
            a.score < 0.9 &&
            ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode),
        )
        .map((a) => `${c}: ${a!.title}${a!.displayValue ? ` (${a!.displayValue})` : ''}`),
  );
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    scores,
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    findings,
  };
}

const median = (runs: Figures[]) =>
  runs.toSorted((a, b) => a.scores.performance - b.scores.performance)[Math.floor(runs.length / 2)]!;

const work = await mkdtemp(join(tmpdir(), 'tripwise-bench-web-'));
let stack: RunningStack | undefined;
let chromium: ChildProcess | undefined;
let missed = 0;
try {
  stack = env.url ? undefined : await startOwnStack(join(work, 'data'));
  const base = (env.url ?? stack!.gatewayUrl).replace(/\/$/, '');
  const pages = await keyPages(base);
  const started = await startChromium(join(work, 'chromium'));
  chromium = started.child;
  out(`\nLighthouse on ${base}, ${env.runs} run(s) per page and preset (median by performance)\n`);
  out(`targets: performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, `);
  out(`best practices ≥ ${TARGETS['best-practices']}, SEO ≥ ${TARGETS.seo}\n\n`);
  const header = `| page             | preset  | perf | a11y | best pr. | SEO |    LCP |    TBT |   CLS | targets |`;
  out(`${header}\n| ${header.slice(2, -2).replace(/[^|]/g, '-')} |\n`);
  const notes: string[] = [];
  for (const [name, path] of pages) {
    for (const preset of env.presets) {
      const runs: Figures[] = [];
      for (let i = 0; i < env.runs; i++) runs.push(await measure(`${base}${path}`, started.port, preset));
      const f = median(runs);
      const ok = CATEGORIES.every((c) => f.scores[c] >= TARGETS[c]);
      if (!ok) missed += 1;
      const s = f.scores;
      out(
        `| ${name.padEnd(16)} | ${preset.padEnd(7)} | ${String(s.performance).padStart(4)} | ${String(s.accessibility).padStart(4)} | ` +
          `${String(s['best-practices']).padStart(8)} | ${String(s.seo).padStart(3)} | ` +
          `${`${(f.lcpMs / 1000).toFixed(2)} s`.padStart(6)} | ${`${Math.round(f.tbtMs)} ms`.padStart(6)} | ` +
          `${f.cls.toFixed(3).padStart(5)} | ${(ok ? 'MET' : 'MISSED').padEnd(7)} |\n`,
      );
      for (const finding of f.findings) notes.push(`${name} (${preset}) ${finding}`);
    }
  }
  if (notes.length) {
    out(`\nWhat Lighthouse found short of full marks:\n${notes.map((n) => `  - ${n}\n`).join('')}`);
  }
  out(`\n${missed === 0 ? 'every target MET' : `${missed} page/preset pair(s) MISSED a target`}\n`);
} finally {
  // Chromium writes its profile until it has exited: only then is its folder removed.
  if (chromium && chromium.exitCode === null) {
    const exited = new Promise((resolve) => chromium!.once('exit', resolve));
    chromium.kill('SIGTERM');
    await exited;
  }
  await stack?.stop();
  await rm(work, { recursive: true, force: true, maxRetries: 5 });
}
process.exitCode = missed === 0 ? 0 : 1;

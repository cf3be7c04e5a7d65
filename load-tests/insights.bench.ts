// Insights benchmark: the real insights service as a process on loopback, over PostgreSQL and Redis.
// 1. Ingest: BENCH_INSIGHTS_BROWSERS simulated browsers (default 200) send batches of BENCH_INSIGHTS_BATCH events
//    (default 25) back to back for BENCH_SECONDS; prints events/s accepted and p50/p95/p99 per batch, then how long
//    the buffered events took to be written.
// 2. Reports: 30 days of rollups standing for BENCH_INSIGHTS_EVENTS events (default 10 M: 5,000 listings, 20 pages,
//    4 sections per listing page) are written straight into the rollup table; then the owner's listing report and the
//    admin's pages/listings/sections reports are asked by 4 concurrent callers; prints their p50/p95/p99.
// Run: npm run bench:insights  (DATABASE_URL and REDIS_URL name the servers; defaults: the local ones).
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { parseConfig } from '@tripwise/platform/config';
import { startBenchRun } from './harness/bench-run.ts';
import { closedLoop, printStats } from './harness/closed-loop.ts';
import { startStackProcess } from './harness/node-process.ts';

const env = parseConfig(
  z.object({
    DATABASE_URL: z.url().default('postgresql://postgres@127.0.0.1:5432/postgres'),
    REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
    BENCH_SECONDS: z.coerce.number().positive().max(120).default(10),
    BENCH_INSIGHTS_BROWSERS: z.coerce.number().int().positive().max(2000).default(200),
    BENCH_INSIGHTS_BATCH: z.coerce.number().int().min(1).max(50).default(25),
    BENCH_INSIGHTS_EVENTS: z.coerce.number().int().positive().default(10_000_000),
  }),
  process.env,
);
const out = (text: string) => process.stdout.write(text);
const run = await startBenchRun('insights', { databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL });

try {
  await run.sql(env.DATABASE_URL, `CREATE DATABASE ${run.dbName}`);
  const { issuer } = run;
  const service = await startStackProcess('insights', {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PORT: '0',
    DATABASE_URL: run.benchUrl,
    REDIS_URL: env.REDIS_URL,
    REDIS_PREFIX: run.redisPrefix,
    DATA_DIR: join(run.work, 'insights'),
    AUTH_URL: new URL(issuer.jwksUrl).origin,
    AUTH_JWKS_URL: issuer.jwksUrl,
    TOKEN_ISSUER: issuer.issuer,
    INTERNAL_SERVICE_TOKEN: randomUUID() + randomUUID(),
    // One address sends everything here: the per-address and per-tab limits are lifted for the run.
    INSIGHTS_BATCHES_PER_IP_PER_MINUTE: '100000000',
    INSIGHTS_BATCHES_PER_SESSION_PER_MINUTE: '100000000',
    INSIGHTS_BUFFER_MAX_EVENTS: '200000',
    INSIGHTS_ROLLUP_INTERVAL_MS: '3600000',
  });
  run.running.add(service);
  out(
    `insights benchmark: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; ` +
      `${env.BENCH_INSIGHTS_BROWSERS} browsers × batches of ${env.BENCH_INSIGHTS_BATCH} events for ${env.BENCH_SECONDS} s ` +
      `(the load generator shares the machine)\n`,
  );

  const sessions = Array.from({ length: env.BENCH_INSIGHTS_BROWSERS }, () => randomUUID());
  const batchOf = (worker: number, i: number) =>
    JSON.stringify({
      sessionId: sessions[worker],
      device: 'desktop',
      events: Array.from({ length: env.BENCH_INSIGHTS_BATCH }, (_, k) =>
        k % 5 === 0
          ? {
              type: 'page_view',
              at: Date.now(),
              route: '/hotels/:id',
              listing: { kind: 'hotel', id: String((i + k) % 5000) },
            }
          : k % 5 === 1
            ? {
                type: 'click',
                at: Date.now(),
                route: '/hotels',
                element: 'results.listing',
                listing: { kind: 'hotel', id: String(k) },
              }
            : k % 5 === 2
              ? { type: 'impression', at: Date.now(), route: '/hotels', listing: { kind: 'hotel', id: String(k) } }
              : { type: 'section_view', at: Date.now(), route: '/hotels/:id', section: 'reviews', visibleMs: k * 100 },
      ),
    });
  let accepted = 0;
  const ingest = await closedLoop(
    'POST /api/insights/events',
    { concurrency: env.BENCH_INSIGHTS_BROWSERS, durationMs: env.BENCH_SECONDS * 1000 },
    async (worker, i) => {
      const res = await fetch(`${service.url}/api/insights/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: batchOf(worker, i),
      });
      const body = (await res.json()) as { accepted?: number };
      if (res.status !== 202) return false;
      accepted += body.accepted ?? 0;
      return true;
    },
  );
  // The same browsers asking /health back to back, in the same run: what this loaded machine gives any request.
  const baseline = await closedLoop(
    'GET /health (baseline)',
    { concurrency: env.BENCH_INSIGHTS_BROWSERS, durationMs: env.BENCH_SECONDS * 1000 },
    async () => {
      const res = await fetch(`${service.url}/health`);
      await res.arrayBuffer();
      return res.ok;
    },
  );
  printStats([ingest, baseline]);
  out(`ingest keeps ${((100 * ingest.throughput) / baseline.throughput).toFixed(0)}% of the baseline's requests/s\n`);
  out(
    `ingest: ${(accepted / ingest.seconds).toFixed(0)} events/s accepted; p99 per batch ${ingest.p99.toFixed(1)} ms\n`,
  );
  const drainStart = Date.now();
  let stored = 0;
  while (Date.now() - drainStart < 60_000) {
    stored = Number((await run.sql(run.benchUrl, 'SELECT count(*) AS n FROM insights.insight_events'))[0]?.n ?? 0);
    if (stored >= accepted) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  out(`written: ${stored} of ${accepted} events in the database ${Date.now() - drainStart} ms after the load ended\n`);

  // 30 days of rollups for BENCH_INSIGHTS_EVENTS events: listing-days, section-days and page-days, as the rollup
  // task writes them (the reports read nothing else).
  const t0 = Date.now();
  const perListingDay = Math.max(1, Math.round(env.BENCH_INSIGHTS_EVENTS / (5000 * 30 * 8)));
  await run.sql(
    run.benchUrl,
    `INSERT INTO insights.insight_daily (day, dimension, key, listing, views, clicks, card_clicks, impressions, bookings, sessions)
     SELECT current_date - d, 'listing', 'hotel:' || l, 'hotel:' || l, n * 2, n, n, n * 4, n / 10, n
     FROM generate_series(0, 29) d, generate_series(0, 4999) l, (SELECT $1::bigint AS n) k ON CONFLICT DO NOTHING`,
    [perListingDay],
  );
  await run.sql(
    run.benchUrl,
    `INSERT INTO insights.insight_daily (day, dimension, key, listing, views, seen, visible_ms, sessions)
     SELECT current_date - d, 'section', '/hotels/:id#' || s, 'hotel:' || l, n, n / (s::int + 1), n * 1000, n
     FROM generate_series(0, 29) d, generate_series(0, 4999) l, (SELECT $1::bigint AS n) k,
          unnest(ARRAY['0', '1', '2', '3']) s ON CONFLICT DO NOTHING`,
    [perListingDay],
  );
  await run.sql(
    run.benchUrl,
    `INSERT INTO insights.insight_daily (day, dimension, key, views, seen, visible_ms, sessions)
     SELECT current_date - d, 'site-section', '/hotels/:id#' || s, n * 5000, n * 5000 / (s::int + 1), n * 5000000,
            n * 5000
     FROM generate_series(0, 29) d, (SELECT $1::bigint AS n) k, unnest(ARRAY['0', '1', '2', '3']) s`,
    [perListingDay],
  );
  await run.sql(
    run.benchUrl,
    `INSERT INTO insights.insight_daily (day, dimension, key, views, clicks, sessions)
     SELECT current_date - d, 'page', '/page-' || p, 1000, 500, 300 FROM generate_series(0, 29) d, generate_series(0, 19) p
     ON CONFLICT DO NOTHING`,
  );
  await run.sql(run.benchUrl, 'ANALYZE insights.insight_daily');
  const rows = Number((await run.sql(run.benchUrl, 'SELECT count(*) AS n FROM insights.insight_daily'))[0]?.n ?? 0);
  out(
    `reports: ${rows} rollup rows for 30 days (~${env.BENCH_INSIGHTS_EVENTS} events), written in ${Date.now() - t0} ms\n`,
  );

  const admin = await issuer.sign({ role: 'admin', amr: ['pwd', 'mfa'], expiresInSec: 3600 });
  const from = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const report = (name: string, path: (i: number) => string) =>
    closedLoop(name, { concurrency: 4, durationMs: Math.min(env.BENCH_SECONDS, 5) * 1000 }, async (_w, i) => {
      const res = await fetch(`${service.url}${path(i)}`, { headers: { authorization: `Bearer ${admin}` } });
      await res.arrayBuffer();
      return res.status === 200;
    });
  printStats([
    await report('listing report (30 days)', (i) => `/api/insights/listings/hotel/${i % 5000}?from=${from}&to=${to}`),
    await report('admin listings (30 days)', () => `/api/insights/admin/listings?from=${from}&to=${to}&limit=25`),
    await report('admin sections (30 days)', () => `/api/insights/admin/sections?from=${from}&to=${to}&limit=25`),
    await report('admin pages (30 days)', () => `/api/insights/admin/pages?from=${from}&to=${to}&limit=25`),
  ]);
} finally {
  await run.cleanup();
}

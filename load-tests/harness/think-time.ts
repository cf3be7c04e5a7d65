import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile, type LoadStats } from './closed-loop.ts';

/** What one request of a virtual user came to: its kind (for the per-kind figures), whether it worked, its time. */
export interface Outcome {
  label: string;
  ok: boolean;
  /** Time to the last byte of the answer; measured around the whole task when absent. */
  ms?: number;
}

export interface ThinkTimeStats extends LoadStats {
  byLabel: LoadStats[];
}

export interface ThinkTimeOptions {
  users: number;
  durationMs: number;
  /** Mean pause between a user's requests, drawn from thinkMs × [0.5, 1.5]; 0 makes it a closed loop. */
  thinkMs: number;
  /** For the pauses and the staggered starts; Math.random by default. */
  random?: () => number;
}

function summarize(name: string, concurrency: number, latencies: number[], errors: number, seconds: number): LoadStats {
  latencies.sort((a, b) => a - b);
  return {
    name,
    concurrency,
    requests: latencies.length,
    errors,
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

/**
 * `users` virtual users, each sending a request, reading the whole answer, then pausing about `thinkMs` before the
 * next, as people browsing do; their starts are spread over the first pause so they do not arrive in step. Every
 * request's latency counts, by label too. With thinkMs 0 it is the closed loop: users as fast as answers come.
 */
export async function thinkTimeLoop(
  name: string,
  options: ThinkTimeOptions,
  task: (user: number, iteration: number) => Promise<Outcome>,
): Promise<ThinkTimeStats> {
  const random = options.random ?? Math.random;
  const all: number[] = [];
  const byLabel = new Map<string, { latencies: number[]; errors: number }>();
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const pause = () => options.thinkMs * (0.5 + random());
  await Promise.all(
    Array.from({ length: options.users }, async (_, user) => {
      if (options.thinkMs > 0) await sleep(random() * options.thinkMs);
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        const outcome = await task(user, i).catch((): Outcome => ({ label: 'task threw', ok: false }));
        const ms = outcome.ms ?? performance.now() - t0;
        all.push(ms);
        const entry = byLabel.get(outcome.label) ?? { latencies: [], errors: 0 };
        entry.latencies.push(ms);
        byLabel.set(outcome.label, entry);
        if (!outcome.ok) {
          errors++;
          entry.errors++;
        }
        if (options.thinkMs > 0) {
          const wait = pause();
          if (performance.now() + wait >= deadline) break;
          await sleep(wait);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    ...summarize(name, options.users, all, errors, seconds),
    byLabel: [...byLabel.entries()]
      .map(([label, e]) => summarize(label, options.users, e.latencies, e.errors, seconds))
      .sort((a, b) => b.requests - a.requests),
  };
}

export interface HttpAnswer {
  status: number;
  body: string;
  /** From sending the request to the answer's last byte. */
  ms: number;
}

/**
 * GETs over kept-alive connections (one per concurrent request, as browsers behind one site would use). A request
 * unanswered after `timeoutMs` fails, so that a wedged server ends a timed run as errors instead of hanging it.
 */
export function httpGetter(baseUrl: string, timeoutMs = 30_000) {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 4096 });
  const get = (path: string): Promise<HttpAnswer> =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = request(
        { host: base.hostname, port: base.port, path, agent, headers: { accept: 'application/json' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.once('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - t0,
            }),
          );
          res.once('error', reject);
        },
      );
      req.once('error', reject);
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms: ${path}`)));
      req.end();
    });
  return { get, close: () => agent.destroy() };
}

/** Prints one row per label: how each kind of request fared. */
export function printByLabel(stats: ThinkTimeStats): void {
  const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
  for (const r of stats.byLabel) {
    process.stdout.write(
      `  ${r.name.padEnd(30)} ${String(r.requests).padStart(8)} ${String(r.errors).padStart(7)} ${fmt(r.throughput)} ${fmt(r.p50, 2)} ${fmt(r.p95, 2)} ${fmt(r.p99, 2)}\n`,
    );
  }
}

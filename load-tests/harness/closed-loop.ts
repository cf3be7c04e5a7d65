import { performance } from 'node:perf_hooks';

export interface LoadStats {
  name: string;
  concurrency: number;
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

/** The p-th percentile of latencies sorted ascending (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * `concurrency` workers each run `task` back to back for `durationMs` (a closed loop, like N users clicking as
 * fast as answers come). A task returns false (or throws) for an error; its latency still counts.
 */
export async function closedLoop(
  name: string,
  options: { concurrency: number; durationMs: number; maxRequests?: number },
  task: (worker: number, iteration: number) => Promise<boolean>,
): Promise<LoadStats> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      for (let i = 0; performance.now() < deadline && latencies.length < (options.maxRequests ?? Infinity); i++) {
        const t0 = performance.now();
        const ok = await task(worker, i).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    concurrency: options.concurrency,
    requests: latencies.length,
    errors,
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

export function printStats(rows: LoadStats[]): void {
  const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
  process.stdout.write(
    `${'scenario'.padEnd(44)} ${'conc'.padStart(5)} ${'requests'.padStart(9)} ${'errors'.padStart(7)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'p99 ms'.padStart(9)}\n`,
  );
  for (const r of rows) {
    process.stdout.write(
      `${r.name.padEnd(44)} ${String(r.concurrency).padStart(5)} ${String(r.requests).padStart(9)} ${String(r.errors).padStart(7)} ${fmt(r.throughput)} ${fmt(r.p50, 2)} ${fmt(r.p95, 2)} ${fmt(r.p99, 2)}\n`,
    );
  }
}

/** Resident memory of a process, from /proc (Linux), in MiB. */
export async function rssMiB(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : null;
}

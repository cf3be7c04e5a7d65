import { Router } from 'express';
import { sendProblem, problemType } from '../errors/index.ts';
import type { Logger } from '../logger/index.ts';

/** A dependency check for /ready: resolves when the dependency answers. */
export type ReadinessCheck = () => Promise<void>;

const CHECK_TIMEOUT_MS = 2_000;

async function runCheck(check: ReadinessCheck): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type ReadinessResults = Record<string, 'ok' | 'failed'>;

/** Runs every check (each within 2 s); a failure is named, its error only logged (it may hold connection details). */
export async function runReadinessChecks(
  checks: Record<string, ReadinessCheck>,
  logger: Logger,
): Promise<ReadinessResults> {
  const results: ReadinessResults = {};
  await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await runCheck(check);
        results[name] = 'ok';
      } catch (err) {
        results[name] = 'failed';
        logger.warn('readiness check failed', { check: name, err });
      }
    }),
  );
  return results;
}

/**
 * `/health` says the process is alive; `/ready` says it can serve: every dependency answered and it is not
 * shutting down. A failed check is named, its error only logged (it may hold connection details).
 */
export function healthRouter(options: {
  service: string;
  checks: Record<string, ReadinessCheck>;
  isShuttingDown: () => boolean;
  logger: Logger;
  /** Told each round of results (the dependency gauges). */
  onChecked?: (results: ReadinessResults) => void;
}): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.service, uptimeSeconds: Math.round(process.uptime()) });
  });
  router.get('/ready', async (req, res) => {
    const results = await runReadinessChecks(options.checks, options.logger);
    options.onChecked?.(results);
    const failed = Object.keys(results).filter((name) => results[name] === 'failed');
    if (failed.length === 0 && !options.isShuttingDown()) {
      res.json({ status: 'ready', service: options.service, checks: results });
      return;
    }
    const detail = options.isShuttingDown() ? 'The service is shutting down.' : `Not ready: ${failed.join(', ')}.`;
    const problem = { type: problemType('not-ready'), title: 'Service unavailable', status: 503, detail };
    sendProblem(res, { ...problem, checks: results }, req.originalUrl, { 'Retry-After': '5' });
  });
  return router;
}

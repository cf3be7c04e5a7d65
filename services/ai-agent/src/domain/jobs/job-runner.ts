import { randomUUID } from 'node:crypto';
import type { KvStore } from '@tripwise/platform/kv';
import type { Logger } from '@tripwise/platform/logger';
import { countFirstProgress, countPlanEnded, planOutcomeOf } from '../../agent.metrics.ts';
import { RUNNING_JOBS, type JobEvents } from './job-events.ts';

const CANCEL_CHANNEL = 'agent.job-cancel';
// An instance that stops beating is taken for dead after INSTANCE_TTL_MS; the others look every REAP_MS, so its
// clients hear `instance-lost` within about 2.5 s of its death.
const HEARTBEAT_MS = 500;
const INSTANCE_TTL_MS = 2_000;
const REAP_MS = 500;
const instanceKey = (id: string) => `agent:instance:${id}`;

export type JobOutcome =
  | { status: 'done'; result: Record<string, unknown> }
  | { status: 'failed' | 'cancelled'; error: Record<string, unknown> };

export interface JobContext {
  jobId: string;
  signal: AbortSignal;
  progress: (payload: Record<string, unknown>) => Promise<void>;
}

/**
 * Runs jobs in this instance and keeps every instance honest: a job goes on when its client leaves, stops when
 * cancelled (from any instance, through pub/sub), and when an instance dies (its heartbeat key expires) another
 * instance fails its jobs cleanly with `plan:error`. `finished` records how each job ended (the database).
 */
export function createJobRunner(deps: {
  kv: KvStore;
  events: JobEvents;
  logger: Logger;
  finished: (jobId: string, outcome: JobOutcome) => Promise<void>;
}) {
  const instanceId = randomUUID();
  const running = new Map<string, AbortController>();
  /** When each job of this instance started (process.hrtime), for the plan's timings. */
  const startedAt = new Map<string, bigint>();
  const { kv, events, logger } = deps;

  /** Recorded first, then announced: a client that hears the result and asks finds it. */
  async function end(jobId: string, userId: string, outcome: JobOutcome) {
    await deps.finished(jobId, outcome);
    if (outcome.status === 'done') await events.emit(jobId, userId, 'plan:result', outcome.result);
    else await events.emit(jobId, userId, 'plan:error', outcome.error);
    await events.close(jobId, outcome.status);
    countPlanEnded(
      planOutcomeOf(outcome.status, outcome.status === 'done' && outcome.result.kind),
      startedAt.get(jobId),
    );
    startedAt.delete(jobId);
  }

  async function reapLostJobs() {
    for (const jobId of await kv.smembers(RUNNING_JOBS)) {
      const meta = await events.meta(jobId);
      if (!meta) {
        await kv.srem(RUNNING_JOBS, jobId);
        continue;
      }
      if (meta.instanceId === instanceId || (await kv.get(instanceKey(meta.instanceId))) !== null) continue;
      if (!(await events.claim(jobId, 'lost'))) continue;
      logger.warn('a job was lost with its instance; failing it', { jobId, instanceId: meta.instanceId });
      await events.resendLast(jobId, meta.userId);
      await end(jobId, meta.userId, {
        status: 'failed',
        error: {
          code: 'instance-lost',
          message: 'The planner working on this stopped. Ask again and it will start over.',
        },
      });
    }
  }

  let unsubscribe: (() => Promise<void>) | undefined;
  /** Says this instance is alive; other instances fail its jobs when it has not for INSTANCE_TTL_MS. */
  const heartbeat = () => kv.set(instanceKey(instanceId), '1', { ttlMs: INSTANCE_TTL_MS });

  return {
    instanceId,
    /** The heartbeat's and the lost-job check's intervals, for the service's background loops. */
    intervals: { heartbeatMs: HEARTBEAT_MS, reapMs: REAP_MS },
    heartbeat,
    async startWorkers() {
      await heartbeat();
      unsubscribe = await kv.subscribe(CANCEL_CHANNEL, (jobId) => running.get(jobId)?.abort());
    },
    async stopWorkers() {
      await unsubscribe?.();
      const stopping = new PlanError(
        'instance-stopped',
        'The planner restarted before finishing. Ask again and it will start over.',
      );
      for (const controller of running.values()) controller.abort(stopping);
      await kv.del(instanceKey(instanceId));
    },
    /**
     * Starts a job now and returns at once; `work` reports progress and returns the result. A first progress given
     * here is recorded and sent with the job's opening (one round trip sooner than from `work`).
     */
    async start(
      jobId: string,
      userId: string,
      work: (ctx: JobContext) => Promise<Record<string, unknown>>,
      firstProgress?: Record<string, unknown>,
    ): Promise<void> {
      const started = process.hrtime.bigint();
      startedAt.set(jobId, started);
      let progressed = false;
      const progressedNow = () => {
        if (!progressed) countFirstProgress(started);
        progressed = true;
      };
      await events.open(
        jobId,
        { userId, instanceId },
        firstProgress && { event: 'plan:progress', payload: firstProgress },
      );
      if (firstProgress) progressedNow();
      const controller = new AbortController();
      running.set(jobId, controller);
      const ctx: JobContext = {
        jobId,
        signal: controller.signal,
        progress: async (payload) => {
          if (controller.signal.aborted) throw controller.signal.reason;
          await events.emit(jobId, userId, 'plan:progress', payload);
          progressedNow();
        },
      };
      void (async () => {
        let outcome: JobOutcome;
        try {
          outcome = { status: 'done', result: await work(ctx) };
        } catch (err) {
          const reason: unknown = controller.signal.reason;
          outcome = !controller.signal.aborted
            ? { status: 'failed', error: errorOf(err) }
            : reason instanceof PlanError
              ? { status: 'failed', error: errorOf(reason) }
              : { status: 'cancelled', error: { code: 'cancelled', message: 'Stopped, as you asked.' } };
          if (!controller.signal.aborted) logger.error('a job failed', { jobId, err });
        } finally {
          running.delete(jobId);
        }
        await end(jobId, userId, outcome).catch((err: unknown) =>
          logger.error('a job could not be closed', { jobId, err }),
        );
      })();
    },
    /** Stops a job of this user, wherever it runs; false when it is not theirs or not running. */
    async cancel(jobId: string, userId: string): Promise<boolean> {
      const meta = await events.meta(jobId);
      if (!meta || meta.userId !== userId || meta.status !== 'running') return false;
      await kv.publish(CANCEL_CHANNEL, jobId);
      return true;
    },
    reapLostJobs,
  };
}

/** A failure to tell the traveler as it is (anything else is logged and answered with a generic message). */
export class PlanError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'PlanError';
    this.code = code;
  }
}

function errorOf(err: unknown): Record<string, unknown> {
  if (err instanceof PlanError) return { code: err.code, message: err.message };
  return { code: 'failed', message: 'Something went wrong while planning. Try again.' };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

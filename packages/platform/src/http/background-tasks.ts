import { Counter, Histogram, type Registry } from 'prom-client';
import type { Logger } from '../logger/index.ts';

/** Periodic work a service declares (outbox publishing, sweepers, feeds, heartbeats); its boot runs it. */
export interface BackgroundTask {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
  /** Run once as soon as the service starts, then every interval (default: first run after one interval). */
  runAtStart?: boolean;
}

export interface RunningTasks {
  /** Stops scheduling and waits for the runs in progress. */
  stop(): Promise<void>;
}

const NOTHING_RUNNING: RunningTasks = { stop: async () => undefined };

/**
 * Runs a service's periodic work so that each loop is measured (`background_task_runs_total{task, outcome}`,
 * `background_task_duration_seconds{task}`), a slow run never overlaps the next, a failure is a log line rather
 * than an unhandled rejection, and shutdown stops them all before the database closes.
 */
export function runBackgroundTasks(
  tasks: readonly BackgroundTask[],
  options: { logger: Logger; registry: Registry },
): RunningTasks {
  if (tasks.length === 0) return NOTHING_RUNNING;
  for (const task of tasks) {
    if (!(task.everyMs > 0)) throw new RangeError(`${task.name}: an interval must be positive, not ${task.everyMs}`);
  }
  const runs = new Counter({
    name: 'background_task_runs_total',
    help: 'Runs of periodic background tasks, by task and outcome (ok, failed)',
    labelNames: ['task', 'outcome'] as const,
    registers: [options.registry],
  });
  const duration = new Histogram({
    name: 'background_task_duration_seconds',
    help: 'Duration of periodic background task runs, by task',
    labelNames: ['task'] as const,
    buckets: [0.001, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [options.registry],
  });
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;

  for (const task of tasks) {
    let busy = false;
    const runOnce = () => {
      if (busy || stopped) return;
      busy = true;
      const end = duration.startTimer({ task: task.name });
      const run = Promise.resolve()
        .then(task.run)
        .then(
          () => runs.inc({ task: task.name, outcome: 'ok' }),
          (err: unknown) => {
            runs.inc({ task: task.name, outcome: 'failed' });
            options.logger.error('background task failed; it runs again at its next interval', {
              task: task.name,
              err,
            });
          },
        )
        .finally(() => {
          end();
          busy = false;
          running.delete(run);
        });
      running.add(run);
    };
    if (task.runAtStart) runOnce();
    timers.push(setInterval(runOnce, task.everyMs));
  }

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all([...running]);
    },
  };
}

import { setTimeout as sleep } from 'node:timers/promises';
import { Registry } from 'prom-client';
import { describe, expect, test } from 'vitest';
import { runBackgroundTasks } from '@tripwise/platform/http';
import { captureLogs } from '@tripwise/platform/testing';

/** Resolves when `check` holds, polling; the limit is against hangs, not a speed target. */
async function eventually(check: () => boolean, limitMs = 5_000): Promise<void> {
  for (const started = Date.now(); !check(); await sleep(5)) {
    if (Date.now() - started > limitMs) throw new Error('the condition never held');
  }
}

describe('runBackgroundTasks', () => {
  test('When a run takes longer than the interval, then the next run waits for it instead of overlapping', async () => {
    let active = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const tasks = runBackgroundTasks(
      [
        {
          name: 'slow',
          everyMs: 5,
          runAtStart: true,
          run: async () => {
            active++;
            mostAtOnce = Math.max(mostAtOnce, active);
            await sleep(30);
            active--;
            runs++;
          },
        },
      ],
      { logger: captureLogs('tasks').logger, registry: new Registry() },
    );
    await eventually(() => runs >= 3);
    await tasks.stop();
    expect(mostAtOnce).toBe(1);
  });

  test('When a run fails, then it is logged and counted, and the task runs again at its next interval', async () => {
    const logs = captureLogs('tasks');
    const registry = new Registry();
    let calls = 0;
    const tasks = runBackgroundTasks(
      [
        {
          name: 'flaky',
          everyMs: 5,
          run: async () => {
            calls++;
            if (calls === 1) throw new Error('the database blinked');
          },
        },
      ],
      { logger: logs.logger, registry },
    );
    await eventually(() => calls >= 2);
    await tasks.stop();
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        task: 'flaky',
        message: expect.stringContaining('background task failed'),
      }),
    );
    const metrics = await registry.metrics();
    expect(metrics).toMatch(/background_task_runs_total\{task="flaky",outcome="failed"\} 1/);
    expect(metrics).toMatch(/background_task_runs_total\{task="flaky",outcome="ok"\} [1-9]/);
  });

  test('When the tasks are stopped, then the run in progress finishes first and no run starts afterwards', async () => {
    let finished = 0;
    let started = 0;
    const tasks = runBackgroundTasks(
      [
        {
          name: 'steady',
          everyMs: 5,
          runAtStart: true,
          run: async () => {
            started++;
            await sleep(20);
            finished++;
          },
        },
      ],
      { logger: captureLogs('tasks').logger, registry: new Registry() },
    );
    await eventually(() => started >= 1);
    await tasks.stop();
    expect(finished).toBe(started);
    await sleep(30);
    expect(started).toBe(finished);
  });
});

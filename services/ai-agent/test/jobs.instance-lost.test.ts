import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { KvStore } from '@tripwise/platform/kv';
import { captureLogs, openTestKv } from '@tripwise/platform/testing';
import { createJobEvents } from '../src/domain/jobs/job-events.ts';
import { createJobRunner } from '../src/domain/jobs/job-runner.ts';

// Two agent instances on one store. The first records a job's event and dies before sending it (its sends are
// lost); the second notices the dead instance, sends that last event itself and fails the job, so the traveler's
// socket, wherever it is connected, learns both.

let kv: KvStore;
beforeAll(async () => {
  kv = await openTestKv();
});
afterAll(() => kv.close());

describe('a job whose instance died', () => {
  test('When its instance dies between recording an event and sending it, then another instance sends it, then plan:error', async () => {
    const sent: { event: string; payload: { jobId: string; seq: number; code?: string } }[] = [];
    const dying = createJobEvents(kv, () => undefined); // whatever it sends never leaves
    const dead = createJobRunner({
      kv,
      events: dying,
      logger: captureLogs('dead').logger,
      finished: async () => undefined,
    });
    const alive = createJobRunner({
      kv,
      events: createJobEvents(kv, (_user, event, payload) => sent.push({ event, payload: payload as never })),
      logger: captureLogs('alive').logger,
      finished: async () => undefined,
    });
    const jobId = randomUUID();
    const userId = randomUUID();
    await dead.heartbeat();
    await dead.start(jobId, userId, () => new Promise(() => undefined), { stage: 'understanding', percent: 0 });
    await dying.emit(jobId, userId, 'plan:progress', { stage: 'searching_flights', percent: 30 });
    // The dead instance's heartbeat key expires (it beats no more); the living one looks, as its task does.
    await kv.del(`agent:instance:${dead.instanceId}`);
    await alive.reapLostJobs();

    expect(sent.map((e) => [e.event, e.payload.seq])).toEqual([
      ['plan:progress', 2],
      ['plan:error', 3],
    ]);
    expect(sent[1]!.payload).toMatchObject({ jobId, code: 'instance-lost' });
  });
});

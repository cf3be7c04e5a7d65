import type { KvStore } from '@tripwise/platform/kv';
import { currentTraceId } from '@tripwise/platform/tracing';
import { appendEventScript, closeJobScript, openJobScript } from './job-events.scripts.ts';

export type JobEventName = 'plan:progress' | 'plan:result' | 'plan:error';
export interface JobEvent {
  event: JobEventName;
  payload: { jobId: string; seq: number } & Record<string, unknown>;
}
export interface JobMeta {
  userId: string;
  instanceId: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
}

/** Sends an event to every socket of a user, on whichever instance it is connected to (the Redis adapter). */
export type EmitToUser = (userId: string, event: string, payload: unknown) => void;

const DAY_MS = 86_400_000;

/** The trace of the request that started the job (its chat message): every event of the job carries it. */
const traced = (): { traceId?: string } => {
  const traceId = currentTraceId();
  return traceId ? { traceId } : {};
};
export const RUNNING_JOBS = 'agent:jobs:running';
const key = (jobId: string, part: string) => `agent:job:${jobId}:${part}`;

/**
 * A job's events, numbered from 1 and kept for a day in the key-value store, so that a client that reconnects to
 * any instance can ask for what it missed (`replay`). Emits of one job are queued: they leave in `seq` order.
 */
export function createJobEvents(kv: KvStore, emitToUser: EmitToUser) {
  const queues = new Map<string, Promise<unknown>>();

  async function send(
    jobId: string,
    userId: string,
    event: JobEventName,
    payload: Record<string, unknown>,
  ): Promise<number> {
    const stored = JSON.stringify({ event, payload: { ...payload, ...traced(), jobId } });
    const seq = Number(await kv.eval(appendEventScript, [key(jobId, 'seq'), key(jobId, 'event:')], [stored, DAY_MS]));
    emitToUser(userId, event, { ...payload, ...traced(), jobId, seq });
    return seq;
  }

  return {
    /** Records the job as running, with its first event when given (sent once recorded, as event 1). */
    async open(
      jobId: string,
      meta: Omit<JobMeta, 'status'>,
      first?: { event: JobEventName; payload: Record<string, unknown> },
    ): Promise<void> {
      const json = JSON.stringify({ ...meta, status: 'running' } satisfies JobMeta);
      const event = first
        ? JSON.stringify({ event: first.event, payload: { ...first.payload, ...traced(), jobId } })
        : '';
      await kv.eval(
        openJobScript,
        [key(jobId, 'meta'), RUNNING_JOBS, key(jobId, 'seq'), key(jobId, 'event:')],
        [json, DAY_MS, jobId, event],
      );
      if (first) emitToUser(meta.userId, first.event, { ...first.payload, ...traced(), jobId, seq: 1 });
    },
    emit(jobId: string, userId: string, event: JobEventName, payload: Record<string, unknown>): Promise<number> {
      const next = (queues.get(jobId) ?? Promise.resolve()).then(() => send(jobId, userId, event, payload));
      const settled = next.catch(() => undefined);
      queues.set(jobId, settled);
      void settled.then(() => {
        if (queues.get(jobId) === settled) queues.delete(jobId);
      });
      return next;
    },
    async close(jobId: string, status: JobMeta['status']): Promise<void> {
      await kv.eval(closeJobScript, [key(jobId, 'meta'), RUNNING_JOBS], [status, DAY_MS, jobId]);
    },
    async meta(jobId: string): Promise<JobMeta | null> {
      const raw = await kv.get(key(jobId, 'meta'));
      return raw === null ? null : (JSON.parse(raw) as JobMeta);
    },
    /** Every event after `afterSeq`, in order. */
    async replay(jobId: string, afterSeq: number): Promise<JobEvent[]> {
      const last = Number((await kv.get(key(jobId, 'seq'))) ?? 0);
      const events: JobEvent[] = [];
      for (let seq = afterSeq + 1; seq <= last; seq++) {
        const raw = await kv.get(key(jobId, `event:${seq}`));
        if (raw === null) continue;
        const stored = JSON.parse(raw) as { event: JobEventName; payload: Record<string, unknown> };
        events.push({ event: stored.event, payload: { ...stored.payload, jobId, seq } });
      }
      return events;
    },
    /**
     * Sends the job's last recorded event again, from this instance: the instance that recorded it may have died
     * before sending it. Clients apply each `seq` once, so a repeat is harmless and a loss is not.
     */
    async resendLast(jobId: string, userId: string): Promise<void> {
      const last = Number((await kv.get(key(jobId, 'seq'))) ?? 0);
      const raw = last > 0 ? await kv.get(key(jobId, `event:${last}`)) : null;
      if (raw === null) return;
      const stored = JSON.parse(raw) as { event: JobEventName; payload: Record<string, unknown> };
      emitToUser(userId, stored.event, { ...stored.payload, jobId, seq: last });
    },
    /** Claims the right to act on a job once (e.g. to fail it when its instance died); false if someone did. */
    claim: (jobId: string, what: string) =>
      kv.set(key(jobId, `claim:${what}`), '1', { ttlMs: DAY_MS, onlyIfAbsent: true }),
  };
}

export type JobEvents = ReturnType<typeof createJobEvents>;

import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Socket } from 'socket.io-client';
import { api } from '../api/http.ts';
import { agentSocket } from '../realtime/agent-socket.ts';
import { useAgentEvent } from '../realtime/use-agent-socket.ts';
import type { JobEvent, PlanFailure, PlanProgress, PlanResult } from './agent-types.ts';
import { PlanStream, type PlanState } from './plan-stream.ts';

const RESUME_TIMEOUT_MS = 5_000;

/** Asks the job's log for what came after `afterSeq`: on the socket when it is up, else over HTTP. */
async function fetchMissed(stream: PlanStream, jobId: string, afterSeq: number): Promise<void> {
  const socket: Socket | null = agentSocket.current;
  if (socket?.connected) {
    // The replayed events come back as ordinary socket events; the ack only says whether the job was found.
    const ack = (await socket
      .timeout(RESUME_TIMEOUT_MS)
      .emitWithAck('job:resume', { jobId, afterSeq })
      .catch(() => ({ ok: false }))) as { ok: boolean };
    if (ack.ok) return;
  }
  const { events } = await api<{ events: JobEvent[] }>(`/api/ai/jobs/${jobId}`, { query: { afterSeq } });
  for (const event of events) stream.accept(event);
}

/**
 * The plan being watched: its progress and outcome, complete and in order across reconnections. At every
 * (re)connection of the socket, and whenever an event shows that some were missed, it asks for the rest.
 */
export function usePlanJob() {
  const stream = useMemo(() => {
    let asking: string | null = null;
    const ask = (jobId: string, afterSeq: number) => {
      if (asking === jobId) return;
      asking = jobId;
      void fetchMissed(instance, jobId, afterSeq)
        .catch(() => undefined)
        .finally(() => {
          if (asking === jobId) asking = null;
          // Events that arrived while asking may still stand behind a gap.
          const state = instance.state;
          if (state && !state.outcome && instance.hasGap) ask(state.jobId, state.lastSeq);
        });
    };
    const instance = new PlanStream(ask);
    return { instance, ask };
  }, []);
  const state: PlanState | null = useSyncExternalStore(stream.instance.subscribe, stream.instance.snapshot);

  useAgentEvent<PlanProgress>('plan:progress', (payload) =>
    stream.instance.accept({ event: 'plan:progress', payload }),
  );
  useAgentEvent<PlanResult>('plan:result', (payload) => stream.instance.accept({ event: 'plan:result', payload }));
  useAgentEvent<PlanFailure>('plan:error', (payload) => stream.instance.accept({ event: 'plan:error', payload }));

  useEffect(
    () =>
      agentSocket.onConnect(() => {
        const current = stream.instance.state;
        if (current && !current.outcome) stream.ask(current.jobId, current.lastSeq);
      }),
    [stream],
  );

  /** Starts watching a job; what it said before we knew its id is fetched at once. */
  const follow = useCallback(
    (jobId: string) => {
      stream.instance.follow(jobId);
      stream.ask(jobId, 0);
    },
    [stream],
  );
  const forget = useCallback(() => stream.instance.forget(), [stream]);

  return { state, follow, forget };
}

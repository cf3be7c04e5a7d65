import type { JobEvent, PlanFailure, PlanProgress, PlanResult } from './agent-types.ts';

export interface PlanState {
  jobId: string;
  /** The last event applied: everything up to it has been seen, in order. */
  lastSeq: number;
  /** Every progress event of the job, in `seq` order, each once. */
  progress: PlanProgress[];
  outcome: { event: 'plan:result'; payload: PlanResult } | { event: 'plan:error'; payload: PlanFailure } | null;
}

/**
 * The events of the one plan being watched, applied strictly in `seq` order and each once, whatever way they came:
 * live on the socket, replayed after a reconnection (`job:resume`) or fetched over HTTP. An event that arrives
 * ahead of a gap waits, and `onGap` asks for what is missing, so a dropped connection loses nothing.
 */
export class PlanStream {
  private current: PlanState | null = null;
  private readonly ahead = new Map<number, JobEvent>();
  private readonly listeners = new Set<() => void>();

  private readonly onGap: (jobId: string, afterSeq: number) => void;

  constructor(onGap: (jobId: string, afterSeq: number) => void) {
    this.onGap = onGap;
  }

  get state(): PlanState | null {
    return this.current;
  }

  /** True while a job runs and some of its events are known to be missing. */
  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): PlanState | null => this.current;

  follow(jobId: string): void {
    this.ahead.clear();
    this.set({ jobId, lastSeq: 0, progress: [], outcome: null });
  }

  forget(): void {
    this.ahead.clear();
    this.set(null);
  }

  accept(incoming: JobEvent): void {
    const state = this.current;
    if (!state || incoming.payload.jobId !== state.jobId || state.outcome) return;
    if (incoming.payload.seq <= state.lastSeq) return;
    this.ahead.set(incoming.payload.seq, incoming);
    let next = state;
    for (let event = this.ahead.get(next.lastSeq + 1); event; event = this.ahead.get(next.lastSeq + 1)) {
      this.ahead.delete(event.payload.seq);
      next = applied(next, event);
      if (next.outcome) this.ahead.clear();
    }
    if (next !== state) this.set(next);
    if (this.ahead.size > 0) this.onGap(next.jobId, next.lastSeq);
  }

  private set(next: PlanState | null): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}

function applied(state: PlanState, event: JobEvent): PlanState {
  const lastSeq = event.payload.seq;
  switch (event.event) {
    case 'plan:progress':
      return { ...state, lastSeq, progress: [...state.progress, event.payload] };
    case 'plan:result':
      return { ...state, lastSeq, outcome: { event: 'plan:result', payload: event.payload } };
    case 'plan:error':
      return { ...state, lastSeq, outcome: { event: 'plan:error', payload: event.payload } };
  }
}

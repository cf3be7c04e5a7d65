import { Counter, Gauge, Histogram, type Metric } from 'prom-client';
import { LATENCY_BUCKETS } from '@tripwise/platform/metrics';

// The concierge's quality and real-time signals: how plans end and how long they take, deals and watch alerts,
// sockets and the events delivered to them. One set per process, added to the service's registry.

export const PLAN_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const PLAN_OUTCOMES = ['bundles', 'question', 'nothing', 'answer', 'failed', 'cancelled'] as const;
export type PlanOutcome = (typeof PLAN_OUTCOMES)[number];
const RESUME_RESULTS = ['replayed', 'up_to_date', 'unknown_job'] as const;
const DISCONNECT_REASONS = [
  'transport close',
  'ping timeout',
  'transport error',
  'server namespace disconnect',
  'client namespace disconnect',
  'server shutting down',
  'parse error',
  'forced close',
  'forced server close',
] as const;
const DELIVERED_EVENTS = ['plan:progress', 'plan:result', 'plan:error', 'watch:alert', 'deal:new'] as const;

const plansEnded = new Counter({
  name: 'ai_plans_ended_total',
  help: 'Planning jobs by how they ended: bundles, a clarifying question, nothing found, another answer, failed or cancelled',
  labelNames: ['outcome'] as const,
  registers: [],
});
const planDuration = new Histogram({
  name: 'ai_plan_duration_seconds',
  help: 'Time from a chat message to its plan:result or plan:error',
  labelNames: ['outcome'] as const,
  buckets: PLAN_BUCKETS,
  registers: [],
});
const firstProgress = new Histogram({
  name: 'ai_plan_first_progress_seconds',
  help: "Time from a chat message to its job's first plan:progress",
  buckets: PLAN_BUCKETS,
  registers: [],
});
const dealsPublished = new Counter({
  name: 'ai_deals_published_total',
  help: 'Deals published (deal:new)',
  registers: [],
});
const watchAlerts = new Counter({
  name: 'ai_watch_alerts_total',
  help: 'Price-watch alerts fired (watch:alert)',
  registers: [],
});
let countWatches: () => Promise<number> = async () => 0;
/** Counted from the database at each scrape, with what the service gives `countWatchesWith`. */
const watchesActive = new Gauge({
  name: 'ai_watches_active',
  help: 'Price watches in force',
  registers: [],
  async collect() {
    this.set(await countWatches().catch(() => 0));
  },
});

export function countWatchesWith(count: () => Promise<number>): void {
  countWatches = count;
}
export const socketsConnected = new Gauge({
  name: 'ai_agent_sockets_connected',
  help: 'Socket.IO connections open on this instance (namespace /agent)',
  registers: [],
});
const disconnects = new Counter({
  name: 'ai_agent_socket_disconnects_total',
  help: 'Socket disconnections by reason',
  labelNames: ['reason'] as const,
  registers: [],
});
const eventDelivery = new Histogram({
  name: 'ai_agent_event_delivery_seconds',
  help: 'Time from an event being emitted (on any instance) to this instance writing it to its sockets',
  labelNames: ['event'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [],
});
const resumes = new Counter({
  name: 'ai_agent_job_resumes_total',
  help: 'job:resume requests after a reconnect, by result',
  labelNames: ['result'] as const,
  registers: [],
});
const replayed = new Counter({
  name: 'ai_agent_events_replayed_total',
  help: 'Events sent again to a resuming client',
  registers: [],
});

for (const outcome of PLAN_OUTCOMES) plansEnded.inc({ outcome }, 0);
for (const reason of DISCONNECT_REASONS) disconnects.inc({ reason }, 0);
for (const result of RESUME_RESULTS) resumes.inc({ result }, 0);
dealsPublished.inc(0);
watchAlerts.inc(0);
replayed.inc(0);
socketsConnected.set(0);

export const AGENT_METRICS: Metric[] = [
  plansEnded,
  planDuration,
  firstProgress,
  dealsPublished,
  watchAlerts,
  watchesActive,
  socketsConnected,
  disconnects,
  eventDelivery,
  resumes,
  replayed,
];

/** How a job ended, as a plan outcome: a done job's answer kind, else its status. */
export function planOutcomeOf(status: 'done' | 'failed' | 'cancelled', kind: unknown): PlanOutcome {
  if (status !== 'done') return status;
  return kind === 'bundles' || kind === 'question' || kind === 'nothing' ? kind : 'answer';
}

/** `startedAt` is the job's start (process.hrtime), unknown for a job another instance started. */
export function countPlanEnded(outcome: PlanOutcome, startedAt: bigint | undefined): void {
  plansEnded.inc({ outcome });
  if (startedAt !== undefined) planDuration.observe({ outcome }, secondsSince(startedAt));
}

export function countFirstProgress(startedAt: bigint): void {
  firstProgress.observe(secondsSince(startedAt));
}

export function countDealPublished(): void {
  dealsPublished.inc();
}

export function countWatchAlert(): void {
  watchAlerts.inc();
}

export function countDisconnect(reason: string): void {
  disconnects.inc({ reason: (DISCONNECT_REASONS as readonly string[]).includes(reason) ? reason : 'transport error' });
}

export function countResume(result: (typeof RESUME_RESULTS)[number], events = 0): void {
  resumes.inc({ result });
  if (events > 0) replayed.inc(events);
}

/** An event written to this instance's sockets, `sentAt` (ms since the epoch) when it was emitted. */
export function countDelivery(event: string, sentAt: number): void {
  if (!(DELIVERED_EVENTS as readonly string[]).includes(event)) return;
  eventDelivery.observe({ event }, Math.max(0, Date.now() - sentAt) / 1000);
}

function secondsSince(startedAt: bigint): number {
  return Number(process.hrtime.bigint() - startedAt) / 1e9;
}

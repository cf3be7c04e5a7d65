import { Counter, Gauge, type Metric } from 'prom-client';

// What the on-call reads of ingest: batches by outcome (refusals by reason), events kept and dropped, the buffer.
// Every label set starts at 0 so rate() and alerts see the series before the first refusal.

export const BATCH_OUTCOMES = ['accepted', 'oversized', 'malformed', 'rate_limited', 'overloaded'] as const;
export type BatchOutcome = (typeof BATCH_OUTCOMES)[number];
export const DROP_REASONS = ['invalid', 'unflushed'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

const batches = new Counter({
  name: 'insights_batches_total',
  help: 'Event batches received by /api/insights/events, by outcome (refused ones by why)',
  labelNames: ['outcome'] as const,
  registers: [],
});
const events = new Counter({
  name: 'insights_events_accepted_total',
  help: 'Events accepted into the write buffer',
  registers: [],
});
const dropped = new Counter({
  name: 'insights_events_dropped_total',
  help: 'Events dropped: invalid ones from accepted batches, and ones lost to failed writes',
  labelNames: ['reason'] as const,
  registers: [],
});
const buffered = new Gauge({
  name: 'insights_buffer_events',
  help: 'Events waiting in memory to be written',
  registers: [],
});

for (const outcome of BATCH_OUTCOMES) batches.inc({ outcome }, 0);
for (const reason of DROP_REASONS) dropped.inc({ reason }, 0);
buffered.set(0);

export const INSIGHTS_METRICS: Metric[] = [batches, events, dropped, buffered];

export function countBatch(outcome: BatchOutcome): void {
  batches.inc({ outcome });
}
export function countAccepted(n: number): void {
  events.inc(n);
}
export function countDropped(reason: DropReason, n: number): void {
  if (n > 0) dropped.inc({ reason }, n);
}
export function setBuffered(n: number): void {
  buffered.set(n);
}

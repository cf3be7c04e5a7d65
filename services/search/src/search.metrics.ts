import { Counter, type Metric } from 'prom-client';

const HOLD_OUTCOMES = ['held', 'sold_out', 'confirmed', 'released', 'expired'] as const;
export type HoldOutcome = (typeof HOLD_OUTCOMES)[number];

/** One per process, added to the service's registry: inventory holds by outcome (sold_out is an oversell refused). */
const holds = new Counter({
  name: 'search_holds_total',
  help: 'Inventory holds by outcome; sold_out is an oversell refused',
  labelNames: ['outcome'] as const,
  registers: [],
});
for (const outcome of HOLD_OUTCOMES) holds.inc({ outcome }, 0);

export const SEARCH_METRICS: Metric[] = [holds];

export function countHold(outcome: HoldOutcome): void {
  holds.inc({ outcome });
}

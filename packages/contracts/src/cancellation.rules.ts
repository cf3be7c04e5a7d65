import type { ListingSnapshot } from './holds.ts';

export type RefundRule = 'free-cancellation' | 'within-24-hours' | 'late-keeps-one-unit' | 'non-refundable' | 'started';

export interface CancellableItem {
  kind: 'flight' | 'room' | 'car';
  unitPrice: number;
  quantity: number;
  units: number;
  subtotal: number;
  /** Subtotal plus its taxes and fees: what the traveler paid for the item. */
  gross: number;
  policy: ListingSnapshot['policy'];
}

const HOUR_MS = 3_600_000;

/**
 * What a cancellation gives back for one item, per its listing's policy:
 * - nothing once it has started;
 * - everything for a flight cancelled within 24 hours of booking when it departs a week or more after booking
 *   (the US DOT 24-hour rule);
 * - everything up to the free-cancellation window (hours before the start);
 * - after it, a hotel keeps one night and a rental one day (taxes and fees follow the amount kept);
 * - otherwise (a non-refundable fare) nothing.
 */
export function refundFor(item: CancellableItem, bookedAt: Date, now: Date): { amount: number; rule: RefundRule } {
  const startsAt = Date.parse(item.policy.startsAt);
  if (now.getTime() >= startsAt) return { amount: 0, rule: 'started' };
  if (
    item.kind === 'flight' &&
    now.getTime() - bookedAt.getTime() <= 24 * HOUR_MS &&
    startsAt - bookedAt.getTime() >= 7 * 24 * HOUR_MS
  ) {
    return { amount: item.gross, rule: 'within-24-hours' };
  }
  const hours = item.policy.freeCancellationHours;
  if (hours !== null && now.getTime() <= startsAt - hours * HOUR_MS) {
    return { amount: item.gross, rule: 'free-cancellation' };
  }
  if (item.policy.lateCancellationKeeps === 'one-unit' && item.units > 1) {
    const kept = item.unitPrice * item.quantity;
    return { amount: Math.round((item.gross * (item.subtotal - kept)) / item.subtotal), rule: 'late-keeps-one-unit' };
  }
  return { amount: 0, rule: 'non-refundable' };
}

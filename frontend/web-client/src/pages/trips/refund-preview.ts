// What cancelling gives back: the booking service's refund rule per item (shared through contracts), so the
// preview matches what the server will refund; the server's answer is still final.
import { refundFor, type RefundRule } from '@tripwise/contracts';
import { plural } from '../../ui/format.ts';
import type { Booking, BookingItem } from './booking-types.ts';

export interface ItemRefund {
  item: BookingItem;
  amount: number;
  reason: string;
}

/** "until 48 hours before", "until it starts". */
const freeUntil = (hours: number) => (hours > 0 ? `until ${plural(hours, 'hour')} before` : 'until it starts');

function reasonFor(rule: RefundRule, item: BookingItem): string {
  switch (rule) {
    case 'started':
      return 'It has already started: nothing is refunded.';
    case 'within-24-hours':
      return 'Cancelled within 24 hours of booking a flight a week or more away: a full refund.';
    case 'free-cancellation':
      return `Inside the free cancellation window (${freeUntil(item.policy.freeCancellationHours ?? 0)}): a full refund.`;
    case 'late-keeps-one-unit':
      return `After the free cancellation window: one ${item.kind === 'car' ? 'day' : 'night'} is kept.`;
    case 'non-refundable':
      return 'A non-refundable rate: nothing is refunded.';
  }
}

export function refundOf(item: BookingItem, bookedAt: Date, now: Date): ItemRefund {
  const { amount, rule } = refundFor(
    {
      kind: item.kind,
      unitPrice: item.unitPrice.amount,
      quantity: item.quantity,
      units: item.units,
      subtotal: item.subtotal.amount,
      gross: item.subtotal.amount + item.taxes.amount + item.fees.amount,
      policy: item.policy,
    },
    bookedAt,
    now,
  );
  return { item, amount, reason: reasonFor(rule, item) };
}

/** An item still part of the trip (not cancelled on its own). */
export const isLive = (item: BookingItem) => !item.cancellation;

export function refundPreview(booking: Booking, now = new Date()) {
  const items = booking.items.filter(isLive).map((item) => refundOf(item, new Date(booking.createdAt), now));
  return { items, total: items.reduce((sum, i) => sum + i.amount, 0) };
}

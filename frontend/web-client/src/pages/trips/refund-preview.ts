// What cancelling gives back, worked out from each item's policy as the booking service works it out
// (services/booking/src/domain/cancellation.rules.ts). It is a preview: the server's answer is final.
import type { Booking, BookingItem } from './booking-types.ts';

const HOUR_MS = 3_600_000;

export interface ItemRefund {
  item: BookingItem;
  amount: number;
  reason: string;
}

export function refundOf(item: BookingItem, bookedAt: Date, now: Date): ItemRefund {
  const gross = item.subtotal.amount + item.taxes.amount + item.fees.amount;
  const startsAt = Date.parse(item.policy.startsAt);
  if (now.getTime() >= startsAt) return { item, amount: 0, reason: 'It has already started: nothing is refunded.' };
  if (
    item.kind === 'flight' &&
    now.getTime() - bookedAt.getTime() <= 24 * HOUR_MS &&
    startsAt - bookedAt.getTime() >= 7 * 24 * HOUR_MS
  ) {
    return {
      item,
      amount: gross,
      reason: 'Cancelled within 24 hours of booking a flight a week or more away: a full refund.',
    };
  }
  const hours = item.policy.freeCancellationHours;
  if (hours !== null && now.getTime() <= startsAt - hours * HOUR_MS) {
    return {
      item,
      amount: gross,
      reason: `Inside the free cancellation window (until ${hours} hours before): a full refund.`,
    };
  }
  if (item.policy.lateCancellationKeeps === 'one-unit' && item.units > 1) {
    const kept = item.unitPrice.amount * item.quantity;
    return {
      item,
      amount: Math.round((gross * (item.subtotal.amount - kept)) / item.subtotal.amount),
      reason:
        item.kind === 'car'
          ? 'After the free cancellation window: one day is kept.'
          : 'After the free cancellation window: one night is kept.',
    };
  }
  return { item, amount: 0, reason: 'A non-refundable rate: nothing is refunded.' };
}

export function refundPreview(booking: Booking, now = new Date()) {
  const items = booking.items.map((item) => refundOf(item, new Date(booking.createdAt), now));
  return { items, total: items.reduce((sum, i) => sum + i.amount, 0) };
}

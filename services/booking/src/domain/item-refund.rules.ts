import { refundFor } from '@tripwise/contracts';
import type { Booking, ItemRow } from '../data/bookings.repository.ts';

/** An item still part of the trip (not cancelled on its own). */
export const isLive = (item: Pick<ItemRow, 'cancel_step'>) => !item.cancel_step;

/** What cancelling this item now refunds, by the listing's policy (the rule shared with the web client's preview). */
export function itemRefund(booking: Pick<Booking, 'created_at'>, item: ItemRow, now: Date) {
  return refundFor(
    {
      kind: item.kind,
      unitPrice: item.unit_price_minor,
      quantity: item.quantity,
      units: item.units,
      subtotal: item.subtotal_minor,
      gross: item.subtotal_minor + item.taxes_minor + item.fees_minor,
      policy: item.policy,
    },
    booking.created_at,
    now,
  );
}

import { finishItemCancellation, moveStep, type Booking, type ItemRow } from '../data/bookings.repository.ts';
import { insertBillingRecord, recordPayment } from '../data/money.repository.ts';
import { addEvent } from '../data/outbox.repository.ts';
import { addSales } from '../data/sales.repository.ts';
import { invoiceOf, paymentMethod, refundedRevenue } from './billing.rules.ts';
import { BOOKING_EVENTS_CHANNEL, bookingEvent } from './booking-records.ts';
import type { SagaDeps } from './booking-saga.ts';

// The saga's step `cancelling-item`: the items being cancelled on their own are finished here (see
// cancel-item.use-case.ts for how one starts).

/** Gives each such item's inventory back, refunds what its policy allows, then records it (billing and events). */
export async function finishItemCancellations(deps: SagaDeps, booking: Booking): Promise<void> {
  const cancelling = booking.items.filter((i) => i.cancel_step === 'cancelling');
  if (cancelling.length === 0) {
    await moveStep(deps.db, booking.id, { from: ['cancelling-item'], to: 'done', leaseSeconds: deps.leaseSeconds });
  }
  for (const item of cancelling) {
    const firstDay = item.kind === 'flight' ? undefined : item.start_date;
    await deps.search.releaseHoldItem(booking.id, { kind: item.kind, listingId: item.listing_id, firstDay });
    deps.checkpoint('item-released');
    let refundId: string | null = null;
    if ((item.refund_minor ?? 0) > 0) {
      ({ refundId } = await deps.payments.refund({
        paymentId: booking.payment_id!,
        amount: item.refund_minor!,
        idempotencyKey: `refund-${booking.id}-item-${item.position}`,
      }));
    }
    deps.checkpoint('item-refunded');
    await recordItemCancellation(deps, booking, item, refundId);
  }
}

/** The item is cancelled, its refund paid, billed (a bill of its own) and announced, in one transaction. */
async function recordItemCancellation(deps: SagaDeps, booking: Booking, item: ItemRow, refundId: string | null) {
  const refund = { amount: item.refund_minor ?? 0, currency: booking.currency };
  const gross = item.subtotal_minor + item.taxes_minor + item.fees_minor;
  const share = (amount: number) => (gross === 0 ? 0 : Math.round((amount * refund.amount) / gross));
  await deps.db.transaction(async (tx) => {
    if (!(await finishItemCancellation(tx, booking.id, item.position))) return;
    await moveStep(tx, booking.id, { from: ['cancelling-item'], to: 'done', leaseSeconds: deps.leaseSeconds });
    if (refundId) {
      await recordPayment(tx, { id: refundId, bookingId: booking.id, kind: 'refund', ...refund, status: 'succeeded' });
      await insertBillingRecord(tx, {
        kind: 'refund',
        userId: booking.user_id,
        bookingId: booking.id,
        bookingType: booking.kind,
        subtotal: share(item.subtotal_minor),
        taxes: share(item.taxes_minor),
        fees: share(item.fees_minor),
        amount: refund.amount,
        currency: booking.currency,
        taxLines: [],
        feeLines: [],
        method: paymentMethod(booking.card_brand, booking.card_last4),
        status: 'refunded',
        invoice: {
          ...invoiceOf({ name: booking.billing_name, address: booking.billing_address, email: booking.contact.email }, [
            item,
          ]),
          refund: { items: [{ position: item.position, refund: refund.amount, rule: item.refund_rule }] },
        },
        itemPosition: item.position,
      });
    }
    await addSales(
      tx,
      { ...booking, items: [item] },
      {
        sign: -1,
        revenueOf: () => refundedRevenue(item, [{ position: item.position, refund: refund.amount }]),
      },
    );
    const cancelled = { status: 'confirmed', position: item.position, refund };
    await addEvent(
      tx,
      BOOKING_EVENTS_CHANNEL,
      bookingEvent('booking.item-cancelled', { ...booking, items: [item] }, cancelled),
    );
  });
  deps.eventsWritten();
}

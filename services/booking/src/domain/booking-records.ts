import type { Db } from '@tripwise/platform/db';
import { moveStep, type Booking } from '../data/bookings.repository.ts';
import { insertBillingRecord, recordPayment } from '../data/money.repository.ts';
import { addEvent } from '../data/outbox.repository.ts';
import { addSales } from '../data/sales.repository.ts';
import { invoiceOf, paymentMethod, refundedRevenue } from './billing.rules.ts';
import type { StoredProblem } from './booking-problems.ts';
import { countRevenue, countSagaStep } from '../booking.metrics.ts';
import { isLive } from './item-refund.rules.ts';

/** The channel booking events are published on (the admin portal's live feed and the AI agent listen). */
export const BOOKING_EVENTS_CHANNEL = 'booking.events';

interface RecordDeps {
  db: Db;
  leaseSeconds: number;
  eventsWritten: () => void;
}

export type EventSource = Pick<
  Booking,
  'id' | 'user_id' | 'kind' | 'total_minor' | 'currency' | 'starts_on' | 'ends_on' | 'items'
>;

export function bookingEvent(type: string, booking: EventSource, extra: Record<string, unknown> = {}) {
  return {
    type,
    bookingId: booking.id,
    userId: booking.user_id,
    kind: booking.kind,
    total: { amount: booking.total_minor, currency: booking.currency },
    startsOn: booking.starts_on,
    endsOn: booking.ends_on,
    items: booking.items.map((i) => ({
      kind: i.kind,
      listingId: i.listing_id,
      parentId: i.parent_id,
      ownerId: i.owner_id,
      provider: { kind: i.provider_kind, id: i.provider_id, name: i.provider_name },
      city: i.city,
      startDate: i.start_date,
      endDate: i.end_date,
      quantity: i.quantity,
      units: i.units,
      subtotal: i.subtotal_minor,
    })),
    at: new Date().toISOString(),
    ...extra,
  };
}

const method = (booking: Booking) => paymentMethod(booking.card_brand, booking.card_last4);
const invoice = (booking: Booking) =>
  invoiceOf(
    { name: booking.billing_name, address: booking.billing_address, email: booking.contact.email },
    booking.items,
  );
const refundsOf = (booking: Booking) => (booking.outcome?.items ?? []) as { position: number; refund: number }[];

/** The payment captured: the booking is confirmed, billed and announced, all in one transaction. */
export async function recordConfirmation(deps: RecordDeps, booking: Booking): Promise<void> {
  const confirmed = await deps.db.transaction(async (tx) => {
    if (
      !(await moveStep(
        tx,
        booking.id,
        { from: ['hold-confirmed'], to: 'done', leaseSeconds: deps.leaseSeconds },
        { status: 'confirmed' },
      ))
    ) {
      return false;
    }
    await recordPayment(tx, {
      id: booking.payment_id!,
      bookingId: booking.id,
      kind: 'charge',
      amount: booking.total_minor,
      currency: booking.currency,
      status: 'captured',
    });
    await insertBillingRecord(tx, {
      kind: 'payment',
      userId: booking.user_id,
      bookingId: booking.id,
      bookingType: booking.kind,
      subtotal: booking.subtotal_minor,
      taxes: booking.taxes_minor,
      fees: booking.fees_minor,
      amount: booking.total_minor,
      currency: booking.currency,
      taxLines: booking.price_lines.taxes,
      feeLines: booking.price_lines.fees,
      method: method(booking),
      status: 'paid',
      invoice: invoice(booking),
    });
    await addSales(tx, booking, { sign: 1, revenueOf: (position) => booking.items[position]!.subtotal_minor });
    await addEvent(tx, BOOKING_EVENTS_CHANNEL, bookingEvent('booking.confirmed', booking, { status: 'confirmed' }));
    return true;
  });
  if (confirmed) {
    countSagaStep('confirm', 'ok');
    countRevenue(booking.currency, booking.items);
  }
  deps.eventsWritten();
}

/** Everything undone: the booking is failed, with the problem its traveler was (or will be) answered. */
export async function recordFailure(deps: RecordDeps, booking: Booking, problem: StoredProblem): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const unfinished = ['started', 'held', 'authorized', 'hold-confirmed'] as const;
    if (
      !(await moveStep(
        tx,
        booking.id,
        { from: unfinished, to: 'compensated', leaseSeconds: deps.leaseSeconds },
        { status: 'failed', outcome: { problem } },
      ))
    ) {
      return;
    }
    await addEvent(
      tx,
      BOOKING_EVENTS_CHANNEL,
      bookingEvent('booking.failed', booking, { status: 'failed', reason: problem.code }),
    );
  });
  deps.eventsWritten();
}

/** Inventory released and money refunded: the booking is cancelled, the refund billed, both announced. */
export async function recordCancellation(deps: RecordDeps, booking: Booking, refundId: string | null): Promise<void> {
  // Items cancelled on their own were refunded, billed and counted then: this is about the rest.
  const live = booking.items.filter(isLive);
  const share = (amount: number) => Math.round((amount * booking.refund_minor) / Math.max(1, booking.total_minor));
  await deps.db.transaction(async (tx) => {
    if (
      !(await moveStep(
        tx,
        booking.id,
        { from: ['cancelling'], to: 'cancelled', leaseSeconds: deps.leaseSeconds },
        { status: 'cancelled', cancelled_at: new Date() },
      ))
    ) {
      return;
    }
    const refund = { amount: booking.refund_minor, currency: booking.currency };
    if (refundId) {
      await recordPayment(tx, { id: refundId, bookingId: booking.id, kind: 'refund', ...refund, status: 'succeeded' });
      await insertBillingRecord(tx, {
        kind: 'refund',
        userId: booking.user_id,
        bookingId: booking.id,
        bookingType: booking.kind,
        subtotal: share(booking.subtotal_minor),
        taxes: share(booking.taxes_minor),
        fees: share(booking.fees_minor),
        amount: booking.refund_minor,
        currency: booking.currency,
        taxLines: booking.price_lines.taxes.map((l) => ({ ...l, amount: share(l.amount) })),
        feeLines: booking.price_lines.fees.map((l) => ({ ...l, amount: share(l.amount) })),
        method: method(booking),
        status: 'refunded',
        invoice: { ...invoice(booking), refund: booking.outcome },
      });
    }
    await addSales(
      tx,
      { ...booking, items: live },
      {
        sign: -1,
        revenueOf: (position) => refundedRevenue(booking.items[position]!, refundsOf(booking)),
      },
    );
    const cancelled = { status: 'cancelled', refund };
    await addEvent(tx, BOOKING_EVENTS_CHANNEL, bookingEvent('booking.cancelled', booking, cancelled));
    if (refundId) await addEvent(tx, BOOKING_EVENTS_CHANNEL, bookingEvent('booking.refunded', booking, cancelled));
  });
  deps.eventsWritten();
}

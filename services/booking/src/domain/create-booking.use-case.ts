import { createHash, randomUUID } from 'node:crypto';
import type { CreateBooking } from '@tripwise/contracts';
import type { Identity } from '@tripwise/platform/auth';
import { AppError } from '@tripwise/platform/errors';
import { InventoryConflict, SearchUnavailable } from '../clients/search.client.ts';
import { findBookingByKey, insertBooking, type Booking, type ItemRow } from '../data/bookings.repository.ts';
import { addEvent } from '../data/outbox.repository.ts';
import { PaymentUnavailable } from '../payments/card-processor.ts';
import { assertBookable, holdItemOf, requestOf, travelersOf } from './booking-items.rules.ts';
import { inventoryConflict, restoreProblem, searchUnavailable, type StoredProblem } from './booking-problems.ts';
import { BOOKING_EVENTS_CHANNEL, bookingEvent } from './booking-records.ts';
import { driveBooking, type SagaDeps } from './booking-saga.ts';
import { priceItem, sumOf, totalOf } from '@tripwise/contracts';
import { countBookingAttempt } from '../booking.metrics.ts';

export interface Created {
  /** 201 once confirmed; 202 while it is still being finished (a dependency was slow: recovery completes it). */
  status: 201 | 202;
  booking: Booking;
}

/** The request as a retry must repeat it. The card counts by its last four and expiry only: no hash of it is kept. */
function fingerprintOf(input: CreateBooking): string {
  const { number, expMonth, expYear, holderName } = input.payment.card;
  const comparable = {
    ...input,
    payment: { ...input.payment, card: { last4: number.slice(-4), expMonth, expYear, holderName } },
  };
  return createHash('sha256').update(JSON.stringify(comparable)).digest('base64url');
}

function replay(existing: Booking, fingerprint: string): Created {
  if (existing.request_fingerprint !== fingerprint) {
    throw new AppError('idempotency-key-reused', 422, 'Unprocessable content', {
      detail: 'This Idempotency-Key was used for a different booking request. Use a new key for a new booking.',
      errors: [{ in: 'headers', field: 'idempotency-key', message: 'already used with a different request' }],
    });
  }
  if (existing.status === 'failed') throw restoreProblem((existing.outcome as { problem: StoredProblem }).problem);
  return { status: existing.status === 'pending' ? 202 : 201, booking: existing };
}

const KIND = { flight: 'flight', room: 'hotel', car: 'car' } as const;

/**
 * Books one item or a whole trip, all or nothing. A retry with the same key returns the first answer and does
 * nothing twice. Prices are checked against search (a changed price is a 409 with the new one); the booking is
 * stored before anything is held or charged, and the saga takes it from there.
 */
export async function createBooking(
  deps: SagaDeps,
  who: Identity,
  key: string,
  input: CreateBooking,
): Promise<Created> {
  const fingerprint = fingerprintOf(input);
  const existing = await findBookingByKey(deps.db, who.userId, key);
  if (existing) return replay(existing, fingerprint);
  return countBookingAttempt(() => bookNew(deps, who, key, input, fingerprint));
}

/** A booking request not seen before: quote, store, then drive the saga. */
async function bookNew(
  deps: SagaDeps,
  who: Identity,
  key: string,
  input: CreateBooking,
  fingerprint: string,
): Promise<Created> {
  const quoted = await deps.search.quote(input.items.map(holdItemOf)).catch((err: unknown) => {
    if (err instanceof InventoryConflict) throw inventoryConflict(err.problem);
    if (err instanceof SearchUnavailable) throw searchUnavailable();
    throw err;
  });
  assertBookable(input.items, quoted);
  const prices = quoted.map((q) =>
    priceItem({ kind: q.listing.kind, unitPrice: q.unitPrice.amount, quantity: q.quantity, units: q.units }),
  );
  const totals = totalOf(prices);
  const items: ItemRow[] = quoted.map((q, position) => ({
    position,
    kind: q.listing.kind,
    listing_id: q.listing.listingId,
    parent_id: q.listing.parentId,
    owner_id: q.listing.ownerId,
    provider_kind: q.listing.provider.kind,
    provider_id: q.listing.provider.id,
    provider_name: q.listing.provider.name,
    title: q.listing.title,
    subtitle: q.listing.subtitle,
    city: q.listing.city,
    start_date: q.listing.startDate,
    end_date: q.listing.endDate,
    quantity: q.quantity,
    units: q.units,
    unit_price_minor: q.unitPrice.amount,
    subtotal_minor: prices[position]!.subtotal,
    taxes_minor: sumOf(prices[position]!.taxes),
    fees_minor: sumOf(prices[position]!.fees),
    request: requestOf(input.items[position]!),
    travelers: travelersOf(input.items[position]!),
    policy: q.listing.policy,
  }));
  const id = randomUUID();
  const booking = {
    id,
    user_id: who.userId,
    kind: items.length === 1 ? KIND[items[0]!.kind] : ('trip' as const),
    idempotency_key: key,
    request_fingerprint: fingerprint,
    contact: input.contact,
    subtotal_minor: totals.subtotal,
    taxes_minor: totals.taxesTotal,
    fees_minor: totals.feesTotal,
    total_minor: totals.total,
    currency: 'USD',
    price_lines: { taxes: totals.taxes, fees: totals.fees },
    starts_on: items.map((i) => i.start_date).sort()[0]!,
    ends_on: items
      .map((i) => i.end_date)
      .sort()
      .at(-1)!,
    billing_name: input.payment.card.holderName,
    billing_address: input.payment.billingAddress,
  };
  const inserted = await deps.db.transaction(async (tx) => {
    if (!(await insertBooking(tx, booking, items, deps.leaseSeconds))) return false;
    await addEvent(
      tx,
      BOOKING_EVENTS_CHANNEL,
      bookingEvent('booking.created', { ...booking, items }, { status: 'pending' }),
    );
    return true;
  });
  if (!inserted) return replay((await findBookingByKey(deps.db, who.userId, key))!, fingerprint);
  deps.eventsWritten();
  deps.checkpoint('started');

  let result: Booking;
  try {
    result = await driveBooking(deps, id, input.payment.card);
  } catch (err) {
    if (!(err instanceof SearchUnavailable || err instanceof PaymentUnavailable)) throw err;
    deps.logger.warn('booking left for recovery to finish', { bookingId: id, err });
    return replay((await findBookingByKey(deps.db, who.userId, key))!, fingerprint);
  }
  if (result.status === 'failed') throw restoreProblem((result.outcome as { problem: StoredProblem }).problem);
  return { status: result.status === 'pending' ? 202 : 201, booking: result };
}

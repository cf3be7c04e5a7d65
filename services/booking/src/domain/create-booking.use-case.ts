import { createHash, randomUUID } from 'node:crypto';
import type { CreateBooking } from '@tripwise/contracts';
import type { Identity } from '@tripwise/platform/auth';
import { AppError } from '@tripwise/platform/errors';
import { InventoryConflict, ItemsRefused, SearchUnavailable } from '../clients/search.client.ts';
import {
  findBooking,
  findBookingByKey,
  insertBooking,
  type Booking,
  type ItemRow,
} from '../data/bookings.repository.ts';
import { findRefusal, freeKey, storeRefusal } from '../data/idempotency.repository.ts';
import { addEvent } from '../data/outbox.repository.ts';
import { PaymentUnavailable } from '../payments/card-processor.ts';
import { assertBookable, holdItemOf, itemRowOf, priceOfQuoted } from './booking-items.rules.ts';
import {
  inventoryConflict,
  isRetryable,
  itemsRefused,
  keyInUse,
  paymentUnavailable,
  restoreProblem,
  searchUnavailable,
  storeProblem,
  type StoredProblem,
} from './booking-problems.ts';
import { BOOKING_EVENTS_CHANNEL, bookingEvent } from './booking-records.ts';
import { driveBooking, type SagaDeps } from './booking-saga.ts';
import type { Payer } from './payment-attempts.ts';
import { totalOf } from '@tripwise/contracts';
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

function assertSameRequest(earlier: string, fingerprint: string): void {
  if (earlier !== fingerprint) {
    throw new AppError('idempotency-key-reused', 422, 'Unprocessable content', {
      detail: 'This Idempotency-Key was used for a different booking request. Use a new key for a new booking.',
      errors: [{ in: 'headers', field: 'idempotency-key', message: 'already used with a different request' }],
    });
  }
}

/** Steps at which a pending booking's card is not authorised yet: it may still fail, so it is not "accepted". */
const BEFORE_AUTHORISATION: readonly Booking['step'][] = ['started', 'held'];

/**
 * What the key has already settled, if anything: its first definite refusal or its booking (201, or 202 once the
 * card is authorised and only the finishing is left). A retryable failure settles nothing: its key is freed and
 * this request is a new attempt. A request still before authorisation under the key is a 409 to retry shortly.
 */
async function settledAnswer(
  deps: SagaDeps,
  userId: string,
  key: string,
  fingerprint: string,
): Promise<Created | undefined> {
  const refusal = await findRefusal(deps.db, userId, key);
  if (refusal) {
    assertSameRequest(refusal.request_fingerprint, fingerprint);
    throw restoreProblem(refusal.problem);
  }
  const existing = await findBookingByKey(deps.db, userId, key);
  if (!existing) return undefined;
  assertSameRequest(existing.request_fingerprint, fingerprint);
  if (existing.status === 'failed') {
    const { problem } = existing.outcome as { problem: StoredProblem };
    if (!isRetryable(problem)) throw restoreProblem(problem);
    await freeKey(deps.db, existing.id, key); // or another retry freed it: look again either way
    return settledAnswer(deps, userId, key, fingerprint);
  }
  if (existing.status === 'pending' && BEFORE_AUTHORISATION.includes(existing.step)) throw keyInUse();
  return { status: existing.status === 'pending' ? 202 : 201, booking: existing };
}

/** After a race on the key: its settled answer, or (freed meanwhile by a retry) a 409 to send again shortly. */
async function settledOrInUse(deps: SagaDeps, userId: string, key: string, fingerprint: string): Promise<Created> {
  const settled = await settledAnswer(deps, userId, key, fingerprint);
  if (!settled) throw keyInUse();
  return settled;
}

/** Search's answer for every item, as the traveler's problem; a definite refusal is kept under the key. */
async function quoteOrRefuse(
  deps: SagaDeps,
  refusal: { userId: string; key: string; fingerprint: string },
  input: CreateBooking,
) {
  try {
    const quoted = await deps.search.quote(input.items.map(holdItemOf)).catch((err: unknown) => {
      if (err instanceof InventoryConflict) throw inventoryConflict(err.problem);
      if (err instanceof ItemsRefused) throw itemsRefused(err.problem);
      if (err instanceof SearchUnavailable) throw searchUnavailable();
      throw err;
    });
    assertBookable(input.items, quoted);
    return quoted;
  } catch (err) {
    if (err instanceof AppError && !isRetryable(err)) {
      await storeRefusal(deps.db, { ...refusal, problem: storeProblem(err) });
    }
    throw err;
  }
}

const KIND = { flight: 'flight', room: 'hotel', car: 'car' } as const;

/** Browsing and planning are open to every account; paying needs a confirmed email address (a way to reach them). */
function assertEmailVerified(who: Identity): void {
  if (who.emailVerified === true) return;
  throw new AppError('email-unverified', 403, 'Forbidden', {
    detail:
      'Confirm your email address before booking: open the link we sent you (or ask for a new one), then try again.',
    extensions: { resend: { method: 'POST', href: '/api/auth/email/resend' } },
  });
}

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
  address = 'unknown',
): Promise<Created> {
  const fingerprint = fingerprintOf(input);
  const settled = await settledAnswer(deps, who.userId, key, fingerprint);
  if (settled) return settled;
  return countBookingAttempt(() => bookNew(deps, who, { key, fingerprint, address }, input));
}

/** A booking request not answered before (a replay is not counted again): quote, store, then drive the saga. */
async function bookNew(
  deps: SagaDeps,
  who: Identity,
  { key, fingerprint, address }: { key: string; fingerprint: string; address: string },
  input: CreateBooking,
): Promise<Created> {
  assertEmailVerified(who);
  const payer: Payer = { userId: who.userId, address };

  const quoted = await quoteOrRefuse(deps, { userId: who.userId, key, fingerprint }, input);
  const prices = quoted.map(priceOfQuoted);
  const totals = totalOf(prices);
  const items: ItemRow[] = quoted.map((q, position) =>
    itemRowOf(q, input.items[position]!, prices[position]!, position),
  );
  await deps.paymentAttempts?.assertMayCharge(payer);
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
  if (!inserted) return settledOrInUse(deps, who.userId, key, fingerprint);
  deps.eventsWritten();
  deps.checkpoint('started');

  let result: Booking;
  try {
    result = await driveBooking(deps, id, input.payment.card);
  } catch (err) {
    if (!(err instanceof SearchUnavailable || err instanceof PaymentUnavailable)) throw err;
    deps.logger.warn('booking left for recovery to finish', { bookingId: id, err });
    const now = await findBooking(deps.db, id);
    // Not authorised yet: recovery will undo it, so "accepted" would be untrue. Nothing was charged; retry later.
    if (now?.status === 'pending' && BEFORE_AUTHORISATION.includes(now.step)) {
      throw err instanceof SearchUnavailable ? searchUnavailable() : paymentUnavailable();
    }
    return settledOrInUse(deps, who.userId, key, fingerprint);
  }
  if (result.status === 'failed') {
    const problem = restoreProblem((result.outcome as { problem: StoredProblem }).problem);
    if (problem.code === 'card-declined') await deps.paymentAttempts?.recordDecline(payer);
    throw problem;
  }
  return { status: result.status === 'pending' ? 202 : 201, booking: result };
}

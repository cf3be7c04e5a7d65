import type { Card, HoldItem } from '@tripwise/contracts';
import type { Db } from '@tripwise/platform/db';
import { AppError } from '@tripwise/platform/errors';
import type { Logger } from '@tripwise/platform/logger';
import { InventoryConflict, SearchUnavailable, type SearchClient } from '../clients/search.client.ts';
import {
  findBooking,
  FINAL_STEPS,
  moveStep,
  type Booking,
  type BookingStep,
  type ItemRow,
} from '../data/bookings.repository.ts';
import { CardDeclined, PaymentUnavailable, type CardProcessor } from '../payments/card-processor.ts';
import {
  cardDeclined,
  holdExpired,
  interrupted,
  inventoryConflict,
  paymentUnavailable,
  searchUnavailable,
  storeProblem,
} from './booking-problems.ts';
import { assertPricesUnchanged, SHOWN_PRICE_FIELD } from './booking-items.rules.ts';
import { recordCancellation, recordConfirmation, recordFailure } from './booking-records.ts';
import { countSagaStep, SAGA_STEP_FROM } from '../booking.metrics.ts';
import type { PaymentAttempts } from './payment-attempts.ts';
import { finishItemCancellations } from './item-cancellation.records.ts';

/** The points between steps where a test may kill the process (FAULT_CRASH_AT), to prove recovery. */
export const CHECKPOINTS = [
  'started',
  'hold-placed',
  'held',
  'payment-authorized',
  'authorized',
  'hold-confirmed-remote',
  'hold-confirmed',
  'payment-captured',
  'confirmed',
  'cancelling',
  'hold-released',
  'refunded',
  'item-cancelling',
  'item-released',
  'item-refunded',
] as const;
export type Checkpoint = (typeof CHECKPOINTS)[number];

export interface SagaDeps {
  db: Db;
  search: SearchClient;
  payments: CardProcessor;
  logger: Logger;
  holdTtlSeconds: number;
  /** How long a worker keeps an unfinished booking before recovery may take it over. */
  leaseSeconds: number;
  checkpoint: (name: Checkpoint) => void;
  /** Wakes the outbox publisher after a commit that wrote events. */
  eventsWritten: () => void;
  /** The shared limit on charges and declines per traveler and per address (card testing). */
  paymentAttempts?: PaymentAttempts;
}

export function holdItemOfRow(item: ItemRow): HoldItem {
  const request = item.request;
  if (item.kind === 'flight') {
    return { kind: 'flight', flightId: item.listing_id, cabin: request.cabin as 'economy', seats: item.quantity };
  }
  if (item.kind === 'room') {
    return {
      kind: 'room',
      roomTypeId: item.listing_id,
      checkIn: item.start_date,
      checkOut: item.end_date,
      rooms: item.quantity,
    };
  }
  return {
    kind: 'car',
    carId: item.listing_id,
    pickupDate: item.start_date,
    dropoffDate: item.end_date,
    pickupTime: typeof request.pickupTime === 'string' ? request.pickupTime : '10:00',
    dropoffTime: typeof request.dropoffTime === 'string' ? request.dropoffTime : '10:00',
  };
}

/**
 * Undoes whatever a booking may have done so far, whether or not it knows it did: releases the hold (search
 * answers 404 if there never was one), voids every authorisation the processor has for it and refunds anything
 * captured, then records the failure and its reason. Each action is idempotent, so running it twice is harmless.
 */
async function compensate(deps: SagaDeps, booking: Booking, reason: AppError): Promise<void> {
  await deps.search.releaseHold(booking.id);
  for (const payment of await deps.payments.paymentsForBooking(booking.id)) {
    if (payment.status === 'requires_capture') await deps.payments.cancel(payment.id);
    const captured = payment.amountReceived - payment.amountRefunded;
    if (payment.status === 'succeeded' && captured > 0) {
      await deps.payments.refund({
        paymentId: payment.id,
        amount: captured,
        idempotencyKey: `compensate-${payment.id}`,
      });
    }
  }
  await recordFailure(deps, booking, storeProblem(reason));
  deps.logger.info('booking failed and was undone', { bookingId: booking.id, reason: reason.code, step: booking.step });
}

/**
 * Moves a booking through its steps from wherever it stands: hold the inventory, authorise the card, confirm the
 * hold, capture the payment, record it (billing and event in one transaction). Each finished step is saved before
 * the next begins. Before the card is authorised, only the traveler's own request (which has the card) can go on:
 * recovery undoes the booking. Once authorised, recovery finishes it. `card` is absent for recovery.
 */
export async function driveBooking(deps: SagaDeps, bookingId: string, card?: Card): Promise<Booking> {
  for (;;) {
    const booking = await findBooking(deps.db, bookingId);
    if (!booking) throw new Error(`booking ${bookingId} vanished`);
    const step: BookingStep = booking.step;
    if (FINAL_STEPS.includes(step)) return booking;
    if (step === 'cancelling') {
      await finishCancellation(deps, booking);
      continue;
    }
    if (step === 'cancelling-item') {
      await finishItemCancellations(deps, booking);
      continue;
    }
    if ((step === 'started' || step === 'held') && !card) {
      await compensate(deps, booking, interrupted());
      continue;
    }
    const failure = await runStep(deps, booking, card);
    if (failure) await compensate(deps, booking, failure);
  }
}

/** One step; a problem when the booking cannot go on (and must be undone). Infrastructure errors propagate. */
async function runStep(deps: SagaDeps, booking: Booking, card: Card | undefined): Promise<AppError | undefined> {
  const { db, search, payments } = deps;
  const move = async (from: BookingStep, to: BookingStep, change = {}) => {
    if (!(await moveStep(db, booking.id, { from: [from], to, leaseSeconds: deps.leaseSeconds }, change))) {
      throw new MovedElsewhere();
    }
  };
  const step = SAGA_STEP_FROM[booking.step];
  try {
    switch (booking.step) {
      case 'started': {
        const hold = await search.placeHold(booking.id, booking.items.map(holdItemOfRow), deps.holdTtlSeconds);
        deps.checkpoint('hold-placed');
        // The hold's prices are the ones that count: a move since the quote is the traveler's to accept.
        assertPricesUnchangedSinceQuote(booking, hold.items);
        await move('started', 'held');
        deps.checkpoint('held');
        countSagaStep(step, 'ok');
        return undefined;
      }
      case 'held': {
        const auth = await payments.authorize({
          bookingId: booking.id,
          amount: booking.total_minor,
          currency: booking.currency,
          card: card!,
          description: `Tripwise booking ${booking.id}`,
        });
        deps.checkpoint('payment-authorized');
        await move('held', 'authorized', {
          payment_id: auth.paymentId,
          card_brand: auth.brand,
          card_last4: auth.last4,
        });
        deps.checkpoint('authorized');
        countSagaStep(step, 'ok');
        return undefined;
      }
      case 'authorized':
        await search.confirmHold(booking.id);
        deps.checkpoint('hold-confirmed-remote');
        await move('authorized', 'hold-confirmed');
        deps.checkpoint('hold-confirmed');
        countSagaStep(step, 'ok');
        return undefined;
      case 'hold-confirmed':
        await payments.capture(booking.payment_id!);
        deps.checkpoint('payment-captured');
        countSagaStep(step, 'ok');
        await recordConfirmation(deps, booking);
        deps.checkpoint('confirmed');
        return undefined;
      case 'done':
      case 'compensated':
      case 'cancelling':
      case 'cancelling-item':
      case 'cancelled':
        return undefined; // driveBooking handles these before a step is run
    }
  } catch (err) {
    if (err instanceof MovedElsewhere) return undefined; // someone else moved it on: look again
    countSagaStep(step, 'failed');
    if (err instanceof AppError && err.code === 'price-changed') return err;
    if (err instanceof InventoryConflict) {
      return booking.step === 'authorized' ? holdExpired() : inventoryConflict(err.problem);
    }
    if (err instanceof CardDeclined) return cardDeclined(err);
    if (err instanceof PaymentUnavailable && booking.step === 'held') return paymentUnavailable();
    if (err instanceof SearchUnavailable && booking.step === 'started') return searchUnavailable();
    throw err;
  }
}

class MovedElsewhere extends Error {}

/** The quoted unit prices (the ones the traveler was shown) against the hold's. */
function assertPricesUnchangedSinceQuote(booking: Booking, held: { unitPrice: { amount: number } }[]): void {
  assertPricesUnchanged(
    booking.items.map((item) => ({ amount: item.unit_price_minor, field: SHOWN_PRICE_FIELD[item.kind] })),
    held,
  );
}

/** Gives the inventory back, refunds what the policy allows, then records it all (billing and events). */
async function finishCancellation(deps: SagaDeps, booking: Booking): Promise<void> {
  await deps.search.releaseHold(booking.id);
  deps.checkpoint('hold-released');
  let refundId: string | null = null;
  if (booking.refund_minor > 0) {
    ({ refundId } = await deps.payments.refund({
      paymentId: booking.payment_id!,
      amount: booking.refund_minor,
      idempotencyKey: `refund-${booking.id}`,
    }));
  }
  deps.checkpoint('refunded');
  await recordCancellation(deps, booking, refundId);
}

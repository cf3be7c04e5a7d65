import { Counter, Gauge, type Metric } from 'prom-client';
import { AppError } from '@tripwise/platform/errors';
import type { BookingStep } from './data/bookings.repository.ts';

// What the business and the on-call read of bookings: attempts by outcome, the saga's steps, recoveries, card
// authorisations and revenue. One set per process, added to the service's registry; every label set starts at 0.

const ATTEMPT_OUTCOMES = ['confirmed', 'accepted', 'declined', 'sold_out', 'price_changed', 'unavailable', 'failed'];
const SAGA_STEPS = ['hold', 'authorise', 'confirm_hold', 'capture', 'confirm'] as const;
const RECOVERY_OUTCOMES = ['finished', 'undone', 'failed'] as const;
const PAYMENT_OUTCOMES = ['authorised', 'declined', 'error'] as const;
export type SagaStep = (typeof SAGA_STEPS)[number];
export type RecoveryOutcome = (typeof RECOVERY_OUTCOMES)[number];
export type PaymentOutcome = (typeof PAYMENT_OUTCOMES)[number];

const attempts = new Counter({
  name: 'booking_attempts_total',
  help: 'POST /api/bookings by outcome (a replayed Idempotency-Key is not counted again)',
  labelNames: ['outcome'] as const,
  registers: [],
});
const sagaSteps = new Counter({
  name: 'booking_saga_steps_total',
  help: 'Saga steps run, by step and outcome',
  labelNames: ['step', 'outcome'] as const,
  registers: [],
});
const recoveries = new Counter({
  name: 'booking_saga_recoveries_total',
  help: 'Bookings the recovery worker took over, by what it did',
  labelNames: ['outcome'] as const,
  registers: [],
});
export const awaitingRecovery = new Gauge({
  name: 'booking_saga_awaiting_recovery',
  help: 'Bookings neither confirmed nor undone whose lease has run out (counted at each recovery pass)',
  registers: [],
});
const payments = new Counter({
  name: 'booking_payments_total',
  help: 'Card authorisations by outcome',
  labelNames: ['outcome'] as const,
  registers: [],
});
const revenue = new Counter({
  name: 'booking_revenue_minor_units_total',
  help: 'Amounts captured, in minor units of the currency, by currency and kind of item',
  labelNames: ['currency', 'kind'] as const,
  registers: [],
});

for (const outcome of ATTEMPT_OUTCOMES) attempts.inc({ outcome }, 0);
for (const step of SAGA_STEPS) for (const outcome of ['ok', 'failed']) sagaSteps.inc({ step, outcome }, 0);
for (const outcome of RECOVERY_OUTCOMES) recoveries.inc({ outcome }, 0);
for (const outcome of PAYMENT_OUTCOMES) payments.inc({ outcome }, 0);
for (const kind of ['flight', 'hotel', 'car']) revenue.inc({ currency: 'USD', kind }, 0);
awaitingRecovery.set(0);

export const BOOKING_METRICS: Metric[] = [attempts, sagaSteps, recoveries, awaitingRecovery, payments, revenue];

const ATTEMPT_OUTCOME_OF_PROBLEM: Record<string, string> = {
  'card-declined': 'declined',
  'sold-out': 'sold_out',
  'price-changed': 'price_changed',
};

/** Runs a new booking attempt (not a replay) and counts how it ended. */
export async function countBookingAttempt<T extends { status: 201 | 202 }>(attempt: () => Promise<T>): Promise<T> {
  try {
    const created = await attempt();
    attempts.inc({ outcome: created.status === 201 ? 'confirmed' : 'accepted' });
    return created;
  } catch (err) {
    const known = err instanceof AppError ? ATTEMPT_OUTCOME_OF_PROBLEM[err.code] : undefined;
    const outcome = known ?? (err instanceof AppError && err.status === 503 ? 'unavailable' : 'failed');
    attempts.inc({ outcome });
    throw err;
  }
}

/** The saga step that runs from each step a booking can stand at. */
export const SAGA_STEP_FROM: Partial<Record<BookingStep, SagaStep>> = {
  started: 'hold',
  held: 'authorise',
  authorized: 'confirm_hold',
  'hold-confirmed': 'capture',
};

export function countSagaStep(step: SagaStep | undefined, outcome: 'ok' | 'failed'): void {
  if (step) sagaSteps.inc({ step, outcome });
}

export function countRecovery(outcome: RecoveryOutcome): void {
  recoveries.inc({ outcome });
}

export function countPayment(outcome: PaymentOutcome): void {
  payments.inc({ outcome });
}

const REVENUE_KIND = { flight: 'flight', room: 'hotel', car: 'car' } as const;

/** Counts a captured booking's amounts by the kind of each item (after the transaction that billed it). */
export function countRevenue(
  currency: string,
  items: { kind: keyof typeof REVENUE_KIND; subtotal_minor: number; taxes_minor: number; fees_minor: number }[],
): void {
  for (const item of items) {
    const amount = item.subtotal_minor + item.taxes_minor + item.fees_minor;
    revenue.inc({ currency, kind: REVENUE_KIND[item.kind] }, amount);
  }
}

import { createHash } from 'node:crypto';
import type { SeedBookingRow, SeedItemRow } from '../../data/seed.writer.ts';
import { itemRowOf, priceOfQuoted } from '../booking-items.rules.ts';
import { totalOf, type ItemPrice } from '@tripwise/contracts';
import type { BuiltBooking } from './build-bookings.ts';
import type { Outcome } from './seed-outcome.ts';

const KIND = { flight: 'flight', room: 'hotel', car: 'car' } as const;
/** BOOKING_LEASE_SECONDS' default: each step renews the lease by that much. */
const LEASE_MS = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

export function pricesOf(booking: BuiltBooking): ItemPrice[] {
  return booking.legs.map(({ quoted }) => priceOfQuoted(quoted));
}

export type SeedCard = ReturnType<typeof cardOf>;

/** The card as the traveler typed it, less the number: what the request fingerprint keeps. */
export function cardOf(booking: BuiltBooking) {
  const { traveler, rng } = booking.plan;
  const year = new Date(booking.plan.createdAt).getUTCFullYear();
  return {
    last4: traveler.card.last4,
    expMonth: rng.int(1, 12),
    expYear: year + rng.int(1, 5),
    holderName: `${traveler.firstName} ${traveler.lastName}`,
  };
}

/** The same digest createBooking keeps of a request (with the card reduced to its last four digits and expiry). */
function fingerprintOf(booking: BuiltBooking, card: SeedCard): string {
  const { traveler } = booking.plan;
  const comparable = {
    items: booking.legs.map((l) => l.input),
    contact: { email: traveler.email, phone: traveler.phone },
    payment: { card, billingAddress: traveler.address },
  };
  return createHash('sha256').update(JSON.stringify(comparable)).digest('base64url');
}

export function itemRows(booking: BuiltBooking, prices: ItemPrice[]): SeedItemRow[] {
  return booking.legs.map(({ quoted, input }, position) => {
    const row = itemRowOf(quoted, input, prices[position]!, position);
    return {
      ...row,
      booking_id: booking.plan.id,
      request: JSON.stringify(row.request),
      travelers: JSON.stringify(row.travelers),
      policy: JSON.stringify(row.policy),
    };
  });
}

/** Deterministic processor ids shaped like the simulator's (`pi_` or `re_` and 16 characters). */
export const processorId = (prefix: 'pi' | 're', bookingId: string) =>
  `${prefix}_${createHash('sha256').update(`${prefix}:${bookingId}`).digest().subarray(0, 12).toString('base64url')}`;

/** The booking row as the saga leaves it: done, compensated or cancelled, with its totals and outcome. */
export function bookingRow(
  booking: BuiltBooking,
  items: SeedItemRow[],
  prices: ItemPrice[],
  outcome: Outcome,
  card: SeedCard,
): SeedBookingRow {
  const { plan } = booking;
  const totals = totalOf(prices);
  const charged = outcome.status !== 'failed';
  const refund = outcome.status === 'cancelled' ? outcome.refunds.reduce((sum, r) => sum + r.amount, 0) : 0;
  const updated =
    outcome.status === 'failed'
      ? outcome.at
      : outcome.status === 'cancelled'
        ? outcome.cancelledAt
        : outcome.capturedAt;
  const outcomeJson =
    outcome.status === 'failed'
      ? { problem: outcome.problem }
      : outcome.status === 'cancelled'
        ? { items: outcome.refunds.map((r, position) => ({ position, refund: r.amount, rule: r.rule })) }
        : null;
  return {
    id: plan.id,
    user_id: plan.traveler.id,
    status: outcome.status,
    step: outcome.status === 'failed' ? 'compensated' : outcome.status === 'cancelled' ? 'cancelled' : 'done',
    kind: items.length === 1 ? KIND[booking.legs[0]!.quoted.listing.kind] : 'trip',
    idempotency_key: plan.idempotencyKey,
    request_fingerprint: fingerprintOf(booking, card),
    contact: JSON.stringify({ email: plan.traveler.email, phone: plan.traveler.phone }),
    subtotal_minor: totals.subtotal,
    taxes_minor: totals.taxesTotal,
    fees_minor: totals.feesTotal,
    total_minor: totals.total,
    currency: 'USD',
    price_lines: JSON.stringify({ taxes: totals.taxes, fees: totals.fees }),
    starts_on: items.map((i) => i.start_date).sort()[0]!,
    ends_on: items
      .map((i) => i.end_date)
      .sort()
      .at(-1)!,
    payment_id: charged ? processorId('pi', plan.id) : null,
    card_brand: charged ? plan.traveler.card.brand : null,
    card_last4: charged ? card.last4 : null,
    billing_name: card.holderName,
    billing_address: JSON.stringify(plan.traveler.address),
    outcome: outcomeJson && JSON.stringify(outcomeJson),
    refund_minor: refund,
    lease_until: iso(updated + LEASE_MS),
    created_at: iso(plan.createdAt),
    updated_at: iso(updated),
    cancelled_at: outcome.status === 'cancelled' ? iso(outcome.cancelledAt) : null,
  };
}

import { CardDeclined } from '../../payments/card-processor.ts';
import { cardDeclined, storeProblem, type StoredProblem } from '../booking-problems.ts';
import { refundFor, type RefundRule } from '@tripwise/contracts';
import type { ItemPrice } from '@tripwise/contracts';
import type { BuiltBooking } from './build-bookings.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const DECLINES = [
  new CardDeclined('card_declined', 'generic_decline', 'Your card was declined.'),
  new CardDeclined('card_declined', 'insufficient_funds', 'Your card has insufficient funds.'),
];

/** How a booking ended: declined, confirmed (captured), or confirmed and later cancelled with refunds per policy. */
export type Outcome =
  | { status: 'failed'; at: number; problem: StoredProblem }
  | { status: 'confirmed'; capturedAt: number }
  | {
      status: 'cancelled';
      capturedAt: number;
      cancelledAt: number;
      refunds: { amount: number; rule: RefundRule }[];
    };

/**
 * When the traveler cancelled, if a cancellation can still happen: after the capture, before now, and before the
 * trip has started (a trip that has entirely started cannot be cancelled).
 */
function cancellationTime(booking: BuiltBooking, capturedAt: number, now: number): number | undefined {
  const { plan } = booking;
  const firstStart = Math.min(...booking.legs.map((l) => Date.parse(l.quoted.listing.policy.startsAt)));
  const earliest = capturedAt + 2 * MINUTE_MS;
  const latest = Math.min(firstStart - 5 * MINUTE_MS, now - MINUTE_MS);
  if (!plan.cancel || latest <= earliest) return undefined;
  const u = plan.rng.next();
  switch (plan.cancel) {
    case 'soon':
      return earliest + u * Math.min(24 * HOUR_MS - 3 * MINUTE_MS, latest - earliest);
    case 'late': {
      const from = Math.max(earliest, firstStart - 72 * HOUR_MS);
      return from < latest ? from + u * (latest - from) : earliest + u * (latest - earliest);
    }
    case 'any':
      return earliest + u * (latest - earliest);
  }
}

export function decideOutcome(booking: BuiltBooking, prices: ItemPrice[], now: Date): Outcome {
  const { plan } = booking;
  const { rng } = plan;
  if (plan.declined) {
    const problem = storeProblem(cardDeclined(rng.pick(DECLINES)));
    return { status: 'failed', at: plan.createdAt + rng.int(900, 2_500), problem };
  }
  // Hold, authorise, confirm the hold, capture: a second or few after the booking was made.
  const capturedAt = plan.createdAt + rng.int(1_200, 4_500);
  const cancelledAt = cancellationTime(booking, capturedAt, now.getTime());
  if (cancelledAt === undefined) return { status: 'confirmed', capturedAt };
  const at = Math.round(cancelledAt);
  const refunds = booking.legs.map((leg, i) => {
    const price = prices[i]!;
    const gross =
      price.subtotal + price.taxes.reduce((s, l) => s + l.amount, 0) + price.fees.reduce((s, l) => s + l.amount, 0);
    return refundFor(
      {
        kind: leg.quoted.listing.kind,
        unitPrice: leg.quoted.unitPrice.amount,
        quantity: leg.quoted.quantity,
        units: leg.quoted.units,
        subtotal: price.subtotal,
        gross,
        policy: leg.quoted.listing.policy,
      },
      new Date(plan.createdAt),
      new Date(at),
    );
  });
  return { status: 'cancelled', capturedAt, cancelledAt: at, refunds };
}

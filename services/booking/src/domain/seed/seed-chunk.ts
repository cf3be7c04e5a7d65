import type { Queryable } from '@tripwise/platform/db';
import {
  stageMoney,
  writeBookings,
  writePayments,
  type SeedBookingRow,
  type SeedItemRow,
} from '../../data/seed.writer.ts';
import { bookingRow, cardOf, itemRows, pricesOf } from './booking-rows.ts';
import { buildBookings, type BuiltBooking, type SeedWorld } from './build-bookings.ts';
import { moneyRows, type MoneyRows } from './money-rows.ts';
import type { BookingPlan } from './plan-bookings.ts';
import { dayBefore } from '@tripwise/travel-data';
import { decideOutcome } from './seed-outcome.ts';
import type { Need, UpcomingCapacity } from './upcoming-capacity.ts';

/** What the chunks add up to (their billing and sales are staged, then written once at the end). */
export interface SeedTally {
  bookings: number;
  items: number;
  skipped: number;
  users: Set<string>;
  holds: { bookingId: string; positions: number[] }[];
}

export const emptyTally = (): SeedTally => ({ bookings: 0, items: 0, skipped: 0, users: new Set(), holds: [] });

/** What an upcoming booking takes in search, for the items search lists. */
function needsOf(booking: BuiltBooking, positions: number[]): Need[] {
  return positions.map((position) => {
    const leg = booking.legs[position]!;
    const { input } = leg;
    if (input.kind === 'flight') {
      return {
        kind: 'seats',
        flightId: leg.listingId,
        cabin: input.cabin,
        left: leg.capacity,
        quantity: input.passengers.length,
      };
    }
    if (input.kind === 'hotel') {
      const last = dayBefore(input.checkOut);
      return {
        kind: 'room',
        listingId: leg.listingId,
        units: leg.capacity,
        first: input.checkIn,
        last,
        quantity: input.rooms,
      };
    }
    return {
      kind: 'car',
      listingId: leg.listingId,
      units: leg.capacity,
      first: input.pickupDate,
      last: input.dropoffDate,
      quantity: 1,
    };
  });
}

/**
 * Builds, prices and settles a chunk of plans, then writes its bookings, items and payments. An upcoming booking
 * whose inventory is no longer free beside the others is left out, as search would have refused it.
 */
export async function seedChunk(
  tx: Queryable,
  world: SeedWorld,
  plans: readonly BookingPlan[],
  context: { now: Date; today: string; capacity: UpcomingCapacity; tally: SeedTally },
): Promise<void> {
  const { tally } = context;
  const built = await buildBookings(world, plans);
  tally.skipped += plans.length - built.length;
  const bookings: SeedBookingRow[] = [];
  const items: SeedItemRow[] = [];
  const money: MoneyRows = { payments: [], intents: [], simRefunds: [], billing: [], sales: [] };
  for (const booking of built) {
    const prices = pricesOf(booking);
    const outcome = decideOutcome(booking, prices, context.now);
    const rows = itemRows(booking, prices);
    const card = cardOf(booking);
    const row = bookingRow(booking, rows, prices, outcome, card);
    if (outcome.status === 'confirmed' && row.ends_on >= context.today) {
      const positions = booking.legs.flatMap((leg, position) => (leg.listed ? [position] : []));
      if (!context.capacity.take(needsOf(booking, positions))) {
        tally.skipped += 1;
        continue;
      }
      if (positions.length > 0) tally.holds.push({ bookingId: row.id, positions });
    }
    const capturedAt = outcome.status === 'failed' ? 0 : outcome.capturedAt;
    const settled = moneyRows(row, rows, { capturedAt, expMonth: card.expMonth, expYear: card.expYear });
    bookings.push(row);
    items.push(...rows);
    money.payments.push(...settled.payments);
    money.intents.push(...settled.intents);
    money.simRefunds.push(...settled.simRefunds);
    money.billing.push(...settled.billing);
    money.sales.push(...settled.sales);
    tally.users.add(row.user_id);
  }
  await writeBookings(tx, bookings, items);
  await writePayments(tx, money.payments, money.intents, money.simRefunds);
  await stageMoney(tx, money.billing, money.sales);
  tally.bookings += bookings.length;
  tally.items += items.length;
}

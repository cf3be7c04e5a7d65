import { describe, expect, test } from 'vitest';
import { bookingRequest, carItem, flightItem, aBookingStackForThisFile, hotelItem } from './given-a-booking-stack.ts';

// Two hundred travelers pay from this one address at once: its card-testing limit is lifted for them.
const { stack, inventory } = aBookingStackForThisFile({
  PAYMENT_ATTEMPTS_PER_15_MINUTES: 1_000,
  CARD_DECLINES_PER_HOUR: 1_000,
});

const ATTEMPTS = 200;

/** ATTEMPTS travelers, each with a key of their own, all at once. */
async function everyoneBooks(item: unknown) {
  const tokens = await Promise.all(Array.from({ length: ATTEMPTS }, () => stack.token()));
  const answers = await Promise.all(tokens.map((t) => stack.book(t, bookingRequest([item]))));
  const count = (status: number) => answers.filter((a) => a.status === status).length;
  return {
    answers,
    confirmed: count(201),
    soldOut: count(409),
    other: answers.filter((a) => ![201, 409].includes(a.status)),
  };
}

describe('POST /api/bookings under contention', () => {
  test(`When ${ATTEMPTS} travelers try for the last 10 seats at once, then exactly 10 are booked and charged and the rest are told 409`, async () => {
    const flight = await inventory.flight({ seats: 10 });
    const result = await everyoneBooks(flightItem(flight));
    expect(result.other.map((a) => a.body)).toEqual([]);
    expect(result.confirmed).toBe(10);
    expect(result.soldOut).toBe(ATTEMPTS - 10);
    expect(await stack.seatsTaken(flight)).toBe(10);
    const charged = await stack.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sim_payment_intents WHERE status = 'succeeded' AND metadata ->> 'booking_id' = ANY($1::text[])`,
      [result.answers.map((a) => a.body.id).filter(Boolean)],
    );
    expect(charged.rows[0]!.n).toBe(10);
  });

  test(`When ${ATTEMPTS} travelers try for the last room for a stay at once, then exactly one is booked`, async () => {
    const room = await inventory.roomType({ units: 1 });
    const result = await everyoneBooks(hotelItem(room));
    expect(result.other.map((a) => a.body)).toEqual([]);
    expect(result.confirmed).toBe(1);
    expect(result.soldOut).toBe(ATTEMPTS - 1);
  });

  test(`When ${ATTEMPTS} travelers try for the last car at once, then exactly one is booked`, async () => {
    const car = await inventory.car({ units: 1 });
    const result = await everyoneBooks(carItem(car));
    expect(result.other.map((a) => a.body)).toEqual([]);
    expect(result.confirmed).toBe(1);
    expect(result.soldOut).toBe(ATTEMPTS - 1);
    // Nobody who lost was left with an authorisation on their card.
    const open = await stack.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sim_payment_intents WHERE status = 'requires_capture'`,
    );
    expect(open.rows[0]!.n).toBe(0);
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { bookingRequest, CARDS, flightItem, aBookingStackForThisFile } from './given-a-booking-stack.ts';

/*
 * What an Idempotency-Key settles (README, "Idempotency"): the first definite answer — a booking (201, or 202 once
 * the card is authorised), or a refusal (sold out, price changed, declined) — is replayed to every retry with the key.
 * A failure that is nobody's fault (503: a dependency did not answer, and what was done was undone) settles nothing.
 */
const { stack, inventory } = aBookingStackForThisFile();

const bookingsOf = async (userId: string) =>
  (
    await stack.db.query<{ status: string; step: string }>(
      'SELECT status, step FROM bookings WHERE user_id = $1 ORDER BY created_at',
      [userId],
    )
  ).rows;

describe('Idempotency-Key on POST /api/bookings', () => {
  test('When the card processor keeps failing, then every retry with the key is a new attempt with its Retry-After', async () => {
    const flight = await inventory.flight({ seats: 5 });
    const userId = randomUUID();
    const traveler = await stack.token('traveler', userId);
    const key = randomUUID();
    const body = bookingRequest([flightItem(flight)], CARDS.processorDown);

    for (let attempt = 1; attempt <= 2; attempt++) {
      const res = await stack.book(traveler, body, key);
      expect(res).toMatchObject({ status: 503, body: { type: '/problems/payment-unavailable' } });
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect(await bookingsOf(userId)).toEqual([
      { status: 'failed', step: 'compensated' },
      { status: 'failed', step: 'compensated' },
    ]);
    expect(await stack.seatsTaken(flight)).toBe(0);
  });

  test('When the processor cannot be reached before authorising, then it is a 503 not a 202, the key waits for the undo, then books', async () => {
    const flight = await inventory.flight({ seats: 5 });
    const userId = randomUUID();
    const traveler = await stack.token('traveler', userId);
    const key = randomUUID();
    const body = bookingRequest([flightItem(flight)]);

    stack.processorLink.set('refuse');
    const cut = await stack.book(traveler, body, key);
    expect(cut).toMatchObject({ status: 503, body: { type: '/problems/payment-unavailable' } });
    expect(cut.headers.get('retry-after')).toMatch(/^\d+$/);
    // Not authorised, not undone yet either (the processor could not be asked what it did): the key is still busy.
    const busy = await stack.book(traveler, body, key);
    expect(busy).toMatchObject({ status: 409, body: { type: '/problems/idempotency-key-in-use' } });
    expect(busy.headers.get('retry-after')).toBe('1');

    stack.processorLink.set('forward');
    await stack.db.query(`UPDATE bookings SET lease_until = now() - interval '1 second' WHERE user_id = $1`, [userId]);
    expect(await stack.service.recoverBookings()).toBe(1);
    const booked = await stack.book(traveler, body, key);
    expect(booked).toMatchObject({ status: 201, body: { status: 'confirmed' } });
    expect(await stack.book(traveler, body, key)).toMatchObject({ status: 201, body: { id: booked.body.id } });
    expect(await bookingsOf(userId)).toEqual([
      { status: 'failed', step: 'compensated' },
      { status: 'confirmed', step: 'done' },
    ]);
    expect(await stack.seatsTaken(flight)).toBe(1);
    expect(await stack.processorPayments(booked.body.id)).toHaveLength(1);
  });

  test('When a request is refused as sold out, then its key replays the refusal even once seats are free again', async () => {
    const flight = await inventory.flight({ seats: 0 });
    const traveler = await stack.token();
    const key = randomUUID();
    const body = bookingRequest([flightItem(flight)]);

    const refused = await stack.book(traveler, body, key);
    expect(refused).toMatchObject({ status: 409, body: { type: '/problems/sold-out' } });
    await stack.search.db.query('UPDATE flight_cabins SET seats_total = 5 WHERE flight_id = $1', [flight]);

    expect(await stack.book(traveler, body, key)).toMatchObject({ status: 409, body: { type: '/problems/sold-out' } });
    expect(await stack.seatsTaken(flight)).toBe(0);
    expect(await stack.book(traveler, body)).toMatchObject({ status: 201 });
  });

  test('When a refused key is sent with a different request, then it is a 422 naming the key', async () => {
    const flight = await inventory.flight({ seats: 0 });
    const traveler = await stack.token();
    const key = randomUUID();
    expect((await stack.book(traveler, bookingRequest([flightItem(flight)]), key)).status).toBe(409);
    const other = await stack.book(traveler, bookingRequest([flightItem(flight, 2)]), key);
    expect(other).toMatchObject({ status: 422, body: { errors: [{ field: 'idempotency-key' }] } });
  });

  test('When one key is sent five times at once with a declining card, then every answer is the decline or "still being processed", never 202', async () => {
    const flight = await inventory.flight({ seats: 5 });
    const traveler = await stack.token();
    const key = randomUUID();
    const body = bookingRequest([flightItem(flight)], CARDS.declined);
    const answers = await Promise.all(Array.from({ length: 5 }, () => stack.book(traveler, body, key)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 402 || s === 409)).toBe(true);
    expect(statuses).toContain(402);
    expect(await stack.book(traveler, body, key)).toMatchObject({ status: 402 });
    expect(await stack.seatsTaken(flight)).toBe(0);
  });
});

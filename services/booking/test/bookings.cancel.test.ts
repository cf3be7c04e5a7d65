import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { BOOKING_EVENTS_CHANNEL } from '../src/domain/booking-records.ts';
import {
  bookingRequest,
  carItem,
  flightItem,
  aBookingStackForThisFile,
  hotelItem,
  inDays,
} from './given-a-booking-stack.ts';

const { stack, inventory } = aBookingStackForThisFile();

const cancel = (token: string, id: string) => stack.call(token, 'POST', `/api/bookings/${id}/cancel`);
/** Makes a booking look as if it was made some hours ago (the 24-hour rule counts from then). */
const bookedHoursAgo = (id: string, hours: number) =>
  stack.db.query(`UPDATE bookings SET created_at = now() - make_interval(hours => $2) WHERE id = $1`, [id, hours]);

describe('POST /api/bookings/:id/cancel', () => {
  test('When a stay is cancelled inside its free window, then all of it is refunded, the rooms come back and it is billed and announced', async () => {
    const room = await inventory.roomType({ units: 1, refundWindowHours: 48 });
    const me = await stack.token();
    const booked = await stack.book(me, bookingRequest([hotelItem(room)]));
    const events: { type: string; bookingId: string }[] = [];
    const unsubscribe = await stack.kv.subscribe(BOOKING_EVENTS_CHANNEL, (m) => events.push(JSON.parse(m)));

    const res = await cancel(me, booked.body.id);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      cancellation: { refund: booked.body.price.total, items: [{ position: 0, rule: 'free-cancellation' }] },
      billing: [{ kind: 'payment' }, { kind: 'refund', amount: booked.body.price.total }],
    });
    expect(await stack.processorPayments(booked.body.id)).toMatchObject([
      { amount_refunded: booked.body.price.total.amount },
    ]);
    // The room is free again: someone else can book it.
    expect((await stack.book(await stack.token(), bookingRequest([hotelItem(room)]))).status).toBe(201);
    await expect
      .poll(() => events.filter((e) => e.bookingId === booked.body.id).map((e) => e.type))
      .toEqual(['booking.cancelled', 'booking.refunded']);
    await unsubscribe();
  });

  test('When a stay is cancelled after its free window, then one night (and its tax) is kept', async () => {
    const room = await inventory.roomType({ units: 1, refundWindowHours: 24 * 40 });
    const me = await stack.token();
    const booked = await stack.book(me, bookingRequest([hotelItem(room, inDays(30), inDays(33))]));
    const res = await cancel(me, booked.body.id);
    // 3 nights × $180 + 12% tax = $604.80; one night kept ($201.60): $403.20 back.
    expect(res.body.cancellation).toMatchObject({
      refund: { amount: 40_320 },
      items: [{ rule: 'late-keeps-one-unit' }],
    });
  });

  test('When a non-refundable fare booked days ago is cancelled, then nothing is refunded but the seat is released', async () => {
    const flight = await inventory.flight({ seats: 3, refundable: false, inDays: 20 });
    const me = await stack.token();
    const booked = await stack.book(me, bookingRequest([flightItem(flight)]));
    await bookedHoursAgo(booked.body.id, 48);
    const res = await cancel(me, booked.body.id);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      cancellation: { refund: { amount: 0 }, items: [{ rule: 'non-refundable' }] },
    });
    expect(res.body.billing).toHaveLength(1);
    expect(await stack.seatsTaken(flight)).toBe(0);
  });

  test('When a non-refundable fare is cancelled within 24 hours of booking, a week or more before departure, then it is refunded in full', async () => {
    const flight = await inventory.flight({ seats: 3, refundable: false, inDays: 20 });
    const me = await stack.token();
    const booked = await stack.book(me, bookingRequest([flightItem(flight)]));
    const res = await cancel(me, booked.body.id);
    expect(res.body.cancellation).toMatchObject({
      refund: booked.body.price.total,
      items: [{ rule: 'within-24-hours' }],
    });
  });

  test('When a car is cancelled twice, then the second answers the same cancellation and refunds nothing more', async () => {
    const car = await inventory.car({ units: 1 });
    const me = await stack.token();
    const booked = await stack.book(me, bookingRequest([carItem(car)]));
    const [first, second] = [await cancel(me, booked.body.id), await cancel(me, booked.body.id)];
    expect(second).toMatchObject({ status: 200, body: { status: 'cancelled', cancellation: first.body.cancellation } });
    const refunds = await stack.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sim_refunds WHERE payment_intent = $1`,
      [(await stack.processorPayments(booked.body.id))[0]!.id],
    );
    expect(refunds.rows[0]!.n).toBe(1);
  });

  test('When an admin cancels a traveler’s booking, then it is cancelled; an owner or another traveler may not', async () => {
    const ownerId = randomUUID();
    const room = await inventory.roomType({ units: 2, ownerId });
    const booked = await stack.book(await stack.token(), bookingRequest([hotelItem(room)]));
    expect((await cancel(await stack.token('owner', ownerId), booked.body.id)).status).toBe(403);
    expect((await cancel(await stack.token(), booked.body.id)).status).toBe(404);
    expect((await cancel(await stack.token('admin'), booked.body.id)).body.status).toBe('cancelled');
  });

  test('When a trip has started, then it can no longer be cancelled (409)', async () => {
    const flight = await inventory.flight({ seats: 3, inDays: 5 });
    const me = await stack.token();
    const booked = await stack.book(me, bookingRequest([flightItem(flight)]));
    await stack.db.query(
      `UPDATE booking_items SET policy = jsonb_set(policy, '{startsAt}', to_jsonb(now() - interval '1 hour')) WHERE booking_id = $1`,
      [booked.body.id],
    );
    expect((await cancel(me, booked.body.id)).body).toMatchObject({ status: 409, type: '/problems/already-started' });
  });
});

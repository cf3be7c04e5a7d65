import { describe, expect, test } from 'vitest';
import { BOOKING_EVENTS_CHANNEL } from '../src/domain/booking-records.ts';
import { bookingRequest, carItem, flightItem, aBookingStackForThisFile, hotelItem } from './given-a-booking-stack.ts';

const { stack, inventory } = aBookingStackForThisFile();

const cancelItem = (token: string | null, id: string, position: number | string) =>
  stack.call(token, 'POST', `/api/bookings/${id}/items/${position}/cancel`);
const grossOf = (item: { subtotal: { amount: number }; taxes: { amount: number }; fees: { amount: number } }) =>
  item.subtotal.amount + item.taxes.amount + item.fees.amount;
const refundsOf = async (bookingId: string) =>
  (
    await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sim_refunds WHERE payment_intent = $1`, [
      (await stack.processorPayments(bookingId))[0]!.id,
    ])
  ).rows[0]!.n;

describe('POST /api/bookings/:id/items/:position/cancel', () => {
  test('When the stay of a trip is cancelled inside its free window, then only it is refunded and billed, its room comes back, and the flight and car stay booked', async () => {
    const [flight, room, car] = [
      await inventory.flight({ seats: 3 }),
      await inventory.roomType({ units: 1, refundWindowHours: 48 }),
      await inventory.car({ units: 1 }),
    ];
    const me = await stack.token();
    const booked = await stack.book(me, bookingRequest([flightItem(flight), hotelItem(room), carItem(car)]));
    const stay = booked.body.items[1];
    const events: { type: string; bookingId: string; position?: number }[] = [];
    const unsubscribe = await stack.kv.subscribe(BOOKING_EVENTS_CHANNEL, (m) => events.push(JSON.parse(m)));

    const res = await cancelItem(me, booked.body.id, 1);

    expect(res).toMatchObject({
      status: 200,
      body: {
        status: 'confirmed',
        cancellation: null,
        items: [
          { position: 0, cancellation: null },
          {
            position: 1,
            cancellation: { status: 'cancelled', refund: { amount: grossOf(stay) }, rule: 'free-cancellation' },
          },
          { position: 2, cancellation: null },
        ],
        billing: [{ kind: 'payment' }, { kind: 'refund', amount: { amount: grossOf(stay) } }],
      },
    });
    expect(await stack.processorPayments(booked.body.id)).toMatchObject([{ amount_refunded: grossOf(stay) }]);
    // The room is free again for anyone; the flight's seat and the car are still taken by this trip.
    expect((await stack.book(await stack.token(), bookingRequest([hotelItem(room)]))).status).toBe(201);
    expect(await stack.seatsTaken(flight)).toBe(1);
    expect((await stack.book(await stack.token(), bookingRequest([carItem(car)]))).status).toBe(409);
    // Announced as this item's cancellation (the trip itself is not cancelled).
    const cancellations = () =>
      events
        .filter((e) => e.bookingId === booked.body.id && e.type.includes('cancelled'))
        .map((e) => [e.type, e.position]);
    await expect.poll(cancellations).toEqual([['booking.item-cancelled', 1]]);
    await unsubscribe();
  });

  test('When an item is cancelled twice, then it is refunded once; cancelling the last item left cancels the trip, and all is refunded', async () => {
    const [flight, car] = [await inventory.flight({ seats: 3, inDays: 20 }), await inventory.car({ units: 2 })];
    const me = await stack.token();
    const booked = await stack.book(me, bookingRequest([flightItem(flight), carItem(car)]));

    const [first, second] = [await cancelItem(me, booked.body.id, 1), await cancelItem(me, booked.body.id, 1)];
    expect(second).toMatchObject({ status: 200, body: { status: 'confirmed', items: first.body.items } });
    expect(await refundsOf(booked.body.id)).toBe(1);

    const last = await cancelItem(me, booked.body.id, 0);

    expect(last).toMatchObject({
      status: 200,
      body: {
        status: 'cancelled',
        // The flight was booked minutes ago, weeks before departure: the 24-hour rule gives it all back.
        cancellation: { refund: booked.body.price.total, items: [{ position: 0, rule: 'within-24-hours' }] },
        billing: [{ kind: 'payment' }, { kind: 'refund' }, { kind: 'refund' }],
      },
    });
    expect(await stack.processorPayments(booked.body.id)).toMatchObject([
      { amount_refunded: booked.body.price.total.amount },
    ]);
    expect(await stack.seatsTaken(flight)).toBe(0);
  });

  test('When a whole trip is cancelled after one of its items, then only the rest is refunded by that cancellation', async () => {
    const [room, car] = [await inventory.roomType({ units: 2 }), await inventory.car({ units: 2 })];
    const me = await stack.token();
    const booked = await stack.book(me, bookingRequest([hotelItem(room), carItem(car)]));
    await cancelItem(me, booked.body.id, 1);

    const res = await stack.call(me, 'POST', `/api/bookings/${booked.body.id}/cancel`);

    expect(res.body).toMatchObject({
      status: 'cancelled',
      cancellation: { refund: booked.body.price.total, items: [{ position: 0, rule: 'free-cancellation' }] },
    });
    expect(res.body.cancellation.items).toHaveLength(1);
    expect(await refundsOf(booked.body.id)).toBe(2);
  });

  test('When the item has started, is not there, or the booking is not the caller’s, then it is a 409, 404 or 400 naming the field', async () => {
    const [flight, car] = [await inventory.flight({ seats: 3, inDays: 5 }), await inventory.car({ units: 2 })];
    const me = await stack.token();
    const booked = await stack.book(me, bookingRequest([flightItem(flight), carItem(car)]));
    await stack.db.query(
      `UPDATE booking_items SET policy = jsonb_set(policy, '{startsAt}', to_jsonb(now() - interval '1 hour'))
       WHERE booking_id = $1 AND position = 0`,
      [booked.body.id],
    );

    expect(await cancelItem(me, booked.body.id, 0)).toMatchObject({
      status: 409,
      body: { type: '/problems/already-started' },
    });
    expect((await cancelItem(me, booked.body.id, 7)).status).toBe(404);
    expect((await cancelItem(await stack.token(), booked.body.id, 1)).status).toBe(404);
    expect((await cancelItem(me, booked.body.id, 'first')).body.errors[0].field).toBe('position');
    expect((await cancelItem(null, booked.body.id, 1)).status).toBe(401);
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { BOOKING_EVENTS_CHANNEL } from '../src/domain/booking-records.ts';
import {
  bookingRequest,
  CARDS,
  carItem,
  flightItem,
  aBookingStackForThisFile,
  hotelItem,
} from './given-a-booking-stack.ts';

const { stack, inventory } = aBookingStackForThisFile();

const roomNightsTaken = async (roomTypeId: string) =>
  (
    await stack.search.db.query<{ n: number }>(
      'SELECT coalesce(sum(taken), 0)::int AS n FROM room_nights WHERE room_type_id = $1',
      [roomTypeId],
    )
  ).rows[0]!.n;

describe('POST /api/bookings', () => {
  test('When a whole trip is booked, then it is confirmed, charged once, billed, held in search and announced', async () => {
    const [flight, room, car] = [
      await inventory.flight({ seats: 5 }),
      await inventory.roomType({ units: 2 }),
      await inventory.car({ units: 1 }),
    ];
    const events: { type: string; bookingId: string }[] = [];
    const unsubscribe = await stack.kv.subscribe(BOOKING_EVENTS_CHANNEL, (m) => events.push(JSON.parse(m)));
    const traveler = await stack.token();

    const res = await stack.book(traveler, bookingRequest([flightItem(flight, 2), hotelItem(room), carItem(car)]));

    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/bookings/${res.body.id}`);
    // 2 × $250 flight, 3 nights × $180, 3 days × $60; taxes 7.5% / 12% / 8%; fees $5.60 a passenger and $6 a day.
    expect(res.body).toMatchObject({
      status: 'confirmed',
      kind: 'trip',
      price: {
        subtotal: { amount: 50_000 + 54_000 + 18_000 },
        taxes: [
          { label: 'US transportation tax (7.5%)', amount: { amount: 3_750 } },
          { label: 'Occupancy tax (12%)', amount: { amount: 6_480 } },
          { label: 'Sales tax (8%)', amount: { amount: 1_440 } },
        ],
        fees: [
          { label: 'September 11th security fee', amount: { amount: 1_120 } },
          { label: 'Customer facility charge', amount: { amount: 1_800 } },
        ],
        total: { amount: 122_000 + 3_750 + 6_480 + 1_440 + 1_120 + 1_800 },
      },
      payment: { method: 'visa •••• 4242', billingName: 'Ada Lovelace' },
      billing: [{ kind: 'payment', amount: { amount: 136_590 } }],
    });
    expect(res.body.items.map((i: { kind: string }) => i.kind)).toEqual(['flight', 'room', 'car']);
    expect(res.body.items[2].travelers[0].licenseNumber).toBe('•••567');
    expect(await stack.seatsTaken(flight)).toBe(2);
    expect(await roomNightsTaken(room)).toBe(3);
    expect(await stack.processorPayments(res.body.id)).toMatchObject([
      { status: 'succeeded', amount_received: 136_590 },
    ]);
    const hold = await stack.search.internal('GET', `/internal/holds/${res.body.id}`);
    expect(hold.body.status).toBe('confirmed');
    await expect
      .poll(() => events.filter((e) => e.bookingId === res.body.id).map((e) => e.type))
      .toEqual(['booking.created', 'booking.confirmed']);
    await unsubscribe();
    const readBack = await stack.call(traveler, 'GET', `/api/bookings/${res.body.id}`);
    expect(readBack.body).toEqual(res.body);
  });

  test('When the same request is retried with its key, then the first answer comes back and nothing happens twice', async () => {
    const flight = await inventory.flight({ seats: 5 });
    const traveler = await stack.token();
    const key = randomUUID();
    const body = bookingRequest([flightItem(flight)]);
    const [first, second] = [await stack.book(traveler, body, key), await stack.book(traveler, body, key)];
    expect(first.status).toBe(201);
    expect(second).toMatchObject({ status: 201, body: { id: first.body.id } });
    expect(await stack.seatsTaken(flight)).toBe(1);
    expect(await stack.processorPayments(first.body.id)).toHaveLength(1);

    // Sent at once: one books, the others are told it is still being processed (409) or get its booking.
    const concurrent = await Promise.all([1, 2, 3].map(() => stack.book(traveler, body, 'same-key-at-once')));
    const booked = concurrent.filter((r) => r.status === 201);
    expect(concurrent.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(new Set(booked.map((r) => r.body.id)).size).toBe(1);
    const resent = await stack.book(traveler, body, 'same-key-at-once');
    expect(resent).toMatchObject({ status: 201, body: { id: booked[0]?.body.id ?? resent.body.id } });
    expect(await stack.seatsTaken(flight)).toBe(2);
  });

  test('When a key is reused for a different request, then it is a 422 and nothing is booked', async () => {
    const flight = await inventory.flight({ seats: 5 });
    const traveler = await stack.token();
    const key = randomUUID();
    await stack.book(traveler, bookingRequest([flightItem(flight)]), key);
    const other = await stack.book(traveler, bookingRequest([flightItem(flight, 2)]), key);
    expect(other).toMatchObject({ status: 422, body: { type: '/problems/idempotency-key-reused' } });
    expect(await stack.seatsTaken(flight)).toBe(1);
    // Keys belong to their user: another traveler's identical key is a booking of its own.
    expect((await stack.book(await stack.token(), bookingRequest([flightItem(flight)]), key)).status).toBe(201);
  });

  test('When the hotel of a trip is sold out, then it is a 409 naming it, the flight seats are untouched and nothing is charged', async () => {
    const [flight, room] = [await inventory.flight({ seats: 5 }), await inventory.roomType({ units: 1 })];
    const traveler = await stack.token();
    expect((await stack.book(traveler, bookingRequest([hotelItem(room)]))).status).toBe(201);

    const res = await stack.book(traveler, bookingRequest([flightItem(flight), hotelItem(room)]));

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ type: '/problems/sold-out', errors: [{ field: 'items.1' }] });
    expect(await stack.seatsTaken(flight)).toBe(0);
  });

  test('When a price moved since it was shown, then it is a 409 with the new price and nothing is held or charged', async () => {
    const flight = await inventory.flight({ seats: 5, price: 31_000 });
    const res = await stack.book(await stack.token(), bookingRequest([flightItem(flight, 1, 25_000)]));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      type: '/problems/price-changed',
      errors: [{ field: 'items.0.expectedUnitPrice' }],
      prices: [{ position: 0, shown: { amount: 25_000 }, now: { amount: 31_000 } }],
    });
    expect(await stack.seatsTaken(flight)).toBe(0);
  });

  test('When the price moves between the quote and the hold, then the hold is released and the traveler gets the new price', async () => {
    const flight = await inventory.flight({ seats: 5, price: 25_000 });
    const traveler = await stack.token();
    // The market moves the price as soon as the quote has been read: the hold then takes it at the new price.
    await stack.search.db.query(
      `CREATE OR REPLACE FUNCTION bump_price() RETURNS trigger AS $$ BEGIN NEW.price_minor := 27000; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await stack.search.db.query(
      `CREATE TRIGGER bump BEFORE UPDATE OF seats_taken ON flight_cabins FOR EACH ROW WHEN (OLD.flight_id = ${Number(flight)}) EXECUTE FUNCTION bump_price()`,
    );
    const res = await stack.book(traveler, bookingRequest([flightItem(flight)]));
    await stack.search.db.query('DROP TRIGGER bump ON flight_cabins');
    expect(res).toMatchObject({
      status: 409,
      body: { type: '/problems/price-changed', prices: [{ now: { amount: 27_000 } }] },
    });
    expect(await stack.seatsTaken(flight)).toBe(0);
    const failed = await stack.call(traveler, 'GET', '/api/bookings?status=failed');
    expect(failed.body.items).toHaveLength(1);
    expect(await stack.processorPayments(failed.body.items[0].id)).toEqual([]);
  });

  test.each([
    [CARDS.declined, 'generic_decline'],
    [CARDS.insufficientFunds, 'insufficient_funds'],
  ])('When the card %s is declined, then it is a 402 with the reason, and no hold is left', async (card, reason) => {
    const flight = await inventory.flight({ seats: 5 });
    const res = await stack.book(await stack.token(), bookingRequest([flightItem(flight)], card));
    expect(res.status).toBe(402);
    expect(res.body).toMatchObject({
      type: '/problems/card-declined',
      declineCode: reason,
      errors: [{ field: 'payment.card' }],
    });
    expect(await stack.seatsTaken(flight)).toBe(0);
  });

  test.each([
    [CARDS.declined, 'Your card was declined. Nothing was booked or charged.'],
    [
      CARDS.insufficientFunds,
      'The card was declined: your card has insufficient funds. Nothing was booked or charged.',
    ],
  ])('When the card %s is declined, then the detail says "declined" once, in sentences', async (card, detail) => {
    const flight = await inventory.flight({ seats: 5 });
    const res = await stack.book(await stack.token(), bookingRequest([flightItem(flight)], card));
    expect(res).toMatchObject({ status: 402, body: { detail } });
  });

  test('When the card processor fails once, then the retry with the same key goes through and charges once', async () => {
    const flight = await inventory.flight({ seats: 5 });
    const res = await stack.book(await stack.token(), bookingRequest([flightItem(flight)], CARDS.failsOnce));
    expect(res.status).toBe(201);
    expect(await stack.processorPayments(res.body.id)).toHaveLength(1);
  });

  test('When the card processor is down, then it is a 503 and nothing is held or charged', async () => {
    const flight = await inventory.flight({ seats: 5 });
    const res = await stack.book(await stack.token(), bookingRequest([flightItem(flight)], CARDS.processorDown));
    expect(res).toMatchObject({ status: 503, body: { type: '/problems/payment-unavailable' } });
    expect(await stack.seatsTaken(flight)).toBe(0);
  });

  test('When the driver is younger than the rental allows, then it is a 400 naming the date of birth', async () => {
    const car = await inventory.car({ units: 1, minimumDriverAge: 25 });
    const young = { ...carItem(car), driver: { ...carItem(car).driver, dateOfBirth: '2005-01-01' } };
    const res = await stack.book(await stack.token(), bookingRequest([young]));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('items.0.driver.dateOfBirth');
  });

  test.each([
    ['payment.card.number', (b: any) => (b.payment.card.number = '4242 4242 4242 4241')],
    ['payment.card.expYear', (b: any) => (b.payment.card.expYear = 2020)],
    ['payment.billingAddress.state', (b: any) => (b.payment.billingAddress.state = 'Atlantis')],
    ['payment.billingAddress.postalCode', (b: any) => (b.payment.billingAddress.postalCode = '1247')],
    ['contact.email', (b: any) => (b.contact.email = 'not-an-email')],
    ['items.0.passengers.0.dateOfBirth', (b: any) => (b.items[0].passengers[0].dateOfBirth = '2999-01-01')],
    ['items.0.passengers.0.lastName', (b: any) => (b.items[0].passengers[0].lastName = '')],
    ['items', (b: any) => (b.items = [])],
  ])('When %s is invalid, then it is a 400 naming it', async (field, spoil) => {
    const body = bookingRequest([flightItem('1')]);
    spoil(body);
    const res = await stack.book(await stack.token(), body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    // The card number never comes back, not even in an error.
    expect(JSON.stringify(res.body)).not.toMatch(/4242 ?4242/);
  });

  test('When the Idempotency-Key header is missing, then it is a 400 naming it', async () => {
    const res = await stack.call(await stack.token(), 'POST', '/api/bookings', bookingRequest([flightItem('1')]));
    expect(res).toMatchObject({ status: 400, body: { errors: [{ in: 'headers', field: 'idempotency-key' }] } });
  });

  test('When nobody is signed in, or the token is forged or expired, then it is a 401', async () => {
    const body = bookingRequest([flightItem('1')]);
    expect((await stack.call(null, 'POST', '/api/bookings', body, { 'idempotency-key': randomUUID() })).status).toBe(
      401,
    );
    const forged = await stack.issuer.forge({ role: 'traveler' });
    expect((await stack.book(forged, body)).status).toBe(401);
    const expired = await stack.issuer.sign({ role: 'traveler', expiresInSec: -60 });
    expect((await stack.book(expired, body)).status).toBe(401);
  });

  test('When bookings are made, then the card number is in no log line and no stored row', async () => {
    const flight = await inventory.flight({ seats: 5 });
    await stack.book(await stack.token(), bookingRequest([flightItem(flight)]));
    expect(JSON.stringify(stack.logs.lines())).not.toMatch(/4242424242424242|4242 4242 4242 4242/);
    const dump = await stack.db.query<{ row: string }>(
      `SELECT row_to_json(t)::text AS row FROM (SELECT * FROM bookings) t
       UNION ALL SELECT row_to_json(t)::text FROM (SELECT * FROM booking_items) t
       UNION ALL SELECT row_to_json(t)::text FROM (SELECT * FROM billing_records) t
       UNION ALL SELECT row_to_json(t)::text FROM (SELECT * FROM sim_payment_intents) t
       UNION ALL SELECT row_to_json(t)::text FROM (SELECT * FROM sim_idempotency) t`,
    );
    expect(dump.rows.length).toBeGreaterThan(0);
    expect(dump.rows.map((r) => r.row).join('\n')).not.toMatch(/4242424242424242/);
  });
});

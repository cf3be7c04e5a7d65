import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  bookingRequest,
  CARDS,
  carItem,
  flightItem,
  aBookingStackForThisFile,
  hotelItem,
  inDays,
} from './given-a-booking-stack.ts';

const { stack, inventory } = aBookingStackForThisFile();
const ownerId = randomUUID();
const travelerId = randomUUID();
let trip: { id: string };
beforeAll(async () => {
  const [flight, room, car] = [
    await inventory.flight({ seats: 9 }),
    await inventory.roomType({ units: 5, ownerId }),
    await inventory.car({ units: 3 }),
  ];
  const traveler = await stack.token('traveler', travelerId);
  trip = (await stack.book(traveler, bookingRequest([flightItem(flight), hotelItem(room), carItem(car)]))).body;
});

describe('GET /api/bookings/:id', () => {
  test("When the hotel's owner reads a trip with their hotel, then they see their item and the guest, not the payment or the flight", async () => {
    const res = await stack.call(await stack.token('owner', ownerId), 'GET', `/api/bookings/${trip.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ kind: 'room', travelers: [{ firstName: 'Ada', role: 'lead-guest' }] });
    expect(res.body).not.toHaveProperty('payment');
    expect(res.body).not.toHaveProperty('price');
    expect(res.body.contact).toEqual({ email: 'ada@example.com' });
  });

  test('When an admin reads it, then they see all of it, with whose it is', async () => {
    const res = await stack.call(await stack.token('admin'), 'GET', `/api/bookings/${trip.id}`);
    expect(res).toMatchObject({ status: 200, body: { userId: travelerId, payment: { method: 'visa •••• 4242' } } });
    expect(res.body.items).toHaveLength(3);
  });

  test.each([
    ['another traveler', () => stack.token('traveler')],
    ['another owner', () => stack.token('owner')],
  ])('When %s asks for it, then it does not exist for them (404)', async (_who, token) => {
    expect((await stack.call(await token(), 'GET', `/api/bookings/${trip.id}`)).status).toBe(404);
  });

  test('When someone guesses ids, then every guess is a 404, and a malformed id a 400', async () => {
    const me = await stack.token('traveler', travelerId);
    for (let i = 0; i < 5; i++) expect((await stack.call(me, 'GET', `/api/bookings/${randomUUID()}`)).status).toBe(404);
    expect((await stack.call(me, 'GET', '/api/bookings/1')).status).toBe(400);
  });

  test('When the token is missing, expired or forged, then it is a 401', async () => {
    expect((await stack.call(null, 'GET', `/api/bookings/${trip.id}`)).status).toBe(401);
    const expired = await stack.issuer.sign({ role: 'traveler', sub: travelerId, expiresInSec: -60 });
    expect((await stack.call(expired, 'GET', `/api/bookings/${trip.id}`)).status).toBe(401);
    const forged = await stack.issuer.forge({ role: 'admin', amr: ['pwd', 'mfa'] });
    expect((await stack.call(forged, 'GET', `/api/bookings/${trip.id}`)).status).toBe(401);
  });
});

describe('GET /api/bookings', () => {
  test('When a traveler lists their bookings, then they see upcoming ones, in pages, and nobody else sees them', async () => {
    const me = await stack.token('traveler', travelerId);
    const flight = await inventory.flight({ seats: 9, inDays: 60 });
    await stack.book(me, bookingRequest([flightItem(flight)]));
    const first = await stack.call(me, 'GET', '/api/bookings?when=upcoming&limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    const second = await stack.call(me, 'GET', `/api/bookings?when=upcoming&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(second.body.nextCursor).toBeNull();
    expect((await stack.call(me, 'GET', '/api/bookings?when=past')).body.items).toEqual([]);
    expect((await stack.call(await stack.token(), 'GET', '/api/bookings')).body.items).toEqual([]);
  });

  test('When a card is declined, then the attempt is not an upcoming trip, but it is listed when asked for', async () => {
    const me = await stack.token();
    const flight = await inventory.flight({ seats: 9, inDays: 40 });
    const declined = await stack.book(me, bookingRequest([flightItem(flight)], CARDS.declined));
    expect(declined.status).toBe(402);

    const upcoming = await stack.call(me, 'GET', '/api/bookings?when=upcoming');
    const attempts = await stack.call(me, 'GET', '/api/bookings?when=upcoming&status=failed');

    expect(upcoming.body.items).toEqual([]);
    expect(attempts.body.items).toMatchObject([{ status: 'failed', failure: { code: 'card-declined' } }]);
  });

  test('When the trip is under way or over, then it is listed as current, then past', async () => {
    const me = await stack.token('traveler', travelerId);
    // Move the first trip's dates back in time, as time passing would.
    await stack.db.query(`UPDATE bookings SET starts_on = $2, ends_on = $3 WHERE id = $1`, [
      trip.id,
      inDays(-1),
      inDays(2),
    ]);
    expect(
      (await stack.call(me, 'GET', '/api/bookings?when=current')).body.items.map((b: { id: string }) => b.id),
    ).toEqual([trip.id]);
    await stack.db.query(`UPDATE bookings SET starts_on = $2, ends_on = $3 WHERE id = $1`, [
      trip.id,
      inDays(-9),
      inDays(-5),
    ]);
    expect(
      (await stack.call(me, 'GET', '/api/bookings?when=past')).body.items.map((b: { id: string }) => b.id),
    ).toEqual([trip.id]);
  });

  test('When bad filters are given, then it is a 400 naming them', async () => {
    const me = await stack.token();
    expect((await stack.call(me, 'GET', '/api/bookings?when=someday')).body.errors[0].field).toBe('when');
    expect((await stack.call(me, 'GET', '/api/bookings?limit=1000')).body.errors[0].field).toBe('limit');
    expect((await stack.call(me, 'GET', '/api/bookings?cursor=garbage')).body.errors[0].field).toBe('cursor');
  });
});

describe('GET /api/bookings/of-my-listings', () => {
  test('When an owner lists the bookings of their listings, then they get those and only their own items; a traveler is refused', async () => {
    const res = await stack.call(await stack.token('owner', ownerId), 'GET', '/api/bookings/of-my-listings');
    expect(res.status).toBe(200);
    expect(res.body.items.map((b: { id: string }) => b.id)).toEqual([trip.id]);
    expect(res.body.items[0].items.map((i: { kind: string }) => i.kind)).toEqual(['room']);
    expect((await stack.call(await stack.token('owner'), 'GET', '/api/bookings/of-my-listings')).body.items).toEqual(
      [],
    );
    expect((await stack.call(await stack.token('traveler'), 'GET', '/api/bookings/of-my-listings')).status).toBe(403);
  });

  test('When an admin lists them, then every booking is there', async () => {
    const res = await stack.call(await stack.token('admin'), 'GET', '/api/bookings/of-my-listings?limit=100');
    expect(res.body.items.map((b: { id: string }) => b.id)).toContain(trip.id);
    expect(res.body.items.length).toBeGreaterThanOrEqual(2);
  });
});

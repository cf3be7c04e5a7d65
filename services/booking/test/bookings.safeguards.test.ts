import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Identity } from '@tripwise/platform/auth';
import { listBookingsFor, getBooking } from '../src/domain/manage-bookings.use-case.ts';
import { topPropertiesOf } from '../src/domain/analytics.use-case.ts';
import {
  CARDS,
  bookingRequest,
  carItem,
  flightItem,
  aBookingStackForThisFile,
  hotelItem,
  inDays,
} from './given-a-booking-stack.ts';

const { stack, inventory } = aBookingStackForThisFile({
  PAYMENT_ATTEMPTS_PER_15_MINUTES: 10,
  CARD_DECLINES_PER_HOUR: 3,
});

const fieldOf = (res: { body: { errors?: { field: string }[] } }) => res.body.errors?.[0]?.field;
/** A booking from an address of its own, so the per-address limits of one test do not reach another. */
const bookFrom = (address: string, token: string, body: unknown) =>
  stack.call(token, 'POST', '/api/bookings', body, { 'idempotency-key': randomUUID(), 'x-forwarded-for': address });

describe('POST /api/bookings: the booking window', () => {
  test('When a flight has left, a stay has begun or a rental has started where the listing is, then 422 names the field', async () => {
    const token = await stack.token();
    const flight = await inventory.flight({ seats: 5, inDays: -1 });
    const room = await inventory.roomType({ units: 3 });
    const car = await inventory.car({ units: 3 });
    const answers = [
      await stack.book(token, bookingRequest([flightItem(flight)])),
      await stack.book(token, bookingRequest([hotelItem(room, inDays(-3), inDays(-1))])),
      await stack.book(token, bookingRequest([carItem(car, inDays(-2), inDays(1))])),
    ];
    expect(answers.map((a) => [a.status, fieldOf(a)])).toEqual([
      [422, 'items.0.flightId'],
      [422, 'items.0.checkIn'],
      [422, 'items.0.pickupDate'],
    ]);
    expect(answers[1]!.body).toMatchObject({ type: '/problems/outside-booking-window' });
    expect(await stack.seatsTaken(flight)).toBe(0);
  });

  test('When a trip starts more than 330 days ahead, or a stay or rental runs too long, then 422 names the field', async () => {
    const token = await stack.token();
    const room = await inventory.roomType({ units: 3 });
    const car = await inventory.car({ units: 3 });
    const answers = [
      await stack.book(token, bookingRequest([hotelItem(room, inDays(332), inDays(334))])),
      await stack.book(token, bookingRequest([hotelItem(room, inDays(30), inDays(61))])),
      await stack.book(token, bookingRequest([carItem(car, inDays(10), inDays(71))])),
    ];
    expect(answers.map((a) => [a.status, fieldOf(a)])).toEqual([
      [422, 'items.0.checkIn'],
      [422, 'items.0.checkOut'],
      [422, 'items.0.dropoffDate'],
    ]);
  });
});

describe('POST /api/bookings: who may pay', () => {
  test('When the email address is not confirmed, then booking answers 403 with a way to get a new link, and charges nothing', async () => {
    const unverified = await stack.issuer.sign({ role: 'traveler', emailVerified: false });
    const room = await inventory.roomType({ units: 3 });
    const res = await stack.book(unverified, bookingRequest([hotelItem(room)]));
    expect(res).toMatchObject({
      status: 403,
      body: { type: '/problems/email-unverified', resend: { method: 'POST', href: '/api/auth/email/resend' } },
    });
  });

  test('When one traveler keeps having cards declined, then further payments wait with 429, even with a good card', async () => {
    const token = await stack.token();
    const room = await inventory.roomType({ units: 9 });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await bookFrom('198.51.100.10', token, bookingRequest([hotelItem(room)], CARDS.declined))).status);
    }
    expect(statuses).toEqual([402, 402, 402, 429]);
    const good = await bookFrom('198.51.100.11', token, bookingRequest([hotelItem(room)]));
    expect(good.status).toBe(429);
    expect(Number(good.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('When many travelers decline cards from one address, then that address waits too', async () => {
    const room = await inventory.roomType({ units: 9 });
    const statuses = [];
    for (let i = 0; i < 13; i++) {
      const token = await stack.token();
      statuses.push((await bookFrom('198.51.100.20', token, bookingRequest([hotelItem(room)], CARDS.declined))).status);
    }
    expect(statuses.slice(0, 12).every((s) => s === 402)).toBe(true);
    expect(statuses[12]).toBe(429);
  });

  test('When one traveler attempts too many payments, then the next waits with 429', async () => {
    const token = await stack.token();
    const room = await inventory.roomType({ units: 20 });
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await bookFrom('198.51.100.30', token, bookingRequest([hotelItem(room)]))).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('admin powers in the use cases', () => {
  const adminWithPasswordOnly = (): Identity => ({
    userId: randomUUID(),
    sessionId: randomUUID(),
    tokenId: randomUUID(),
    role: 'admin',
    amr: ['pwd'],
    authTime: undefined,
    expiresAt: Math.floor(Date.now() / 1000) + 300,
  });

  test('When an admin without the second factor reaches a use case that acts on others, then it refuses (403 mfa-required)', async () => {
    const traveler = await stack.token();
    const room = await inventory.roomType({ units: 3 });
    const booked = await stack.book(traveler, bookingRequest([hotelItem(room)]));
    expect(booked.status).toBe(201);
    const admin = adminWithPasswordOnly();
    const query = { when: 'all' as const, limit: 5 };
    const refusals = [
      () => getBooking(stack.db, admin, booked.body.id),
      () => listBookingsFor(stack.db, admin, query, true),
      () => topPropertiesOf(stack.db, admin, { year: new Date().getUTCFullYear() }),
    ];
    for (const refused of refusals) {
      await expect(refused()).rejects.toMatchObject({ status: 403, code: 'mfa-required' });
    }
  });
});

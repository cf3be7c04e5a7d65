import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { bookingRequest, carItem, aBookingStackForThisFile, hotelItem } from './given-a-booking-stack.ts';

const { stack, inventory } = aBookingStackForThisFile();
let admin: string;
const ownerId = randomUUID();
const thisMonth = new Date().toISOString().slice(0, 7);
const today = new Date().toISOString().slice(0, 10);
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  admin = await stack.token('admin');
  const room = await inventory.roomType({ units: 5, price: 30_000, ownerId });
  const car = await inventory.car({ units: 5, ownerId });
  const traveler = await stack.token();
  await stack.book(traveler, bookingRequest([hotelItem(room, undefined, undefined, 30_000)]));
  const cancelled = (await stack.book(traveler, bookingRequest([carItem(car)]))).body;
  await stack.call(traveler, 'POST', `/api/bookings/${cancelled.id}/cancel`);
});

describe('GET /api/analytics by month', () => {
  test('When the top properties and cities of this month are asked, then the month is reported with its figures', async () => {
    const owner = await stack.token('owner', ownerId);
    const properties = await stack.call(owner, 'GET', `/api/analytics/top-properties?month=${thisMonth}&limit=1`);
    expect(properties.body).toMatchObject({ month: thisMonth, items: [{ revenue: { amount: 90_000 } }] });
    const cities = await stack.call(owner, 'GET', `/api/analytics/revenue-by-city?month=${thisMonth}`);
    expect(cities.body).toMatchObject({ month: thisMonth, items: [{ city: 'Denver', revenue: { amount: 90_000 } }] });
    const bad = await stack.call(admin, 'GET', `/api/analytics/top-properties?month=${thisMonth}&year=2026`);
    expect(bad.body.errors[0].field).toBe('month');
    expect((await stack.call(admin, 'GET', '/api/analytics/top-properties?limit=51')).body.errors[0].field).toBe(
      'limit',
    );
  });

  test('When sales are asked for one kind, then only that kind counts', async () => {
    const owner = await stack.token('owner', ownerId);
    const cars = await stack.call(owner, 'GET', `/api/analytics/sales?from=${today}&to=${tomorrow}&kind=car`);
    expect(cars.body).toMatchObject({ kind: 'car', points: [{ period: today, bookings: 0 }] });
    const hotels = await stack.call(owner, 'GET', `/api/analytics/sales?from=${today}&to=${tomorrow}&kind=hotel`);
    expect(hotels.body.points).toMatchObject([{ bookings: 1, revenue: { amount: 90_000 } }]);
  });
});

describe('GET /api/analytics/cancellations', () => {
  test('When one of two bookings was cancelled, then the rate is a half, with what was refunded', async () => {
    const owner = await stack.token('owner', ownerId);
    const res = await stack.call(owner, 'GET', `/api/analytics/cancellations?from=${today}&to=${tomorrow}`);
    expect(res).toMatchObject({
      status: 200,
      body: { points: [{ period: today, bookings: 2, cancellations: 1, cancellationRate: 0.5 }] },
    });
    expect(res.body.points[0].refunded.amount).toBeGreaterThan(0);
    const other = await stack.call(
      await stack.token('owner'),
      'GET',
      `/api/analytics/cancellations?from=${today}&to=${tomorrow}`,
    );
    expect(other.body.points).toEqual([]);
    expect(
      (
        await stack.call(
          await stack.token('traveler'),
          'GET',
          `/api/analytics/cancellations?from=${today}&to=${tomorrow}`,
        )
      ).status,
    ).toBe(403);
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { bookingRequest, carItem, flightItem, aBookingStackForThisFile, hotelItem } from './given-a-booking-stack.ts';

const { stack, inventory } = aBookingStackForThisFile();
let admin: string;
const ownerId = randomUUID();
let booked: { id: string; price: { total: { amount: number } }; billing: { billingNumber: string }[] }[] = [];
const thisYear = new Date().getUTCFullYear();
const thisMonth = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  admin = await stack.token('admin');
  const [ownedRoom, otherRoom, car, flight] = [
    await inventory.roomType({ units: 5, price: 30_000, ownerId }),
    await inventory.roomType({ units: 5, price: 10_000 }),
    await inventory.car({ units: 5, ownerId }),
    await inventory.flight({ seats: 9 }),
  ];
  const traveler = await stack.token();
  booked = [
    (await stack.book(traveler, bookingRequest([hotelItem(ownedRoom, undefined, undefined, 30_000)]))).body,
    (await stack.book(traveler, bookingRequest([hotelItem(otherRoom, undefined, undefined, 10_000), carItem(car)])))
      .body,
    (await stack.book(traveler, bookingRequest([flightItem(flight, 4)]))).body,
  ];
  // The second booking is cancelled in its free window: its revenue goes away again.
  await stack.call(traveler, 'POST', `/api/bookings/${booked[1]!.id}/cancel`);
});

describe('GET /api/billing', () => {
  test("When an admin searches this month's books, then every payment and refund is there with its lines", async () => {
    const res = await stack.call(admin, 'GET', `/api/billing?month=${thisMonth}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((b: { kind: string }) => b.kind)).toEqual(['payment', 'payment', 'payment', 'refund']);
    expect(res.body.items[3]).toMatchObject({
      bookingId: booked[1]!.id,
      amount: booked[1]!.price.total,
      status: 'refunded',
    });
    expect(res.body.items[0]).toMatchObject({ method: 'visa •••• 4242', taxes: [{ label: 'Occupancy tax (12%)' }] });
  });

  test('When the results span pages, then the cursor walks them without repeats', async () => {
    const first = await stack.call(admin, 'GET', `/api/billing?month=${thisMonth}&limit=3`);
    const second = await stack.call(
      admin,
      'GET',
      `/api/billing?month=${thisMonth}&limit=3&cursor=${first.body.nextCursor}`,
    );
    expect(
      [...first.body.items, ...second.body.items].map((b: { billingNumber: string }) => b.billingNumber),
    ).toHaveLength(4);
    expect(second.body.nextCursor).toBeNull();
  });

  test('When an admin opens one record, then its invoice is there; an unknown number is a 404', async () => {
    const number = booked[0]!.billing[0]!.billingNumber;
    const res = await stack.call(admin, 'GET', `/api/billing/${number}`);
    expect(res.body).toMatchObject({ billingNumber: number, invoice: { billTo: { name: 'Ada Lovelace' } } });
    expect((await stack.call(admin, 'GET', '/api/billing/TW-200001-00000001')).status).toBe(404);
  });

  test('When the range is missing or backwards, then it is a 400 naming it', async () => {
    expect((await stack.call(admin, 'GET', '/api/billing')).body.errors[0].field).toBe('month');
    expect((await stack.call(admin, 'GET', '/api/billing?from=2026-05-01&to=2026-04-01')).body.errors[0].field).toBe(
      'to',
    );
  });

  test('When anyone but an admin with a second factor asks, then they are refused', async () => {
    const path = `/api/billing?month=${thisMonth}`;
    expect((await stack.call(await stack.token('owner'), 'GET', path)).status).toBe(403);
    expect((await stack.call(await stack.token('traveler'), 'GET', path)).status).toBe(403);
    const noMfa = await stack.issuer.sign({ role: 'admin', amr: ['pwd'] });
    expect((await stack.call(noMfa, 'GET', path)).status).toBe(403);
    expect((await stack.call(null, 'GET', path)).status).toBe(401);
  });
});

describe('GET /api/analytics', () => {
  test('When an admin asks for the top properties of the year, then hotels come by revenue, cancelled stays not counted', async () => {
    const res = await stack.call(admin, 'GET', `/api/analytics/top-properties?year=${thisYear}`);
    // 3 nights × $300 for the owned hotel; the other hotel's stay was cancelled with a full refund.
    expect(res.body.items).toMatchObject([
      { revenue: { amount: 90_000 }, bookings: 1 },
      { revenue: { amount: 0 }, bookings: 0 },
    ]);
  });

  test("When an owner asks, then they see only their own listings' figures", async () => {
    const owner = await stack.token('owner', ownerId);
    const properties = await stack.call(owner, 'GET', `/api/analytics/top-properties?year=${thisYear}`);
    expect(properties.body.items).toHaveLength(1);
    const cities = await stack.call(owner, 'GET', `/api/analytics/revenue-by-city?year=${thisYear}`);
    expect(cities.body.items).toEqual([{ city: 'Denver', bookings: 1, revenue: { amount: 90_000, currency: 'USD' } }]);
    const other = await stack.call(await stack.token('owner'), 'GET', `/api/analytics/top-properties?year=${thisYear}`);
    expect(other.body.items).toEqual([]);
  });

  test('When an admin asks for the top providers of this month, then the airline that sold 4 seats leads', async () => {
    const res = await stack.call(admin, 'GET', `/api/analytics/top-providers?month=${thisMonth}`);
    expect(res.body.items[0]).toMatchObject({
      provider: { kind: 'airline', id: 'UA' },
      unitsSold: 4,
      revenue: { amount: 100_000 },
    });
  });

  test('When sales over time are asked for, then each day with sales has its bookings and revenue', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const res = await stack.call(admin, 'GET', `/api/analytics/sales?from=${today}&to=${tomorrow}`);
    expect(res.body.points).toEqual([
      { period: today, bookings: 2, revenue: { amount: 90_000 + 100_000, currency: 'USD' } },
    ]);
  });

  test('When a traveler, an admin without a second factor, or a bad year comes, then they are refused', async () => {
    expect((await stack.call(await stack.token('traveler'), 'GET', '/api/analytics/top-properties')).status).toBe(403);
    const noMfa = await stack.issuer.sign({ role: 'admin', amr: ['pwd'] });
    expect((await stack.call(noMfa, 'GET', '/api/analytics/top-properties')).status).toBe(403);
    expect((await stack.call(admin, 'GET', '/api/analytics/top-properties?year=1800')).body.errors[0].field).toBe(
      'year',
    );
  });
});

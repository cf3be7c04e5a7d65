import { beforeAll, describe, expect, test } from 'vitest';
import { bookingRequest, carItem, aBookingStackForThisFile, hotelItem } from './given-a-booking-stack.ts';

const { stack, inventory } = aBookingStackForThisFile();
let admin: string;
type Booked = { id: string; price: { total: { amount: number } }; billing: { billingNumber: string }[] };
let kept: Booked;
let cancelled: Booked;
const thisMonth = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  admin = await stack.token('admin');
  const room = await inventory.roomType({ units: 5, price: 30_000 });
  const car = await inventory.car({ units: 5 });
  const traveler = await stack.token();
  kept = (await stack.book(traveler, bookingRequest([hotelItem(room, undefined, undefined, 30_000)]))).body;
  cancelled = (await stack.book(traveler, bookingRequest([carItem(car)]))).body;
  await stack.call(traveler, 'POST', `/api/bookings/${cancelled.id}/cancel`);
});

const numbers = (body: { items: { billingNumber: string }[] }) => body.items.map((b) => b.billingNumber);

describe('GET /api/billing (filters)', () => {
  test('When an admin filters by status, then payments say whether they were refunded', async () => {
    const paid = await stack.call(admin, 'GET', `/api/billing?month=${thisMonth}&status=paid`);
    expect(paid.body).toMatchObject({ total: 1, items: [{ bookingId: kept.id, status: 'paid' }] });
    const refunded = await stack.call(admin, 'GET', `/api/billing?month=${thisMonth}&status=refunded&kind=payment`);
    expect(refunded.body).toMatchObject({ total: 1, items: [{ bookingId: cancelled.id, status: 'refunded' }] });
  });

  test('When an admin looks for a booking, an email or a number, then no month is needed', async () => {
    const byBooking = await stack.call(admin, 'GET', `/api/billing?bookingId=${cancelled.id}`);
    expect(byBooking.body.items.map((b: { kind: string }) => b.kind)).toEqual(['payment', 'refund']);
    const byEmail = await stack.call(admin, 'GET', '/api/billing?email=ADA@example.com&kind=payment');
    expect(byEmail.body.total).toBe(2);
    const number = kept.billing[0]!.billingNumber;
    const byNumber = await stack.call(admin, 'GET', `/api/billing?q=${number.toLowerCase()}`);
    expect(numbers(byNumber.body)).toEqual([number]);
  });

  test('When sorted by amount with bounds, then the order and the sums cover the whole filter', async () => {
    const total = kept.price.total.amount;
    const res = await stack.call(
      admin,
      'GET',
      `/api/billing?month=${thisMonth}&kind=payment&sort=amount&order=desc&limit=1&minAmount=1`,
    );
    expect(res.body).toMatchObject({
      total: 2,
      items: [{ bookingId: kept.id }],
      sum: [{ currency: 'USD', payments: { amount: total + cancelled.price.total.amount }, refunds: { amount: 0 } }],
    });
    const rest = await stack.call(
      admin,
      'GET',
      `/api/billing?month=${thisMonth}&kind=payment&sort=amount&order=desc&limit=1&minAmount=1&cursor=${res.body.nextCursor}`,
    );
    expect(rest.body).toMatchObject({ items: [{ bookingId: cancelled.id }], nextCursor: null });
    const none = await stack.call(
      admin,
      'GET',
      `/api/billing?month=${thisMonth}&minAmount=${total + 1}&maxAmount=${total + 2}`,
    );
    expect(none.body).toMatchObject({ total: 0, items: [] });
  });

  test('When the filters are invalid, then 400 names the field', async () => {
    for (const [query, field] of [
      ['status=lost&month=2026-01', 'status'],
      ['month=2026-01&minAmount=5&maxAmount=1', 'minAmount'],
      ['q=42', 'q'],
      ['bookingId=7', 'bookingId'],
    ]) {
      const res = await stack.call(admin, 'GET', `/api/billing?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe(field);
    }
  });
});

describe('GET /api/billing/:billingNumber (details)', () => {
  test('When an admin opens a refunded payment, then its refund, card movement and masked card are on it', async () => {
    const payment = cancelled.billing[0]!.billingNumber;
    const res = await stack.call(admin, 'GET', `/api/billing/${payment}`);
    expect(res).toMatchObject({
      status: 200,
      body: {
        billingNumber: payment,
        refunds: [{ billingNumber: expect.stringMatching(/^TW-/), amount: { currency: 'USD' } }],
        transaction: {
          processorId: expect.any(String),
          capturedAt: expect.any(String),
          refundedAt: expect.any(String),
        },
        payment: { brand: 'visa', last4: '4242' },
      },
    });
    const refund = await stack.call(admin, 'GET', `/api/billing/${res.body.refunds[0].billingNumber}`);
    expect(refund.body).toMatchObject({ kind: 'refund', refundOf: payment });
  });
});

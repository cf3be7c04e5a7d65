import { captureLogs } from '@tripwise/platform/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedInventory, SERVICE_TOKEN } from '@tripwise/search/testing';
import { givenABookingStack, type BookingStack } from './given-a-booking-stack.ts';
import { INVENTORY } from './seed.fixtures.ts';

/**
 * The booking service and search running as they do, on seeded data (dated from today: policies are real), the
 * history imported through booking's internal route, which asks search for the inventory over HTTP.
 */
describe('seeded bookings in the running service', () => {
  let stack: BookingStack;

  beforeAll(async () => {
    stack = await givenABookingStack();
    const startDate = new Date().toISOString().slice(0, 10);
    await seedInventory(stack.search.db, { scale: INVENTORY, seed: 5, startDate, logger: captureLogs().logger });
    const seeded = await stack.call(SERVICE_TOKEN, 'POST', '/internal/seed-history', { scale: 'demo', seed: 7 });
    expect(seeded).toMatchObject({ status: 200, body: { seeded: true, scale: 'demo', holdsFailed: 0 } });
  });
  afterAll(() => stack.close());

  test('When the history is imported again, then nothing is added and the first import is reported', async () => {
    const again = await stack.call(SERVICE_TOKEN, 'POST', '/internal/seed-history', { scale: 'demo', seed: 9 });
    expect(again).toMatchObject({ status: 200, body: { seeded: false, seed: 7, holdsPlaced: 0 } });
  });

  test('When the import is asked for by a traveler, a bad scale or the large scale off PostgreSQL, then it is refused', async () => {
    const traveler = await stack.token('traveler');
    expect((await stack.call(traveler, 'POST', '/internal/seed-history', {})).status).toBe(401);
    const bad = await stack.call(SERVICE_TOKEN, 'POST', '/internal/seed-history', { scale: 'huge' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('scale');
    if (stack.db.kind !== 'postgres') {
      const large = await stack.call(SERVICE_TOKEN, 'POST', '/internal/seed-history', { scale: 'large' });
      expect(large).toMatchObject({ status: 409, body: { detail: expect.stringMatching(/DATABASE_URL/) } });
    }
  });

  test('When a traveler cancels an upcoming seeded stay, then search releases its hold and the card is refunded', async () => {
    const { rows } = await stack.db.query<{ id: string; user_id: string }>(`
      SELECT b.id, b.user_id FROM bookings b
      WHERE b.status = 'confirmed' AND b.starts_on > (now() + interval '4 days')::date
        AND EXISTS (SELECT 1 FROM booking_items i WHERE i.booking_id = b.id AND i.kind = 'room'
                    AND (i.policy ->> 'freeCancellationHours')::int BETWEEN 1 AND 72)
      ORDER BY b.id LIMIT 1`);
    const booking = rows[0]!;
    const traveler = await stack.token('traveler', booking.user_id);
    const held = await stack.search.db.query<{ status: string }>('SELECT status FROM holds WHERE id = $1', [
      booking.id,
    ]);
    expect(held.rows).toEqual([{ status: 'confirmed' }]);

    const upcoming = await stack.call(traveler, 'GET', '/api/bookings?when=upcoming&limit=50');
    expect(upcoming.status).toBe(200);
    expect(upcoming.body.items.map((b: { id: string }) => b.id)).toContain(booking.id);
    const cancelled = await stack.call(traveler, 'POST', `/api/bookings/${booking.id}/cancel`);

    expect(cancelled).toMatchObject({ status: 200, body: { id: booking.id, status: 'cancelled' } });
    const { rows: after } = await stack.db.query<{ refund_minor: number }>(
      'SELECT refund_minor FROM bookings WHERE id = $1',
      [booking.id],
    );
    expect(after[0]!.refund_minor).toBeGreaterThan(0);
    const released = await stack.search.db.query('SELECT status FROM holds WHERE id = $1', [booking.id]);
    expect(released.rows).toEqual([{ status: 'released' }]);
    expect(await stack.processorPayments(booking.id)).toEqual([
      expect.objectContaining({ status: 'succeeded', amount_refunded: after[0]!.refund_minor }),
    ]);
    const refunds = await stack.db.query(
      `SELECT amount_minor FROM billing_records WHERE booking_id = $1 AND kind = 'refund'`,
      [booking.id],
    );
    expect(refunds.rows).toEqual([{ amount_minor: after[0]!.refund_minor }]);
  });
});

import type { Db } from '@tripwise/platform/db';
import { availableDbBackends } from '@tripwise/platform/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findBooking, insertBooking, moveStep, type Booking } from '../src/data/bookings.repository.ts';
import { recordCancellation, recordConfirmation } from '../src/domain/booking-records.ts';
import { givenABookingDb, givenAnInventory, givenAScale, rowsOf, seed, type Inventory } from './seed.fixtures.ts';

const deps = (db: Db) => ({ db, leaseSeconds: 60, eventsWritten: () => undefined });
const CHANGES_WITH_TIME = ['id', 'billing_number', 'billed_at', 'day'];

/** The booking replayed through the service's own recording (as if it had just been confirmed, and cancelled). */
async function replay(db: Db, seeded: Booking, refundId: string | null) {
  await db.transaction((tx) => insertBooking(tx, { ...seeded, idempotency_key: seeded.id }, seeded.items, 60));
  const { payment_id, card_brand, card_last4 } = seeded;
  await moveStep(
    db,
    seeded.id,
    { from: ['started'], to: 'hold-confirmed', leaseSeconds: 60 },
    {
      payment_id: payment_id!,
      card_brand: card_brand!,
      card_last4: card_last4!,
    },
  );
  await recordConfirmation(deps(db), (await findBooking(db, seeded.id))!);
  if (seeded.status !== 'cancelled') return;
  await moveStep(
    db,
    seeded.id,
    { from: ['done'], to: 'cancelling', leaseSeconds: 60 },
    {
      refund_minor: seeded.refund_minor,
      outcome: seeded.outcome!,
    },
  );
  await recordCancellation(deps(db), (await findBooking(db, seeded.id))!, refundId);
}

describe.each(availableDbBackends())('seeded money on %s', (backend) => {
  let search: Inventory;
  let db: Db;
  let replayed: Db;

  beforeAll(async () => {
    search = await givenAnInventory(backend);
    db = await givenABookingDb(backend);
    replayed = await givenABookingDb(backend);
    await seed(db, search, givenAScale({ bookings: 500 }));
  });
  afterAll(async () => {
    for (const handle of [replayed, db, search]) await handle.close();
  });

  test('When seeded bookings are recorded again by booking-records, then their billing and sales are the same', async () => {
    const { rows } = await db.query<{ id: string }>(`
      (SELECT id FROM bookings WHERE status = 'confirmed' AND kind = 'trip' ORDER BY id LIMIT 2)
      UNION ALL (SELECT id FROM bookings WHERE status = 'cancelled' AND refund_minor > 0 ORDER BY id LIMIT 2)
      UNION ALL (SELECT id FROM bookings WHERE status = 'cancelled' AND refund_minor = 0 ORDER BY id LIMIT 1)`);
    expect(rows).toHaveLength(5);
    for (const { id } of rows) {
      const seeded = (await findBooking(db, id))!;
      const refund = await db.query<{ id: string }>(
        `SELECT id FROM payments WHERE booking_id = $1 AND kind = 'refund'`,
        [id],
      );
      await replay(replayed, seeded, refund.rows[0]?.id ?? null);
    }
    const ids = `booking_id IN (${rows.map((r) => `'${r.id}'`).join(', ')})`;
    for (const [table, order] of [
      [`billing_records WHERE ${ids}`, 'booking_id, kind'],
      [`payments WHERE ${ids}`, 'booking_id, kind'],
    ] as const) {
      expect(await rowsOf(replayed, table, order, [...CHANGES_WITH_TIME, 'created_at'])).toEqual(
        await rowsOf(db, table, order, [...CHANGES_WITH_TIME, 'created_at']),
      );
    }
    // What the seed wrote for these bookings' items (the sales test holds sales_daily to the same sums).
    const { rows: own } = await db.query<Record<string, unknown>>(`
      SELECT i.kind, i.listing_id, sum(CASE WHEN b.status = 'confirmed' THEN 1 ELSE 0 END)::int AS bookings,
             sum(CASE WHEN b.status = 'confirmed' THEN i.quantity * i.units ELSE 0 END)::int AS units_sold,
             sum(i.subtotal_minor - CASE WHEN b.status = 'cancelled' THEN round(i.subtotal_minor *
               coalesce((SELECT (r ->> 'refund')::bigint FROM jsonb_array_elements(b.outcome -> 'items') r
                         WHERE (r ->> 'position')::int = i.position), 0)
               / (i.subtotal_minor + i.taxes_minor + i.fees_minor)::numeric) ELSE 0 END)::bigint AS revenue_minor
      FROM bookings b JOIN booking_items i ON i.booking_id = b.id
      WHERE b.${ids.replace('booking_id', 'id')} GROUP BY 1, 2 ORDER BY 1, 2`);
    const { rows: again } = await replayed.query<Record<string, unknown>>(
      `SELECT kind, listing_id, sum(bookings)::int AS bookings, sum(units_sold)::int AS units_sold,
              sum(revenue_minor)::bigint AS revenue_minor FROM sales_daily GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(again).toEqual(own);
  });
});

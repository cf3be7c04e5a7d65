import type { Db } from '@tripwise/platform/db';
import { airportByCode } from '@tripwise/travel-data';
import { availableDbBackends } from '@tripwise/platform/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { quoteItems } from '@tripwise/search/testing';
import type { ItemRow } from '../src/data/bookings.repository.ts';
import { holdItemOfRow } from '../src/domain/booking-saga.ts';
import { givenABookingDb, givenAnInventory, givenAScale, NOW, seed, type Inventory } from './seed.fixtures.ts';

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const dayAt = (instant: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
/** The wall clock (HH:MM) in the zone of an instant, from the zone's offset on that day. */
const clockAt = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );

describe.each(availableDbBackends())('seeded bookings on %s', (backend) => {
  let search: Inventory;
  let db: Db;
  const scale = givenAScale({ bookings: 500 });

  beforeAll(async () => {
    search = await givenAnInventory(backend);
    db = await givenABookingDb(backend);
    await seed(db, search, scale);
  });
  afterAll(async () => {
    await db.close();
    await search.close();
  });

  test('When the books are read, then every booking is billed its total and refunded its refund, once', async () => {
    const { rows } = await db.query<Record<string, number | string | null>>(`
      SELECT b.id, b.status, b.step, b.total_minor, b.refund_minor,
             b.subtotal_minor + b.taxes_minor + b.fees_minor AS parts,
             (SELECT sum(subtotal_minor + taxes_minor + fees_minor) FROM booking_items i WHERE i.booking_id = b.id) AS items,
             (SELECT sum(amount_minor) FROM billing_records r WHERE r.booking_id = b.id AND r.kind = 'payment') AS paid,
             (SELECT sum(amount_minor) FROM billing_records r WHERE r.booking_id = b.id AND r.kind = 'refund') AS refunded,
             (SELECT sum(amount_minor) FROM payments p WHERE p.booking_id = b.id AND p.kind = 'charge'
                AND p.status = 'captured' AND p.id = b.payment_id) AS charged,
             (SELECT sum(amount_minor) FROM payments p WHERE p.booking_id = b.id AND p.kind = 'refund') AS returned,
             (SELECT sum(amount_received - amount_refunded) FROM sim_payment_intents s WHERE s.id = b.payment_id) AS kept
      FROM bookings b`);
    expect(new Set(rows.map((r) => `${r.status}/${r.step}`))).toEqual(
      new Set(['confirmed/done', 'cancelled/cancelled', 'failed/compensated']),
    );
    for (const r of rows) {
      const total = Number(r.total_minor);
      const refund = Number(r.refund_minor);
      expect({ id: r.id, parts: Number(r.parts), items: Number(r.items) }).toEqual({
        id: r.id,
        parts: total,
        items: total,
      });
      if (r.status === 'failed') {
        expect([r.paid, r.refunded, r.charged, r.returned, r.kept, refund]).toEqual([null, null, null, null, null, 0]);
        continue;
      }
      expect({ id: r.id, paid: Number(r.paid), charged: Number(r.charged), kept: Number(r.kept) }).toEqual({
        id: r.id,
        paid: total,
        charged: total,
        kept: total - refund,
      });
      expect({
        id: r.id,
        refunded: r.refunded && Number(r.refunded),
        returned: r.returned && Number(r.returned),
      }).toEqual({ id: r.id, refunded: refund > 0 ? refund : null, returned: refund > 0 ? refund : null });
    }
    expect(rows.filter((r) => r.status === 'cancelled' && Number(r.refund_minor) === 0).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.status === 'cancelled' && Number(r.refund_minor) > 0).length).toBeGreaterThan(0);
  });

  test('When billing records are listed, then they are numbered in the order billed, by the month billed', async () => {
    const { rows } = await db.query<{ id: number; billing_number: string; month: string }>(
      `SELECT id, billing_number, to_char(billed_at AT TIME ZONE 'UTC', 'YYYYMM') AS month FROM billing_records
       ORDER BY billed_at, booking_id, kind`,
    );
    expect(rows.map((r) => r.id)).toEqual(rows.map((r) => r.id).sort((a, b) => a - b));
    expect(rows.map((r) => r.billing_number)).toEqual(
      rows.map((r) => `TW-${r.month}-${String(r.id).padStart(8, '0')}`),
    );
  });

  test('When sales are read, then each listing and day adds up its bookings, less the revenue refunded', async () => {
    const { rows } = await db.query<Record<string, unknown>>(`
      WITH items AS (
        SELECT (b.created_at AT TIME ZONE 'UTC')::date AS day, i.kind, i.listing_id, b.status,
               i.quantity * i.units AS units, i.subtotal_minor,
               coalesce((SELECT (r ->> 'refund')::bigint FROM jsonb_array_elements(b.outcome -> 'items') r
                         WHERE (r ->> 'position')::int = i.position), 0) AS refund,
               i.subtotal_minor + i.taxes_minor + i.fees_minor AS gross
        FROM bookings b JOIN booking_items i ON i.booking_id = b.id WHERE b.status <> 'failed'),
      expected AS (
        SELECT day, kind, listing_id, sum(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END)::int AS bookings,
               sum(CASE WHEN status = 'confirmed' THEN units ELSE 0 END)::int AS units_sold,
               sum(subtotal_minor - CASE WHEN status = 'cancelled' THEN round(subtotal_minor * refund / gross::numeric) ELSE 0 END)::bigint AS revenue_minor
        FROM items GROUP BY 1, 2, 3)
      SELECT e.*, s.bookings AS s_bookings, s.units_sold AS s_units, s.revenue_minor AS s_revenue
      FROM expected e FULL JOIN sales_daily s USING (day, kind, listing_id)`);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect([r.s_bookings, r.s_units, r.s_revenue]).toEqual([r.bookings, r.units_sold, r.revenue_minor]);
    }
  });

  test('When each item is set against search, then it is its listing: title, owner, provider, policy, price, dates', async () => {
    const { rows: items } = await db.query<ItemRow>(
      `SELECT i.*, i.listing_id::text AS listing_id, i.parent_id::text AS parent_id FROM booking_items i
       ORDER BY booking_id, position`,
    );
    const quoted = await quoteItems(search.db, items.map(holdItemOfRow), { anyDates: true });
    const { rows: flights } = await search.db.query<{
      id: string;
      origin: string;
      destination: string;
      minutes: number;
    }>(`SELECT id::text AS id, origin, destination, duration_min AS minutes FROM flights`);
    const flightOf = new Map(flights.map((f) => [f.id, f]));
    let shadows = 0;
    for (const [n, item] of items.entries()) {
      const { listing, unitPrice } = quoted[n]!;
      expect(item).toMatchObject({
        listing_id: listing.listingId,
        parent_id: listing.parentId,
        owner_id: listing.ownerId,
        provider_kind: listing.provider.kind,
        provider_id: listing.provider.id,
        provider_name: listing.provider.name,
        title: listing.title,
        subtitle: listing.subtitle,
        city: listing.city,
        unit_price_minor: unitPrice.amount,
      });
      const { startsAt, ...rules } = listing.policy;
      expect(item.policy).toMatchObject(rules);
      const moved = daysBetween(item.start_date, listing.startDate);
      if (item.kind !== 'flight' || moved === 0) {
        expect([item.start_date, item.end_date, item.policy.startsAt]).toEqual([
          listing.startDate,
          listing.endDate,
          startsAt,
        ]);
        continue;
      }
      // A past flight: the same service whole weeks earlier, leaving at the same local time.
      shadows += 1;
      expect(moved % 7).toBe(0);
      expect(item.start_date < '2027-01-11').toBe(true);
      const flight = flightOf.get(item.listing_id)!;
      const zone = airportByCode(flight.origin)!.timeZone!;
      const arrival = Date.parse(item.policy.startsAt) + flight.minutes * 60_000;
      expect(dayAt(Date.parse(item.policy.startsAt), zone)).toBe(item.start_date);
      expect(dayAt(arrival, airportByCode(flight.destination)!.timeZone!)).toBe(item.end_date);
      expect(clockAt(item.policy.startsAt, zone)).toBe(clockAt(startsAt, zone));
    }
    expect(shadows).toBeGreaterThan(50);
  });

  test('When the times are read, then bookings are made over the window, before they start, and cancelled before that', async () => {
    const { rows } = await db.query<{
      created_at: Date;
      cancelled_at: Date | null;
      starts: string;
      first_day: string;
    }>(`
      SELECT b.created_at, b.cancelled_at, b.starts_on::text AS first_day,
             (SELECT min(i.policy ->> 'startsAt') FROM booking_items i WHERE i.booking_id = b.id) AS starts
      FROM bookings b`);
    const windowStart = NOW.getTime() - scale.days * DAY_MS;
    for (const r of rows) {
      expect(r.created_at.getTime()).toBeGreaterThanOrEqual(windowStart);
      expect(r.created_at.getTime()).toBeLessThan(NOW.getTime());
      expect(r.first_day >= r.created_at.toISOString().slice(0, 10)).toBe(true);
      if (r.cancelled_at) {
        expect(r.cancelled_at.getTime()).toBeGreaterThan(r.created_at.getTime());
        expect(r.cancelled_at.getTime()).toBeLessThan(Math.min(Date.parse(r.starts), NOW.getTime()));
      }
    }
  });
});

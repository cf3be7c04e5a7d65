import type { OwnerBookingQuery } from '@tripwise/contracts';
import type { Identity } from '@tripwise/platform/auth';
import type { Db } from '@tripwise/platform/db';
import { forbidden } from '@tripwise/platform/errors';
import { decodeCursor, encodeCursor } from '@tripwise/platform/http';
import { z } from 'zod';
import type { Booking } from '../data/bookings.repository.ts';
import { countOwnerBookings, searchOwnerBookings, type OwnerBookingFilter } from '../data/owner-bookings.repository.ts';
import { bookingView, type Audience } from './booking-view.ts';

const TOTAL_CAP = 10_000;
const cursorSchema = z.object({ v: z.string().max(40), id: z.uuid() });

/** Owners see bookings with an item of their own listings; admins any booking, or one traveler's (`userId`). */
function filterFor(who: Identity, query: OwnerBookingQuery, now: Date): OwnerBookingFilter {
  if (who.role === 'traveler') throw forbidden('Only owners and admins see bookings of listings.');
  const { limit: _limit, cursor: _cursor, userId, ...rest } = query;
  return {
    ...rest,
    today: now.toISOString().slice(0, 10),
    ...(who.role === 'admin' ? { userId } : { ownerId: who.userId }),
  };
}

const audienceOf = (who: Identity): Audience =>
  who.role === 'admin' ? { as: 'admin' } : { as: 'owner', ownerId: who.userId };

/** A page of bookings of the caller's listings, filtered and in the asked order, with how many match in all. */
export async function listBookingsOfListings(db: Db, who: Identity, query: OwnerBookingQuery, now = new Date()) {
  const filter = filterFor(who, query, now);
  const after = decodeCursor(cursorSchema, query.cursor);
  const [rows, total] = await Promise.all([
    searchOwnerBookings(db, filter, { limit: query.limit + 1, after }),
    countOwnerBookings(db, filter, TOTAL_CAP),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((b) => bookingView(b, audienceOf(who))),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ v: last.sort_text, id: last.id }) : null,
    ...(total > TOTAL_CAP ? { total: TOTAL_CAP, totalIsEstimate: true } : { total }),
  };
}

export const CSV_HEADERS = [
  'booking id',
  'booked at',
  'status',
  'listing',
  'details',
  'city',
  'from',
  'to',
  'guest',
  'contact email',
  'quantity',
  'units',
  'unit price',
  'amount',
  'currency',
] as const;

/** RFC 4180; text a spreadsheet would run as a formula (=, +, -, @ first) gets an apostrophe: guests type names. */
function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const decimal = (minor: number) => (minor / 100).toFixed(2);

function guestOf(travelers: Record<string, unknown>[]): string {
  const lead = travelers[0] ?? {};
  const name = [lead.firstName, lead.lastName].filter((p) => typeof p === 'string' && p).join(' ');
  return travelers.length > 1 ? `${name} +${travelers.length - 1}` : name;
}

/** One line per booked item the caller may see (an owner: only the items of their listings). */
export function csvLines(booking: Booking, who: Identity): string {
  const items = who.role === 'admin' ? booking.items : booking.items.filter((i) => i.owner_id === who.userId);
  return items
    .map((i) =>
      [
        booking.id,
        booking.created_at.toISOString(),
        booking.status,
        i.title,
        i.subtitle,
        i.city,
        i.start_date,
        i.end_date,
        guestOf(i.travelers),
        booking.contact.email,
        i.quantity,
        i.units,
        decimal(i.unit_price_minor),
        decimal(i.subtotal_minor),
        booking.currency,
      ]
        .map(csvCell)
        .join(','),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}

/**
 * Every matching booking as CSV, a batch at a time, so an owner with years of bookings gets them all without the
 * service holding them in memory. `write` resolves once the chunk is handed on (back-pressure).
 */
export async function exportBookingsOfListings(
  db: Db,
  who: Identity,
  query: OwnerBookingQuery,
  write: (chunk: string) => Promise<void>,
  now = new Date(),
): Promise<void> {
  const filter = filterFor(who, query, now);
  await write(`${CSV_HEADERS.join(',')}\r\n`);
  let after: { v: string; id: string } | undefined;
  for (;;) {
    const rows = await searchOwnerBookings(db, filter, { limit: 500, after });
    if (rows.length === 0) return;
    await write(rows.map((b) => csvLines(b, who)).join(''));
    const last = rows.at(-1)!;
    after = { v: last.sort_text, id: last.id };
    if (rows.length < 500) return;
  }
}

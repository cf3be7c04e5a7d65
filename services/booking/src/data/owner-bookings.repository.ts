import type { Queryable } from '@tripwise/platform/db';
import { withItems, type BookingRow, type BookingStatus } from './bookings.repository.ts';

export interface OwnerBookingFilter {
  /** An owner sees bookings with an item of theirs; an admin every booking, or one traveler's. */
  ownerId?: string | undefined;
  userId?: string | undefined;
  when: 'upcoming' | 'current' | 'past' | 'all';
  status?: BookingStatus | undefined;
  today: string;
  listingKind?: 'hotel' | 'car' | 'flight' | undefined;
  listingId?: string | undefined;
  /** Stays and rentals overlapping these calendar dates. */
  from?: string | undefined;
  to?: string | undefined;
  /** A guest's name or the contact email. */
  q?: string | undefined;
  sort: 'createdAt' | 'startsOn';
  order: 'asc' | 'desc';
}

const ITEM_KIND = { hotel: 'room', car: 'car', flight: 'flight' } as const;
const SORT = { createdAt: { expr: 'b.created_at', type: 'timestamptz' }, startsOn: { expr: 'b.starts_on', type: 'date' } };
const like = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

function whereOf(f: OwnerBookingFilter, param: (value: unknown) => string): string[] {
  const where: string[] = [];
  const item: string[] = [];
  if (f.ownerId) item.push(`i.owner_id = ${param(f.ownerId)}`);
  if (f.listingKind) {
    item.push(`i.kind = ${param(ITEM_KIND[f.listingKind])}`);
    // A hotel's bookings are of its room types: the hotel is the item's parent.
    if (f.listingId) item.push(`${f.listingKind === 'hotel' ? 'i.parent_id' : 'i.listing_id'} = ${param(f.listingId)}::bigint`);
  }
  if (item.length) where.push(`EXISTS (SELECT 1 FROM booking_items i WHERE i.booking_id = b.id AND ${item.join(' AND ')})`);
  if (f.userId) where.push(`b.user_id = ${param(f.userId)}`);
  if (f.status) where.push(`b.status = ${param(f.status)}`);
  if (f.when === 'upcoming') where.push(`b.starts_on > ${param(f.today)}::date`);
  if (f.when === 'current') {
    const today = param(f.today);
    where.push(`b.starts_on <= ${today}::date AND b.ends_on >= ${today}::date`);
  }
  if (f.when === 'past') where.push(`b.ends_on < ${param(f.today)}::date`);
  if (f.from) where.push(`b.ends_on >= ${param(f.from)}::date`);
  if (f.to) where.push(`b.starts_on <= ${param(f.to)}::date`);
  if (f.q) {
    const q = param(like(f.q));
    where.push(`(b.contact->>'email' ILIKE ${q} OR EXISTS (SELECT 1 FROM booking_items t
                 WHERE t.booking_id = b.id AND t.travelers::text ILIKE ${q}))`);
  }
  return where;
}

/** A page of bookings in the asked order (id breaks ties), one more than asked to tell whether more follow. */
export async function searchOwnerBookings(
  db: Queryable,
  f: OwnerBookingFilter,
  page: { limit: number; after?: { v: string; id: string } | undefined },
) {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = whereOf(f, param);
  const sort = SORT[f.sort];
  const dir = f.order === 'asc' ? 'ASC' : 'DESC';
  if (page.after) {
    const cmp = f.order === 'asc' ? '>' : '<';
    where.push(`(${sort.expr}, b.id) ${cmp} (${param(page.after.v)}::${sort.type}, ${param(page.after.id)}::uuid)`);
  }
  const { rows } = await db.query<BookingRow & { sort_text: string }>(
    `SELECT b.*, ${sort.expr}::text AS sort_text FROM bookings b ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${sort.expr} ${dir}, b.id ${dir} LIMIT ${param(page.limit)}`,
    params,
  );
  return withItems(db, rows);
}

/** How many bookings match, exact up to `cap`. */
export async function countOwnerBookings(db: Queryable, f: OwnerBookingFilter, cap: number): Promise<number> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = whereOf(f, param);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM bookings b ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     LIMIT ${param(cap + 1)}) c`,
    params,
  );
  return rows[0]?.n ?? 0;
}

import type { Queryable } from '@tripwise/platform/db';

export type BookingStatus = 'pending' | 'confirmed' | 'cancelled' | 'failed';
/** How far a booking got: each value is a step that is done (see the saga). */
export type BookingStep =
  | 'started'
  | 'held'
  | 'authorized'
  | 'hold-confirmed'
  | 'done'
  | 'compensated'
  | 'cancelling'
  | 'cancelling-item'
  | 'cancelled';
export const FINAL_STEPS: readonly BookingStep[] = ['done', 'compensated', 'cancelled'];

export interface BookingRow {
  id: string;
  user_id: string;
  status: BookingStatus;
  step: BookingStep;
  kind: 'flight' | 'hotel' | 'car' | 'trip';
  idempotency_key: string;
  request_fingerprint: string;
  contact: { email: string; phone: string };
  subtotal_minor: number;
  taxes_minor: number;
  fees_minor: number;
  total_minor: number;
  currency: string;
  price_lines: { taxes: { label: string; amount: number }[]; fees: { label: string; amount: number }[] };
  starts_on: string;
  ends_on: string;
  payment_id: string | null;
  card_brand: string | null;
  card_last4: string | null;
  billing_name: string;
  billing_address: Record<string, unknown>;
  outcome: Record<string, unknown> | null;
  refund_minor: number;
  lease_until: Date;
  created_at: Date;
  updated_at: Date;
  cancelled_at: Date | null;
  /** created_at to the microsecond, for keyset pages (a Date keeps only milliseconds). */
  cursor_at?: string;
}

export interface ItemRow {
  position: number;
  kind: 'flight' | 'room' | 'car';
  listing_id: string;
  parent_id: string | null;
  owner_id: string | null;
  provider_kind: string;
  provider_id: string;
  provider_name: string;
  title: string;
  subtitle: string;
  city: string;
  start_date: string;
  end_date: string;
  quantity: number;
  units: number;
  unit_price_minor: number;
  subtotal_minor: number;
  taxes_minor: number;
  fees_minor: number;
  request: Record<string, unknown>;
  travelers: Record<string, unknown>[];
  policy: {
    freeCancellationHours: number | null;
    lateCancellationKeeps: 'one-unit' | 'everything';
    startsAt: string;
    details: Record<string, unknown>;
  };
  /** This item alone cancelled (or being cancelled), with what it refunds and by which rule. */
  cancel_step?: 'cancelling' | 'cancelled' | null;
  refund_minor?: number | null;
  refund_rule?: string | null;
  cancelled_at?: Date | null;
}

export type Booking = BookingRow & { items: ItemRow[] };
export type NewBooking = Omit<BookingRow, 'step' | 'status' | 'payment_id' | 'card_brand' | 'card_last4' | 'outcome' | 'refund_minor' | 'lease_until' | 'created_at' | 'updated_at' | 'cancelled_at'>;

/** How long whoever works on an unfinished booking keeps it before recovery may take over (a bound parameter). */
const LEASE = (param: string) => `now() + make_interval(secs => ${param})`;

const ITEM_COLUMNS = [
  'position', 'kind', 'listing_id', 'parent_id', 'owner_id', 'provider_kind', 'provider_id', 'provider_name', 'title',
  'subtitle', 'city', 'start_date', 'end_date', 'quantity', 'units', 'unit_price_minor', 'subtotal_minor',
  'taxes_minor', 'fees_minor', 'request', 'travelers', 'policy',
] as const;

/** Stores a new booking (pending, step `started`) and its items; false when the idempotency key was taken first. */
export async function insertBooking(tx: Queryable, booking: NewBooking, items: ItemRow[], leaseSeconds: number): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO bookings (id, user_id, status, step, kind, idempotency_key, request_fingerprint, contact,
       subtotal_minor, taxes_minor, fees_minor, total_minor, currency, price_lines, starts_on, ends_on,
       billing_name, billing_address, lease_until)
     VALUES ($1, $2, 'pending', 'started', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, ${LEASE('$17')})
     ON CONFLICT (user_id, idempotency_key) DO NOTHING RETURNING id`,
    [
      booking.id, booking.user_id, booking.kind, booking.idempotency_key, booking.request_fingerprint,
      JSON.stringify(booking.contact), booking.subtotal_minor, booking.taxes_minor, booking.fees_minor,
      booking.total_minor, booking.currency, JSON.stringify(booking.price_lines), booking.starts_on, booking.ends_on,
      booking.billing_name, JSON.stringify(booking.billing_address), leaseSeconds,
    ],
  );
  if (rowCount === 0) return false;
  for (const item of items) {
    await tx.query(
      `INSERT INTO booking_items (booking_id, ${ITEM_COLUMNS.join(', ')})
       VALUES ($1, ${ITEM_COLUMNS.map((_, i) => `$${i + 2}`).join(', ')})`,
      [
        booking.id,
        ...ITEM_COLUMNS.map((c) => (['request', 'travelers', 'policy'].includes(c) ? JSON.stringify(item[c]) : item[c])),
      ],
    );
  }
  return true;
}

export async function withItems<R extends BookingRow>(db: Queryable, rows: R[]): Promise<(R & { items: ItemRow[] })[]> {
  if (rows.length === 0) return [];
  const items = await db.query<ItemRow & { booking_id: string }>(
    `SELECT booking_id, ${ITEM_COLUMNS.join(', ')}, cancel_step, refund_minor, refund_rule, cancelled_at
     FROM booking_items WHERE booking_id = ANY($1::uuid[]) ORDER BY position`,
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    ...r,
    items: items.rows
      .filter((i) => i.booking_id === r.id)
      .map(({ booking_id: _, ...item }) => ({ ...item, listing_id: String(item.listing_id), parent_id: item.parent_id === null ? null : String(item.parent_id) })),
  }));
}

export async function findBooking(db: Queryable, id: string): Promise<Booking | undefined> {
  const { rows } = await db.query<BookingRow>('SELECT * FROM bookings WHERE id = $1', [id]);
  return (await withItems(db, rows))[0];
}

export async function findBookingByKey(db: Queryable, userId: string, key: string): Promise<Booking | undefined> {
  const { rows } = await db.query<BookingRow>('SELECT * FROM bookings WHERE user_id = $1 AND idempotency_key = $2', [userId, key]);
  return (await withItems(db, rows))[0];
}

export interface StepChange {
  status?: BookingStatus;
  payment_id?: string;
  card_brand?: string;
  card_last4?: string;
  outcome?: Record<string, unknown>;
  refund_minor?: number;
  cancelled_at?: Date;
}

/**
 * Records that a step is done, only if the booking is still where the caller left it (so a request and a
 * recovery worker can never both move it). Renews the caller's lease. False when someone else moved it.
 */
export async function moveStep(
  db: Queryable,
  id: string,
  move: { from: readonly BookingStep[]; to: BookingStep; leaseSeconds: number },
  change: StepChange = {},
): Promise<boolean> {
  const sets = Object.keys(change).map((column, i) => `${column} = $${i + 5}`);
  const values: unknown[] = Object.values(change).map((v: unknown) =>
    v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v,
  );
  const { rowCount } = await db.query(
    `UPDATE bookings SET step = $3, updated_at = now(), lease_until = ${LEASE('$4')}${sets.length ? `, ${sets.join(', ')}` : ''}
     WHERE id = $1 AND step = ANY($2::text[])`,
    [id, move.from, move.to, move.leaseSeconds, ...values],
  );
  return rowCount > 0;
}

/** One item starts being cancelled on its own, with its refund; false when it already is (or was). */
export async function startItemCancellation(
  tx: Queryable,
  bookingId: string,
  item: { position: number; refund: number; rule: string },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE booking_items SET cancel_step = 'cancelling', refund_minor = $3, refund_rule = $4
     WHERE booking_id = $1 AND position = $2 AND cancel_step IS NULL`,
    [bookingId, item.position, item.refund, item.rule],
  );
  return rowCount > 0;
}

/** The item's inventory and money are back: it is cancelled. False when someone else recorded it first. */
export async function finishItemCancellation(tx: Queryable, bookingId: string, position: number): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE booking_items SET cancel_step = 'cancelled', cancelled_at = now()
     WHERE booking_id = $1 AND position = $2 AND cancel_step = 'cancelling'`,
    [bookingId, position],
  );
  return rowCount > 0;
}

/** Unfinished bookings nobody holds (their worker crashed or gave up), each now leased to the caller. */
export async function claimAbandoned(db: Queryable, limit: number, leaseSeconds: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE bookings SET lease_until = ${LEASE('$3')}
     WHERE id IN (SELECT id FROM bookings WHERE step <> ALL($1::text[]) AND lease_until < now()
                  ORDER BY lease_until LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    [FINAL_STEPS, limit, leaseSeconds],
  );
  return rows.map((r) => r.id);
}

/** Bookings neither finished nor undone whose worker's lease has run out (none is working on them). */
export async function countAbandoned(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM bookings WHERE step <> ALL($1::text[]) AND lease_until < now()`,
    [FINAL_STEPS],
  );
  return rows[0]?.count ?? 0;
}

export type BookingScope = { userId: string } | { ownerId: string } | { everyone: true };
export interface BookingFilter {
  when: 'upcoming' | 'current' | 'past' | 'all';
  status?: BookingStatus | undefined;
  today: string;
  limit: number;
  before?: { createdAt: string; id: string } | undefined;
}

/** A page of bookings, newest first: the caller's, those including an owner's listings, or everyone's. */
export async function listBookings(db: Queryable, scope: BookingScope, filter: BookingFilter): Promise<Booking[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if ('userId' in scope) where.push(`b.user_id = ${param(scope.userId)}`);
  if ('ownerId' in scope) {
    where.push(`EXISTS (SELECT 1 FROM booking_items i WHERE i.booking_id = b.id AND i.owner_id = ${param(scope.ownerId)})`);
  }
  if (filter.status) where.push(`b.status = ${param(filter.status)}`);
  // An attempt that was never booked (a declined card, sold out) is no trip: only asking for them lists them by date.
  else if (filter.when !== 'all') where.push(`b.status <> 'failed'`);
  if (filter.when === 'upcoming') where.push(`b.starts_on > ${param(filter.today)}::date`);
  if (filter.when === 'current') where.push(`b.starts_on <= ${param(filter.today)}::date AND b.ends_on >= $${params.length}::date`);
  if (filter.when === 'past') where.push(`b.ends_on < ${param(filter.today)}::date`);
  if (filter.before) where.push(`(b.created_at, b.id) < (${param(filter.before.createdAt)}::timestamptz, ${param(filter.before.id)}::uuid)`);
  const { rows } = await db.query<BookingRow>(
    `SELECT b.*, b.created_at::text AS cursor_at FROM bookings b ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY b.created_at DESC, b.id DESC LIMIT ${param(filter.limit)}`,
    params,
  );
  return withItems(db, rows);
}

/**
 * The traveler's latest confirmed booking of a listing that has ended by `today` (a hotel by its id, a car or a
 * flight by theirs), with the item's travelers: what a review needs to be allowed.
 */
export async function findEndedBooking(
  db: Queryable,
  query: { userId: string; kind: 'hotel' | 'car' | 'flight'; listingId: string; today: string },
): Promise<{ id: string; travelers: Record<string, unknown>[] } | undefined> {
  const match = query.kind === 'hotel' ? `i.kind = 'room' AND i.parent_id = $2` : `i.kind = $4::text AND i.listing_id = $2`;
  const { rows } = await db.query<{ id: string; travelers: Record<string, unknown>[] }>(
    `SELECT b.id, i.travelers FROM bookings b JOIN booking_items i ON i.booking_id = b.id
     WHERE b.user_id = $1 AND b.status = 'confirmed' AND ${match} AND i.end_date < $3::date
     ORDER BY i.end_date DESC LIMIT 1`,
    [query.userId, query.listingId, query.today, ...(query.kind === 'hotel' ? [] : [query.kind])],
  );
  return rows[0];
}

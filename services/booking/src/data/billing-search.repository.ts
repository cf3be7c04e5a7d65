import type { Queryable } from '@tripwise/platform/db';
import type { BillingRow } from './money.repository.ts';

export type BillStatus = 'paid' | 'refunded' | 'partially_refunded';

export interface BillingFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  kind?: 'payment' | 'refund' | undefined;
  userId?: string | undefined;
  bookingId?: string | undefined;
  /** The bill-to email, any case. */
  email?: string | undefined;
  status?: BillStatus | undefined;
  minAmount?: number | undefined;
  maxAmount?: number | undefined;
  /** The start of a billing number (`TW-202611-0000`). */
  q?: string | undefined;
}

// A payment's status says what became of it: refunded in full or in part (one refund record per booking at most).
const STATUS_SQL = `CASE WHEN r.kind = 'refund' THEN 'refunded'
  WHEN rf.amount_minor IS NULL THEN 'paid'
  WHEN rf.amount_minor >= r.amount_minor THEN 'refunded' ELSE 'partially_refunded' END`;
const FROM_SQL = `billing_records r LEFT JOIN billing_records rf
  ON r.kind = 'payment' AND rf.booking_id = r.booking_id AND rf.kind = 'refund'`;
const SORT = { billedAt: { expr: 'r.billed_at', type: 'timestamptz' }, amount: { expr: 'r.amount_minor', type: 'bigint' } };

function whereOf(f: BillingFilter, param: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (f.from) where.push(`r.billed_at >= ${param(f.from)}`);
  if (f.to) where.push(`r.billed_at < ${param(f.to)}`);
  if (f.kind) where.push(`r.kind = ${param(f.kind)}`);
  if (f.userId) where.push(`r.user_id = ${param(f.userId)}`);
  if (f.bookingId) where.push(`r.booking_id = ${param(f.bookingId)}`);
  if (f.email) where.push(`lower(r.invoice->'billTo'->>'email') = ${param(f.email.toLowerCase())}`);
  if (f.status) where.push(`(${STATUS_SQL}) = ${param(f.status)}`);
  if (f.minAmount !== undefined) where.push(`r.amount_minor >= ${param(f.minAmount)}`);
  if (f.maxAmount !== undefined) where.push(`r.amount_minor <= ${param(f.maxAmount)}`);
  if (f.q) where.push(`r.billing_number LIKE ${param(`${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)}`);
  return where;
}

function builder() {
  const params: unknown[] = [];
  return {
    params,
    param: (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

export type BillingSearchRow = BillingRow & { bill_status: BillStatus; sort_text: string };

/** Billing records matching the filter, in the asked order (id breaks ties), a page at a time. */
export async function searchBillingRecords(
  db: Queryable,
  f: BillingFilter,
  page: { sort: 'billedAt' | 'amount'; order: 'asc' | 'desc'; limit: number; after?: { v: string; id: number } | undefined },
): Promise<BillingSearchRow[]> {
  const { params, param } = builder();
  const where = whereOf(f, param);
  const sort = SORT[page.sort];
  const dir = page.order === 'asc' ? 'ASC' : 'DESC';
  if (page.after) {
    where.push(
      `(${sort.expr}, r.id) ${page.order === 'asc' ? '>' : '<'} (${param(page.after.v)}::${sort.type}, ${param(page.after.id)}::bigint)`,
    );
  }
  const { rows } = await db.query<BillingSearchRow>(
    `SELECT r.*, (${STATUS_SQL}) AS bill_status, ${sort.expr}::text AS sort_text FROM ${FROM_SQL}
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${sort.expr} ${dir}, r.id ${dir} LIMIT ${param(page.limit)}`,
    params,
  );
  return rows;
}

/** How many records match (exact up to `cap`), and the sums of the whole filter per currency. */
export async function billingTotals(db: Queryable, f: BillingFilter, cap: number) {
  const counted = builder();
  const countWhere = whereOf(f, counted.param);
  const count = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${FROM_SQL}
     ${countWhere.length ? `WHERE ${countWhere.join(' AND ')}` : ''} LIMIT ${counted.param(cap + 1)}) c`,
    counted.params,
  );
  const summed = builder();
  const sumWhere = whereOf(f, summed.param);
  const sums = await db.query<{ currency: string; payments: number; refunds: number }>(
    `SELECT r.currency,
            coalesce(sum(r.amount_minor) FILTER (WHERE r.kind = 'payment'), 0)::bigint AS payments,
            coalesce(sum(r.amount_minor) FILTER (WHERE r.kind = 'refund'), 0)::bigint AS refunds
     FROM ${FROM_SQL} ${sumWhere.length ? `WHERE ${sumWhere.join(' AND ')}` : ''} GROUP BY r.currency ORDER BY r.currency`,
    summed.params,
  );
  return { count: count.rows[0]?.n ?? 0, sums: sums.rows };
}

/** The other records of a bill's booking, and its card movements, for the bill's page. */
export async function billContext(db: Queryable, bookingId: string) {
  const [records, payments, booking] = await Promise.all([
    db.query<BillingRow>('SELECT * FROM billing_records WHERE booking_id = $1 ORDER BY id', [bookingId]),
    db.query<{ id: string; kind: string; status: string; amount_minor: number; created_at: Date }>(
      'SELECT id, kind, status, amount_minor, created_at FROM payments WHERE booking_id = $1 ORDER BY created_at',
      [bookingId],
    ),
    db.query<{ card_brand: string | null; card_last4: string | null; refund_minor: number; cancelled_at: Date | null }>(
      'SELECT card_brand, card_last4, refund_minor, cancelled_at FROM bookings WHERE id = $1',
      [bookingId],
    ),
  ]);
  return { records: records.rows, payments: payments.rows, booking: booking.rows[0] };
}

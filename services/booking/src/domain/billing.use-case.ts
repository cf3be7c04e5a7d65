import { z } from 'zod';
import type { Queryable } from '@tripwise/platform/db';
import { notFound } from '@tripwise/platform/errors';
import { decodeCursor, encodeCursor } from '@tripwise/platform/http';
import { billingBetween, findBillingRecord, type BillingRow } from '../data/money.repository.ts';

const cursorSchema = z.object({ billedAt: z.string().max(40), id: z.number().int() });
const usd = (amount: number, currency: string) => ({ amount, currency });

export function billingView(row: BillingRow) {
  return {
    billingNumber: row.billing_number,
    kind: row.kind,
    userId: row.user_id,
    bookingId: row.booking_id,
    bookingType: row.booking_type,
    billedAt: row.billed_at.toISOString(),
    subtotal: usd(row.subtotal_minor, row.currency),
    taxes: row.tax_lines.map((l) => ({ label: l.label, amount: usd(l.amount, row.currency) })),
    fees: row.fee_lines.map((l) => ({ label: l.label, amount: usd(l.amount, row.currency) })),
    amount: usd(row.amount_minor, row.currency),
    method: row.method,
    status: row.status,
    invoice: row.invoice,
  };
}

/** Admins' search of the books: payments and refunds billed in a range, oldest first, a page at a time. */
export async function searchBilling(
  db: Queryable,
  query: {
    from: string;
    to: string;
    kind?: 'payment' | 'refund' | undefined;
    userId?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const after = decodeCursor(cursorSchema, query.cursor);
  const rows = await billingBetween(
    db,
    {
      from: new Date(`${query.from}T00:00:00Z`),
      to: new Date(`${query.to}T00:00:00Z`),
      kind: query.kind,
      userId: query.userId,
    },
    { limit: query.limit + 1, after },
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    from: query.from,
    to: query.to,
    items: page.map(billingView),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ billedAt: last.billed_at_text ?? last.billed_at.toISOString(), id: last.id })
        : null,
  };
}

export async function billingRecord(db: Queryable, billingNumber: string) {
  const row = await findBillingRecord(db, billingNumber);
  if (!row) throw notFound('The billing record');
  return billingView(row);
}

import { z } from 'zod';
import type { Queryable } from '@tripwise/platform/db';
import { notFound } from '@tripwise/platform/errors';
import { decodeCursor, encodeCursor } from '@tripwise/platform/http';
import {
  billContext,
  billingTotals,
  searchBillingRecords,
  type BillingFilter,
} from '../data/billing-search.repository.ts';
import { findBillingRecord, type BillingRow } from '../data/money.repository.ts';
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

const pageCursor = z.object({ v: z.string().max(40), id: z.number().int() });
const TOTAL_CAP = 10_000;

export interface BillingSearch extends Omit<BillingFilter, 'from' | 'to'> {
  from?: string | undefined;
  to?: string | undefined;
  sort: 'billedAt' | 'amount';
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string | undefined;
}

/**
 * Admins' search of the books: payments and refunds by date, user, booking, bill-to email, status, amount or
 * number, a page at a time, with how many match and what they add up to (the whole filter, not the page).
 */
export async function searchBilling(db: Queryable, query: BillingSearch) {
  const { from, to, sort, order, limit, cursor, ...rest } = query;
  const filter: BillingFilter = {
    ...rest,
    from: from ? new Date(`${from}T00:00:00Z`) : undefined,
    to: to ? new Date(`${to}T00:00:00Z`) : undefined,
  };
  const after = decodeCursor(pageCursor, cursor);
  const [rows, totals] = await Promise.all([
    searchBillingRecords(db, filter, { sort, order, limit: limit + 1, after }),
    billingTotals(db, filter, TOTAL_CAP),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    items: page.map((r) => ({ ...billingView(r), status: r.bill_status })),
    nextCursor: rows.length > limit && last ? encodeCursor({ v: last.sort_text, id: Number(last.id) }) : null,
    ...(totals.count > TOTAL_CAP ? { total: TOTAL_CAP, totalIsEstimate: true } : { total: totals.count }),
    sum: totals.sums.map((s) => ({
      currency: s.currency,
      payments: usd(Number(s.payments), s.currency),
      refunds: usd(Number(s.refunds), s.currency),
    })),
  };
}

/** A bill with its refunds (or what it refunds), the card movement behind it and the card, masked. */
export async function billingRecord(db: Queryable, billingNumber: string) {
  const row = await findBillingRecord(db, billingNumber);
  if (!row) throw notFound('The billing record');
  const { records, payments, booking } = await billContext(db, row.booking_id);
  const charge = payments.find((p) => p.kind === 'charge');
  const refund = payments.find((p) => p.kind === 'refund');
  const refunds = records.filter((r) => r.kind === 'refund');
  const refunded = refunds.reduce((sum, r) => sum + Number(r.amount_minor), 0);
  // As the search shows it: what became of a payment (refunded in full or in part), or a refund.
  const status =
    row.kind === 'refund' || (refunds.length > 0 && refunded >= Number(row.amount_minor))
      ? 'refunded'
      : refunds.length > 0
        ? 'partially_refunded'
        : 'paid';
  return {
    ...billingView(row),
    status,
    ...(row.kind === 'payment'
      ? {
          refunds: refunds.map((r) => ({
            billingNumber: r.billing_number,
            amount: usd(r.amount_minor, r.currency),
            billedAt: r.billed_at.toISOString(),
            reason: 'cancellation',
          })),
        }
      : { refundOf: records.find((r) => r.kind === 'payment')?.billing_number ?? null }),
    transaction: charge
      ? {
          status: (row.kind === 'refund' ? refund : charge)?.status ?? charge.status,
          processorId: (row.kind === 'refund' ? refund : charge)?.id ?? charge.id,
          capturedAt: charge.created_at.toISOString(),
          ...(refund ? { refundedAt: refund.created_at.toISOString() } : {}),
        }
      : null,
    payment: booking?.card_last4
      ? { brand: booking.card_brand ?? 'card', last4: booking.card_last4, expMonth: null, expYear: null }
      : null,
  };
}

import type { Queryable } from '@tripwise/platform/db';
import type { PriceLine } from '@tripwise/contracts';

export async function recordPayment(
  tx: Queryable,
  payment: { id: string; bookingId: string; kind: 'charge' | 'refund'; amount: number; currency: string; status: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO payments (id, booking_id, kind, amount_minor, currency, status) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status`,
    [payment.id, payment.bookingId, payment.kind, payment.amount, payment.currency, payment.status],
  );
}

export interface BillingRecordInput {
  kind: 'payment' | 'refund';
  userId: string;
  bookingId: string;
  bookingType: string;
  subtotal: number;
  taxes: number;
  fees: number;
  amount: number;
  currency: string;
  taxLines: PriceLine[];
  feeLines: PriceLine[];
  method: string;
  status: string;
  invoice: Record<string, unknown>;
  /** The item a refund is for, when one item of a trip was cancelled on its own. */
  itemPosition?: number;
}

export interface BillingRow {
  billing_number: string;
  kind: 'payment' | 'refund';
  user_id: string;
  booking_id: string;
  booking_type: string;
  billed_at: Date;
  subtotal_minor: number;
  taxes_minor: number;
  fees_minor: number;
  amount_minor: number;
  currency: string;
  tax_lines: PriceLine[];
  fee_lines: PriceLine[];
  method: string;
  status: string;
  invoice: Record<string, unknown>;
  item_position: number | null;
  id: number;
  /** billed_at to the microsecond, for keyset pages. */
  billed_at_text?: string;
}

/** One billing record per payment and per refund of a booking; numbered TW-YYYYMM-00000001. */
export async function insertBillingRecord(tx: Queryable, r: BillingRecordInput): Promise<string> {
  const { rows } = await tx.query<{ billing_number: string }>(
    `WITH n AS (SELECT nextval(pg_get_serial_sequence('billing_records', 'id')) AS id)
     INSERT INTO billing_records (id, billing_number, kind, user_id, booking_id, booking_type, subtotal_minor, taxes_minor,
       fees_minor, amount_minor, currency, tax_lines, fee_lines, method, status, invoice, item_position)
     SELECT n.id, 'TW-' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMM') || '-' || lpad(n.id::text, 8, '0'),
            $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15
     FROM n RETURNING billing_number`,
    [
      r.kind, r.userId, r.bookingId, r.bookingType, r.subtotal, r.taxes, r.fees, r.amount, r.currency,
      JSON.stringify(r.taxLines), JSON.stringify(r.feeLines), r.method, r.status, JSON.stringify(r.invoice),
      r.itemPosition ?? null,
    ],
  );
  return rows[0]!.billing_number;
}

export async function billingOfBooking(db: Queryable, bookingId: string): Promise<BillingRow[]> {
  const { rows } = await db.query<BillingRow>('SELECT * FROM billing_records WHERE booking_id = $1 ORDER BY id', [bookingId]);
  return rows;
}

export async function findBillingRecord(db: Queryable, billingNumber: string): Promise<BillingRow | undefined> {
  const { rows } = await db.query<BillingRow>('SELECT * FROM billing_records WHERE billing_number = $1', [billingNumber]);
  return rows[0];
}

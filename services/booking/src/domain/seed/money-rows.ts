import type {
  SeedBillingRow,
  SeedBookingRow,
  SeedIntentRow,
  SeedItemRow,
  SeedPaymentRow,
  SeedSalesRow,
  SeedSimRefundRow,
} from '../../data/seed.writer.ts';
import type { PriceLine } from '@tripwise/contracts';
import { invoiceOf, paymentMethod, refundedRevenue } from '../billing.rules.ts';
import { processorId } from './booking-rows.ts';

/*
 * The money side of a seeded booking, worked out the way booking-records.ts records it (recordConfirmation,
 * recordCancellation): the same amounts, lines, invoice and sales. Tests hold the two to each other.
 */

export interface MoneyRows {
  payments: SeedPaymentRow[];
  intents: SeedIntentRow[];
  simRefunds: SeedSimRefundRow[];
  billing: SeedBillingRow[];
  sales: SeedSalesRow[];
}

const method = (b: SeedBookingRow) => paymentMethod(b.card_brand, b.card_last4);
function invoice(b: SeedBookingRow, items: SeedItemRow[]) {
  const contact = JSON.parse(b.contact) as { email: string };
  return invoiceOf(
    { name: b.billing_name, address: JSON.parse(b.billing_address) as unknown, email: contact.email },
    items,
  );
}

function salesOf(b: SeedBookingRow, items: SeedItemRow[]): SeedSalesRow[] {
  const refunds = b.outcome
    ? ((JSON.parse(b.outcome) as { items?: { position: number; refund: number }[] }).items ?? [])
    : [];
  const cancelled = b.status === 'cancelled';
  return items.map((i) => ({
    day: b.created_at.slice(0, 10),
    kind: i.kind,
    listing_id: i.listing_id,
    parent_id: i.parent_id,
    owner_id: i.owner_id,
    provider_kind: i.provider_kind,
    provider_id: i.provider_id,
    provider_name: i.provider_name,
    title: i.title,
    city: i.city,
    // Confirmed: +1 booking, its units and revenue. Cancelled as well: −1, its units, and the revenue refunded.
    bookings: cancelled ? 0 : 1,
    units_sold: cancelled ? 0 : i.quantity * i.units,
    revenue_minor: i.subtotal_minor - (cancelled ? refundedRevenue(i, refunds) : 0),
  }));
}

type PriceLines = { taxes: PriceLine[]; fees: PriceLine[] };

/** recordConfirmation's billing record: the whole total, paid. */
function paymentRecord(b: SeedBookingRow, items: SeedItemRow[], billedAt: string): SeedBillingRow {
  const lines = JSON.parse(b.price_lines) as PriceLines;
  return {
    kind: 'payment',
    user_id: b.user_id,
    booking_id: b.id,
    booking_type: b.kind,
    billed_at: billedAt,
    subtotal_minor: b.subtotal_minor,
    taxes_minor: b.taxes_minor,
    fees_minor: b.fees_minor,
    amount_minor: b.total_minor,
    currency: b.currency,
    tax_lines: JSON.stringify(lines.taxes),
    fee_lines: JSON.stringify(lines.fees),
    method: method(b),
    status: 'paid',
    invoice: JSON.stringify(invoice(b, items)),
  };
}

/** recordCancellation's billing record: each amount and line in proportion to the refund. */
function refundRecord(b: SeedBookingRow, items: SeedItemRow[], payment: SeedBillingRow): SeedBillingRow {
  const lines = JSON.parse(b.price_lines) as PriceLines;
  const share = (amount: number) => Math.round((amount * b.refund_minor) / Math.max(1, b.total_minor));
  return {
    ...payment,
    kind: 'refund',
    billed_at: b.cancelled_at!,
    subtotal_minor: share(b.subtotal_minor),
    taxes_minor: share(b.taxes_minor),
    fees_minor: share(b.fees_minor),
    amount_minor: b.refund_minor,
    tax_lines: JSON.stringify(lines.taxes.map((l) => ({ ...l, amount: share(l.amount) }))),
    fee_lines: JSON.stringify(lines.fees.map((l) => ({ ...l, amount: share(l.amount) }))),
    status: 'refunded',
    invoice: JSON.stringify({ ...invoice(b, items), refund: JSON.parse(b.outcome!) as unknown }),
  };
}

/** The processor's record of the charge: authorised half-way between the booking and the capture. */
function intentOf(b: SeedBookingRow, charge: { capturedAt: number; expMonth: number; expYear: number }): SeedIntentRow {
  const created = Date.parse(b.created_at);
  return {
    id: b.payment_id!,
    amount: b.total_minor,
    currency: 'usd',
    status: 'succeeded',
    capture_method: 'manual',
    amount_received: b.total_minor,
    amount_refunded: b.refund_minor,
    brand: b.card_brand!,
    last4: b.card_last4!,
    exp_month: charge.expMonth,
    exp_year: charge.expYear,
    description: `Tripwise booking ${b.id}`,
    metadata: JSON.stringify({ booking_id: b.id }),
    created_at: new Date(created + Math.round((charge.capturedAt - created) / 2)).toISOString(),
  };
}

/** `charge`: when the card was captured, and its expiry (which the processor keeps, and we do not). */
export function moneyRows(
  b: SeedBookingRow,
  items: SeedItemRow[],
  charge: { capturedAt: number; expMonth: number; expYear: number },
): MoneyRows {
  if (b.status === 'failed') return { payments: [], intents: [], simRefunds: [], billing: [], sales: [] };
  const capturedAt = new Date(charge.capturedAt).toISOString();
  const payment = paymentRecord(b, items, capturedAt);
  const { total_minor: amount, currency } = b;
  const rows: MoneyRows = {
    payments: [
      {
        id: b.payment_id!,
        booking_id: b.id,
        kind: 'charge',
        amount_minor: amount,
        currency,
        status: 'captured',
        created_at: capturedAt,
      },
    ],
    intents: [intentOf(b, charge)],
    simRefunds: [],
    billing: [payment],
    sales: salesOf(b, items),
  };
  if (b.status === 'cancelled' && b.refund_minor > 0) {
    const id = processorId('re', b.id);
    const at = b.cancelled_at!;
    const refund = b.refund_minor;
    rows.payments.push({
      id,
      booking_id: b.id,
      kind: 'refund',
      amount_minor: refund,
      currency,
      status: 'succeeded',
      created_at: at,
    });
    rows.simRefunds.push({ id, payment_intent: b.payment_id!, amount: refund, status: 'succeeded', created_at: at });
    rows.billing.push(refundRecord(b, items, payment));
  }
  return rows;
}

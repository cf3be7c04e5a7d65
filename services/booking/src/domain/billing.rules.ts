import type { ItemRow } from '../data/bookings.repository.ts';

/** What a bill says of the card: its brand and last four digits. */
export const paymentMethod = (brand: string | null, last4: string | null) =>
  `${brand ?? 'card'} •••• ${last4 ?? '????'}`;

type InvoicedItem = Pick<
  ItemRow,
  'title' | 'subtitle' | 'start_date' | 'end_date' | 'quantity' | 'units' | 'unit_price_minor' | 'subtotal_minor'
>;

/** The invoice of a booking: who is billed and one line per item. */
export function invoiceOf(billTo: { name: string; address: unknown; email: string }, items: readonly InvoicedItem[]) {
  return {
    billTo,
    lines: items.map((i) => ({
      description: `${i.title} (${i.subtitle})`,
      dates: i.start_date === i.end_date ? i.start_date : `${i.start_date} – ${i.end_date}`,
      quantity: i.quantity,
      units: i.units,
      unitPrice: i.unit_price_minor,
      amount: i.subtotal_minor,
    })),
  };
}

/** The part of an item's revenue (before tax) that its refund gave back. */
export function refundedRevenue(
  item: { position: number; subtotal_minor: number; taxes_minor: number; fees_minor: number },
  refunds: readonly { position: number; refund: number }[],
): number {
  const refund = refunds.find((r) => r.position === item.position)?.refund ?? 0;
  const gross = item.subtotal_minor + item.taxes_minor + item.fees_minor;
  return gross === 0 ? 0 : Math.round((item.subtotal_minor * refund) / gross);
}

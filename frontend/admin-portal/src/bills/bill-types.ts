import type { Money } from '../ui/format.ts';

// Billing records as the billing API answers them (services/booking): one per payment and per refund.

export interface InvoiceLine {
  description: string;
  dates: string;
  quantity: number;
  units: number;
  unitPrice: number;
  amount: number;
}

export interface Bill {
  billingNumber: string;
  kind: 'payment' | 'refund';
  userId: string;
  bookingId: string;
  bookingType: string;
  billedAt: string;
  subtotal: Money;
  taxes: { label: string; amount: Money }[];
  fees: { label: string; amount: Money }[];
  amount: Money;
  /** Already masked by the API: brand and last four. */
  method: string;
  /** paid, partially_refunded or refunded (a payment); refunded (a refund). */
  status: string;
  /** On one bill's page: its refunds (a payment), or the payment it refunds. */
  refunds?: { billingNumber: string; amount: Money; billedAt: string; reason: string }[];
  refundOf?: string | null;
  transaction?: { status: string; processorId: string; capturedAt: string; refundedAt?: string } | null;
  payment?: { brand: string; last4: string; expMonth: number | null; expYear: number | null } | null;
  invoice: {
    lines: InvoiceLine[];
    billTo?: {
      name?: string;
      email?: string;
      address?: {
        line1?: string;
        line2?: string;
        city?: string;
        state?: string;
        postalCode?: string;
        country?: string;
      };
    };
  };
}

export interface BillPage {
  from?: string;
  to?: string;
  items: Bill[];
  nextCursor: string | null;
  /** Exact up to 10,000. */
  total?: number;
  totalIsEstimate?: boolean;
  /** What the whole filter adds up to, per currency (not only the page). */
  sum?: { currency: string; payments: Money; refunds: Money }[];
}

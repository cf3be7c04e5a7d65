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
  status: string;
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
  from: string;
  to: string;
  items: Bill[];
  nextCursor: string | null;
}

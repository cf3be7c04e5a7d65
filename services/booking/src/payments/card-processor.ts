import type { Card } from '@tripwise/contracts';

/** The card was refused: the traveler must use another card (402). */
export class CardDeclined extends Error {
  readonly code: string;
  readonly declineCode: string | undefined;
  constructor(code: string, declineCode: string | undefined, message: string) {
    super(message);
    this.name = 'CardDeclined';
    this.code = code;
    this.declineCode = declineCode;
  }
}

/** The processor did not answer (after retries): nothing can be said about the card. */
export class PaymentUnavailable extends Error {
  constructor(message = 'The card processor did not answer.') {
    super(message);
    this.name = 'PaymentUnavailable';
  }
}

export interface ProcessorPayment {
  id: string;
  status: 'requires_capture' | 'succeeded' | 'canceled';
  amountReceived: number;
  amountRefunded: number;
}

/**
 * What booking needs from a card processor. Every call is idempotent (by booking and payment ids), so a step
 * retried after a timeout or a crash never charges twice. The card number goes to the processor and nowhere else.
 */
export interface CardProcessor {
  authorize(input: {
    bookingId: string;
    amount: number;
    currency: string;
    card: Card;
    description: string;
  }): Promise<{ paymentId: string; brand: string; last4: string }>;
  capture(paymentId: string): Promise<void>;
  /** Voids an authorisation that was never captured. */
  cancel(paymentId: string): Promise<void>;
  refund(input: { paymentId: string; amount: number; idempotencyKey: string }): Promise<{ refundId: string }>;
  /** Every payment made for a booking, found by its metadata: how recovery learns of an answer it never heard. */
  paymentsForBooking(bookingId: string): Promise<ProcessorPayment[]>;
}

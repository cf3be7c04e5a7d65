import { passesLuhn } from '@tripwise/contracts';

export type CardOutcome =
  | { kind: 'approve' }
  | { kind: 'decline'; code: string; declineCode?: string; message: string }
  | { kind: 'unavailable'; once: boolean };

/**
 * The test mode's special numbers, as card processors publish them (these follow Stripe's where Stripe has one).
 * Any other number that passes the Luhn check and has not expired is approved.
 */
export const TEST_CARDS: Readonly<Record<string, CardOutcome>> = {
  '4000000000000002': {
    kind: 'decline',
    code: 'card_declined',
    declineCode: 'generic_decline',
    message: 'Your card was declined.',
  },
  '4000000000009995': {
    kind: 'decline',
    code: 'card_declined',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  '4000000000000069': { kind: 'decline', code: 'expired_card', message: 'Your card has expired.' },
  '4000000000000127': { kind: 'decline', code: 'incorrect_cvc', message: "Your card's security code is incorrect." },
  '4000000000000119': {
    kind: 'decline',
    code: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
  /** The processor fails (HTTP 500) on the first attempt of each request, then answers: a retry succeeds. */
  '4000000000000507': { kind: 'unavailable', once: true },
  /** The processor is down for this card: HTTP 503 every time. */
  '4000000000000515': { kind: 'unavailable', once: false },
};

export function cardBrand(number: string): string {
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(number)) return 'discover';
  return 'unknown';
}

export function outcomeFor(
  card: { number: string; expMonth: number; expYear: number; cvc: string },
  now: Date,
): CardOutcome {
  if (!/^\d{12,19}$/.test(card.number) || !passesLuhn(card.number)) {
    return { kind: 'decline', code: 'incorrect_number', message: 'Your card number is incorrect.' };
  }
  if (card.expYear * 12 + card.expMonth < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) {
    return { kind: 'decline', code: 'expired_card', message: 'Your card has expired.' };
  }
  if (!/^\d{3,4}$/.test(card.cvc)) {
    return { kind: 'decline', code: 'incorrect_cvc', message: "Your card's security code is invalid." };
  }
  return TEST_CARDS[card.number] ?? { kind: 'approve' };
}

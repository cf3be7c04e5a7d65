// Card checks the traveler sees as they type; the booking service checks the same again (packages/contracts).
import { passesLuhn } from '@tripwise/contracts';

export const digitsOf = (text: string) => text.replace(/[\s-]/g, '');

/** "4242424242424242" → "4242 4242 4242 4242" (Amex-style 4-6-5 for 15 digits). */
export function spacedCardNumber(text: string): string {
  const digits = text.replace(/\D/g, '').slice(0, 19);
  if (digits.length === 15) {
    return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].filter(Boolean).join(' ');
  }
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function brandOf(number: string): string | null {
  const d = digitsOf(number);
  if (/^4/.test(d)) return 'Visa';
  if (/^(5[1-5]|2[2-7])/.test(d)) return 'Mastercard';
  if (/^3[47]/.test(d)) return 'American Express';
  if (/^6(011|5)/.test(d)) return 'Discover';
  return null;
}

export function cardNumberError(number: string): string | undefined {
  const d = digitsOf(number);
  if (!d) return 'Enter the card number.';
  if (!/^\d{12,19}$/.test(d)) return 'A card number has 12 to 19 digits.';
  if (!passesLuhn(d)) return 'This card number is not valid: check the digits.';
  return undefined;
}

/** "MM/YY" or "MM/YYYY" → month and four-digit year, or null. */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

export function expiryError(text: string, now = new Date()): string | undefined {
  if (!text.trim()) return 'Enter the expiry date.';
  const expiry = parseExpiry(text);
  if (!expiry) return 'Write the expiry as MM/YY, e.g. 08/29.';
  if (expiry.year * 12 + expiry.month < now.getFullYear() * 12 + now.getMonth() + 1) return 'This card has expired.';
  return undefined;
}

export function cvcError(cvc: string, number: string): string | undefined {
  const length = brandOf(number) === 'American Express' ? 4 : 3;
  if (!/^\d+$/.test(cvc)) return `Enter the ${length}-digit security code.`;
  if (cvc.length !== length) return `The security code has ${length} digits.`;
  return undefined;
}

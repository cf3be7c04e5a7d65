// Words for the API's codes (cabins, amenities, car classes, transmissions, fuel and mileage policies), so a page
// never shows snake_case or a lowercase acronym. Cabins, amenities and car classes have theirs in contracts' vocabulary
// (typed by its lists: a new code without words does not compile), which search's booking titles use too.
// test/copy.test.ts checks every code reads as words.
import { AMENITY_LABELS, CABIN_LABELS, CAR_CLASS_LABELS } from '@tripwise/contracts';
import { plural } from '../ui/format.ts';

/** Listings' other codes (contracts' listing schemas), and the AI concierge's bundle kinds. */
export const OTHER_LABELS: Record<string, string> = {
  automatic: 'Automatic',
  manual: 'Manual',
  unlimited: 'Unlimited mileage',
  limited: 'Limited mileage',
  full_to_full: 'Full to full',
  same_to_same: 'Same level back',
  prepaid: 'Prepaid fuel',
  paid: 'Paid',
  free: 'Free',
  none: 'None',
  cheapest: 'Cheapest',
  best_value: 'Best value',
  most_comfortable: 'Most comfortable',
  fastest: 'Fastest',
};

const words = (code: string) => code.replace(/[_-]/g, ' ').replace(/^./, (c) => c.toUpperCase());
const LABELS: Record<string, string> = { ...OTHER_LABELS, ...AMENITY_LABELS, ...CAR_CLASS_LABELS, ...CABIN_LABELS };

/** A code as words ("full_size" → "Full-size", "suv" → "SUV"); an unknown code at least loses its underscores. */
export const labelOf = (code: string): string => LABELS[code] ?? words(code);

/** A label inside a sentence: lower case, but an acronym stays one ("or similar SUV", "or similar full-size"). */
export const inSentence = (code: string): string => {
  const label = labelOf(code);
  return /^[A-Z]{2,}\b/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
};

/** A car's fuel policy as a rule in a sentence of its own ("Fuel: prepaid fuel." said the policy's name twice). */
const FUEL_RULES: Record<string, string> = {
  full_to_full: 'Fuel: it comes with a full tank; bring it back full',
  same_to_same: 'Fuel: bring it back with as much as it had',
  prepaid: 'Fuel: a full tank is paid for with the rental; bring it back at any level',
};
export const fuelRule = (code: string): string => FUEL_RULES[code] ?? `Fuel: ${inSentence(code)}`;

/** Classes that are nouns already ("a sedan"); the others describe a car ("an economy car"). */
const NOUN_CLASSES = new Set(['suv', 'van', 'convertible', 'pickup', 'sedan', 'hatchback']);

/** "or similar" names the class: "SUV", "sedan", "full-size car". */
export const carClassPhrase = (carClass: string) => {
  const label = inSentence(carClass);
  return NOUN_CLASSES.has(carClass) ? label : `${label} car`;
};

const CARD_BRANDS: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  card: 'Card',
};

/** "visa •••• 4242" as the booking records it → "Visa •••• 4242". */
export const paymentMethodText = (method: string) =>
  method.replace(/^[a-z]+/, (brand) => CARD_BRANDS[brand] ?? brand.charAt(0).toUpperCase() + brand.slice(1));

/** "Free cancellation until 24 hours before pick-up"; with no hours of notice, "until pick-up". */
export const freeCancellation = (hours: number, event: 'pick-up' | 'check-in' | 'departure') =>
  hours > 0 ? `Free cancellation until ${plural(hours, 'hour')} before ${event}` : `Free cancellation until ${event}`;

export const stars = (n: number) => `${'★'.repeat(n)}${'☆'.repeat(Math.max(0, 5 - n))}`;

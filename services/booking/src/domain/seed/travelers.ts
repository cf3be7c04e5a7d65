import { ABROAD_HOMES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, STREETS, US_HOMES } from './people.data.ts';
import { rngFor, type Rng } from '@tripwise/travel-data';

export type BillingAddress = Record<string, string>;

/** A seeded traveler: who books, from where, with which card. */
export interface Traveler {
  id: string;
  firstName: string;
  lastName: string;
  gender: 'female' | 'male';
  dateOfBirth: string;
  email: string;
  phone: string;
  /** The airport the traveler flies from. */
  home: string;
  address: BillingAddress;
  card: { brand: string; last4: string };
  licenseNumber: string;
  /** How much more than others this traveler books (a few frequent travelers book dozens of times). */
  activity: number;
}

/** A version-4 UUID drawn from a seeded stream (so that the same seed names the same rows). */
export function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () => (Math.floor(rng.next() * 2 ** 32) >>> 0).toString(16).padStart(8, '0'))
    .join('')
    .split('');
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const digits = (rng: Rng, count: number) => Array.from({ length: count }, () => rng.int(0, 9)).join('');
const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'discover'];
const CARD_SHARES = [0.55, 0.3, 0.12, 0.03];

export function personName(rng: Rng, lastName?: string) {
  const gender = rng.chance(0.5) ? ('female' as const) : ('male' as const);
  return { firstName: rng.pick(FIRST_NAMES[gender]), lastName: lastName ?? rng.pick(LAST_NAMES), gender };
}

/** A birth date for someone aged between `min` and `max` on `onDay`. */
export function birthDate(rng: Rng, onDay: string, min: number, max: number): string {
  const year = Number(onDay.slice(0, 4)) - rng.int(min + 1, max);
  return `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

function homeOf(home: string, rng: Rng): { address: BillingAddress; phone: string } {
  const line1 = `${rng.int(1, 9899)} ${rng.pick(STREETS)}`;
  const us = US_HOMES[home];
  if (us) {
    const [city, state, zip3, area] = us;
    const address = {
      line1,
      ...(rng.chance(0.2) ? { line2: `Apt ${rng.int(1, 40)}${rng.pick(['A', 'B', 'C', 'D'])}` } : {}),
      city,
      state,
      postalCode: `${zip3}${digits(rng, 2)}`,
      country: 'US',
    };
    return { address, phone: `+1${area}55501${digits(rng, 2)}` };
  }
  const [city, country, postalCode, dial] = ABROAD_HOMES[home]!;
  return { address: { line1, city, postalCode, country }, phone: `+${dial}${rng.int(2, 9)}${digits(rng, 8)}` };
}

/** The airports travelers can live by: those the inventory flies from that we know addresses for, by traffic. */
export function homeAirports(departures: ReadonlyMap<string, number>): { codes: string[]; weights: number[] } {
  const codes = [...departures.keys()].filter((code) => US_HOMES[code] || ABROAD_HOMES[code]).sort();
  if (codes.length === 0) throw new Error('the search inventory flies from none of the airports travelers live by');
  // Tripwise sells mostly to US travelers (prices, taxes and fees are American).
  const weights = codes.map((code) => departures.get(code)! ** 0.8 * (US_HOMES[code] ? 1 : 0.3));
  return { codes, weights };
}

/** `count` travelers, the same ones for the same seed whatever the scale. */
export function generateTravelers(
  count: number,
  seed: number,
  homes: { codes: string[]; weights: number[] },
  today: string,
): Traveler[] {
  return Array.from({ length: count }, (_, index) => {
    const rng = rngFor(seed, 'traveler', index);
    const id = uuidFrom(rng);
    const name = personName(rng);
    const home = rng.weighted(homes.codes, homes.weights);
    const local = `${name.firstName}.${name.lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
    return {
      id,
      ...name,
      dateOfBirth: birthDate(rng, today, 21, 78),
      email: `${local}${index + 1}@${rng.pick(EMAIL_DOMAINS)}`,
      ...homeOf(home, rng),
      home,
      card: { brand: rng.weighted(CARD_BRANDS, CARD_SHARES), last4: digits(rng, 4) },
      licenseNumber: `${String.fromCharCode(65 + rng.int(0, 25))}${digits(rng, 8)}`,
      // Log-normal: most travelers book a few times, a long tail (capped: no one books daily) often.
      activity: Math.min(12, Math.exp(rng.normal(0, 0.95))),
    };
  });
}

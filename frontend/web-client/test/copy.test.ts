import { CABINS, CAR_CLASSES, HOTEL_AMENITIES, priceItem, totalOf } from '@tripwise/contracts';
import { describe, expect, test } from 'vitest';
import { cardDeclinedText } from '../src/pages/checkout/declined.ts';
import {
  fuelRule,
  carClassPhrase,
  freeCancellation,
  inSentence,
  labelOf,
  OTHER_LABELS,
  paymentMethodText,
} from '../src/search/labels.ts';
import { priceHistorySentence } from '../src/search/price-words.ts';
import { allIn, rentalDays } from '../src/ui/all-in.ts';

const usd = (amount: number) => `$${amount / 100}`;

describe('labels of the API’s codes', () => {
  test.each([...CABINS, ...HOTEL_AMENITIES, ...CAR_CLASSES, ...Object.keys(OTHER_LABELS)])(
    'When %s is shown, then it reads as words: capitalised, no underscores',
    (code) => {
      const label = labelOf(code);
      expect(label).toMatch(/^[A-Z][A-Za-z -]*[a-zA-Z]$/);
      expect(label).not.toContain('_');
    },
  );

  test('When a class or cabin sits inside a sentence, then an acronym stays one and the rest is lower case', () => {
    expect([labelOf('suv'), labelOf('full_size'), labelOf('premium_economy'), labelOf('wifi')]).toEqual([
      'SUV',
      'Full-size',
      'Premium economy',
      'Wi-Fi',
    ]);
    expect([
      carClassPhrase('suv'),
      carClassPhrase('sedan'),
      carClassPhrase('full_size'),
      inSentence('premium_economy'),
    ]).toEqual(['SUV', 'sedan', 'full-size car', 'premium economy']);
    expect(paymentMethodText('visa •••• 4242')).toBe('Visa •••• 4242');
    expect(labelOf('some_new_code')).toBe('Some new code');
  });
});

describe('numbers and plurals in sentences', () => {
  test('When a listing may be cancelled free until its start, then the notice reads so, never "0 h before"', () => {
    expect(freeCancellation(0, 'pick-up')).toBe('Free cancellation until pick-up');
    expect(freeCancellation(1, 'check-in')).toBe('Free cancellation until 1 hour before check-in');
    expect(freeCancellation(48, 'check-in')).toBe('Free cancellation until 48 hours before check-in');
  });

  test('When a price changed once, or never moved, then the history says so instead of a range of one price', () => {
    const facts = (prices: number[]) => ({ prices, avg30: 4_200, avg60: 4_200 });
    expect(priceHistorySentence(facts([4_200]), 4_200, usd)).toBe(
      'Now $42, close to its 30-day average of $42. It changed once lately, to $42.',
    );
    expect(priceHistorySentence(facts([4_200, 4_200]), 4_200, usd)).toContain(
      'Its last 2 price changes all set it to $42.',
    );
    expect(priceHistorySentence(facts([3_900, 4_500, 4_200]), 4_200, usd)).toContain(
      'Over its last 3 price changes it ranged from $39 to $45.',
    );
  });

  test('When a card is declined, then the reason is said once, with one full stop', () => {
    expect(cardDeclinedText('Your card was declined.')).toBe(
      'Your card was declined. Nothing was booked or charged. Try another card.',
    );
    expect(cardDeclinedText('Your card has insufficient funds.')).toBe(
      'Your card was declined: your card has insufficient funds. Nothing was booked or charged. Try another card.',
    );
    expect(cardDeclinedText(undefined)).toBe(
      'Your card was declined. Nothing was booked or charged. Try another card.',
    );
  });
});

describe('prices with taxes and fees', () => {
  test('When a trip is priced on a results page, then it is the total the booking service charges', () => {
    const parts = [
      { kind: 'flight', unitPrice: 31_250, quantity: 2, units: 1 },
      { kind: 'room', unitPrice: 18_000, quantity: 1, units: 3 },
      { kind: 'car', unitPrice: 6_000, quantity: 1, units: 4 },
    ] as const;
    expect(allIn(parts)).toBe(totalOf(parts.map((p) => priceItem(p))).total);
  });

  test('When a car is kept a little over a day, then two rental days are charged, as booking counts them', () => {
    expect(rentalDays({ date: '2030-03-01', time: '10:00' }, { date: '2030-03-02', time: '11:00' })).toBe(2);
    expect(rentalDays({ date: '2030-03-01', time: '10:00' }, { date: '2030-03-01', time: '12:00' })).toBe(1);
  });
});

describe('a car’s fuel policy', () => {
  test.each(['full_to_full', 'prepaid', 'same_to_same'])(
    'When the policy is %s, then its rule reads as a sentence that does not say "fuel" twice',
    (code) => {
      const rule = fuelRule(code);
      expect(rule).toMatch(/^Fuel: [a-z]/);
      expect(rule).not.toContain('_');
      expect(rule.match(/fuel/gi)).toHaveLength(1);
    },
  );
});

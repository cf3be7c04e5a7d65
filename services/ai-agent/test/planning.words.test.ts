import { describe, expect, test } from 'vitest';
import type { CarOption } from '../src/clients/search.types.ts';
import { whyThis } from '../src/domain/planning/bundle-explain.rules.ts';
import type { Bundle } from '../src/domain/planning/bundle.types.ts';
import { changesBetween } from '../src/domain/planning/refine-diff.rules.ts';
import { carClassName } from '../src/domain/planning/words.rules.ts';

const car = (carClass: string, id = carClass): CarOption => ({
  id,
  company: 'Dollar',
  location: { code: 'DEN', city: 'Denver' },
  carClass,
  model: 'Model',
  year: 2029,
  transmission: 'automatic',
  seats: 5,
  unitsLeft: 3,
  policies: {},
  dailyPrice: { amount: 5_000, currency: 'USD' },
  totalPrice: { amount: 10_000, currency: 'USD' },
});
const carBundle = (carClass: string): Bundle => ({
  id: carClass,
  label: 'best-fit',
  flight: null,
  cabin: null,
  party: 1,
  hotel: null,
  car: { ...car(carClass), pickupDate: '2030-03-01', dropoffDate: '2030-03-03' },
  total: { amount: 10_000, currency: 'USD' },
  fitScore: 80,
  scoreParts: {},
  whyThis: '',
  whatToWatch: '',
  relaxes: [],
});

describe('search codes in the traveler’s words', () => {
  test.each([
    ['full_size', 'full-size car'],
    ['suv', 'SUV'],
    ['pickup', 'pickup truck'],
    ['convertible', 'convertible'],
  ])('When a car class is "%s", then it is said "%s"', (code, words) => {
    expect(carClassName(code)).toBe(words);
  });

  test('When a car is explained or changed, then its class is in words, never its code', () => {
    const why = whyThis(
      { flight: null, hotel: null, car: car('full_size'), total: 10_000 },
      { party: 1, budgetTotal: null, cheapestTotal: 10_000, amenitiesWanted: [] },
    );
    expect(why).toContain('Dollar full-size car');
    expect(why).not.toMatch(/_/);
    expect(changesBetween(carBundle('economy'), carBundle('full_size'))).toContain(
      'different car: Dollar full-size car',
    );
  });
});

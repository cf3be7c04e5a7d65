import { describe, expect, test } from 'vitest';
import { read } from './intent.fixtures.ts';

describe('parseTurn: budgets', () => {
  test.each([
    ['flights to Miami under $400', { amount: 40000, currency: 'USD', per: 'total' }],
    ['flights to Miami for 400 bucks or less', { amount: 40000, currency: 'USD', per: 'total' }],
    ['flights to Miami, budget $1.2k', { amount: 120000, currency: 'USD', per: 'total' }],
    ['flights to Miami for under two hundred dollars', { amount: 20000, currency: 'USD', per: 'total' }],
    ['flights to Miami, no more than $350 per person', { amount: 35000, currency: 'USD', per: 'person' }],
    ['flights to Miami at most 300 dollars each', { amount: 30000, currency: 'USD', per: 'person' }],
    ['flights to Madrid under €250', { amount: 25000, currency: 'EUR', per: 'total' }],
    ['flights to London below £199.99', { amount: 19999, currency: 'GBP', per: 'total' }],
    ['flights to Tokyo under ¥30,000', { amount: 30000, currency: 'JPY', per: 'total' }],
    ['a car in Miami for less than 60 dollars a day', { amount: 6000, currency: 'USD', per: 'day' }],
    ['flights to Miami, budget of 900', { amount: 90000, currency: 'USD', per: 'total' }],
  ])('When the traveller says "%s", then the budget is %o in minor units', (utterance, budget) => {
    expect(read(utterance).budget).toEqual(budget);
  });

  test('When a hotel price is per night, then it is both the budget and the highest nightly price', () => {
    const request = read('a hotel in Rome under 150 euros a night');

    expect(request.budget).toEqual({ amount: 15000, currency: 'EUR', per: 'night' });
    expect(request.hotel?.maxNightlyPrice).toEqual({ amount: 15000, currency: 'EUR' });
  });

  test('When an amount is a floor ("over $100"), then it is not taken as a budget', () => {
    expect(read('flights to Miami over $100').budget).toBeNull();
  });
});

import { describe, expect, test } from 'vitest';
import {
  applyProposal,
  changedFieldsOf,
  mergeProposals,
  splitOwnerEdit,
} from '../src/domain/listings/listing-changes.rules.ts';

const live = {
  name: 'Harbor Inn',
  description: 'By the water.',
  policies: { petsAllowed: false, parking: 'paid' },
  rooms: [
    { id: '7', name: 'Queen', capacity: 2, units: 10, nightlyPrice: { amount: 18_000, currency: 'USD' } },
    { id: '8', name: 'Suite', capacity: 4, units: 2, nightlyPrice: { amount: 30_000, currency: 'USD' } },
  ],
};

describe('an owner edit of an approved hotel', () => {
  test('When prices, units and names change together, then prices and units go live and names wait for review', () => {
    const { immediate, proposal: sent } = splitOwnerEdit('hotels', live, {
      name: 'Harbor Inn',
      rooms: [
        { id: '7', name: 'Queen', capacity: 2, units: 12, nightlyPrice: 17_000 },
        { id: '8', name: 'Harbor Suite', capacity: 4, units: 2, nightlyPrice: 30_000 },
        { name: 'Loft', capacity: 3, units: 1, nightlyPrice: 40_000 },
      ],
    });
    expect(immediate.rooms).toEqual([
      { id: '7', units: 12, nightlyPrice: 17_000 },
      { id: '8', units: 2, nightlyPrice: 30_000 },
    ]);
    const proposal = mergeProposals(live, {}, sent, true);
    expect(proposal).toEqual({
      rooms: [
        { id: '8', name: 'Harbor Suite', capacity: 4 },
        { name: 'Loft', capacity: 3, units: 1, nightlyPrice: 40_000 },
      ],
    });
    expect(changedFieldsOf(live, proposal)).toEqual(['rooms.1.name', 'rooms.2']);
    expect(applyProposal(live, proposal).rooms).toMatchObject([
      { id: '7', name: 'Queen' },
      { id: '8', name: 'Harbor Suite' },
      { id: null, name: 'Loft', nightlyPrice: { amount: 40_000 } },
    ]);
  });

  test('When a policy changes, then the change names the policy, not the whole object', () => {
    const { proposal } = splitOwnerEdit('hotels', live, { policies: { petsAllowed: true, parking: 'paid' } });
    expect(changedFieldsOf(live, mergeProposals(live, {}, proposal, false))).toEqual(['policies.petsAllowed']);
  });

  test('When a later edit reverts a field, then it leaves the waiting change; other fields stay proposed', () => {
    const first = mergeProposals(
      live,
      {},
      splitOwnerEdit('hotels', live, { name: 'Harbour Inn', description: 'Sea views.' }).proposal,
      false,
    );
    const second = splitOwnerEdit('hotels', live, { name: 'Harbor Inn' }).proposal;
    expect(mergeProposals(live, first, second, false)).toEqual({ description: 'Sea views.' });
  });

  test('When a car’s fleet and price change, then both go live at once and nothing waits', () => {
    const car = { company: 'Hertz', model: 'RAV4', units: 3, dailyPrice: { amount: 6_000, currency: 'USD' } };
    const { immediate, proposal } = splitOwnerEdit('cars', car, { units: 4, dailyPrice: 5_500, company: 'Hertz' });
    expect(immediate).toEqual({ units: 4, dailyPrice: 5_500 });
    expect(mergeProposals(car, {}, proposal, false)).toEqual({});
  });
});

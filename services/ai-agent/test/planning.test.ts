import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenASearchService, insertCars, insertFlights, insertHotels, NOW } from '@tripwise/search/testing';
import { searchApi } from '../src/clients/search.client.ts';
import { parseConversation } from '../src/domain/intent/parse-conversation.ts';
import { planTrip, type Progress } from '../src/domain/planning/plan-trip.use-case.ts';
import { legsOf } from '../src/domain/planning/bundle.types.ts';

// The planner against the real search service and its own data: the answers are checked against that data.
let search: Awaited<ReturnType<typeof givenASearchService>>;
beforeAll(async () => {
  search = await givenASearchService();
  await insertFlights(search.db, 60);
  await insertHotels(search.db, 25);
  await insertCars(search.db, 12);
});
afterAll(() => search.close());

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const read = (...turns: string[]) => parseConversation(turns, { now: NOW, timeZone: 'America/New_York' }).at(-1)!;

async function plan(...turns: string[]) {
  const events: { stage: string; percent: number; message: string }[] = [];
  const progress: Progress = async (stage, percent, message) => {
    events.push({ stage, percent, message });
  };
  const outcome = await planTrip(
    searchApi({ url: search.url }),
    read(...turns),
    { avoidRedEyes: false },
    progress,
    new AbortController().signal,
  );
  return { outcome, events };
}

describe('planning a trip', () => {
  test('When a whole trip is asked for, then 2–3 distinct bundles come back, each priced for the party, scored and explained in few words', async () => {
    const { outcome, events } = await plan(
      'Boston to Denver March 1 2030, back March 5, 2 people, 3-star hotel or better',
    );
    expect(outcome.kind).toBe('bundles');
    if (outcome.kind !== 'bundles') return;
    const { bundles } = outcome;
    expect(bundles.length).toBeGreaterThanOrEqual(2);
    expect(new Set(bundles.map((b) => b.label)).size).toBe(bundles.length);
    expect(new Set(bundles.map((b) => `${b.flight!.id}|${b.hotel!.id}`)).size).toBe(bundles.length);
    for (const b of bundles) {
      expect(b.total.amount).toBe(b.flight!.totalPrice.amount + b.hotel!.totalPrice.amount);
      expect(b.hotel!.stars).toBeGreaterThanOrEqual(3);
      expect(b.hotel!.nights).toBe(4);
      expect(legsOf(b.flight!).map((l) => l.origin.code)).toEqual(['BOS', 'DEN']);
      expect(b.fitScore).toBeGreaterThanOrEqual(0);
      expect(b.fitScore).toBeLessThanOrEqual(100);
      expect(words(b.whyThis)).toBeLessThanOrEqual(25);
      expect(words(b.whatToWatch)).toBeLessThanOrEqual(12);
      // Only facts from the data: the airline and the hotel it names are the bundle's own.
      expect(b.whyThis).toContain(legsOf(b.flight!)[0]!.airline.name);
      expect(b.whyThis).toContain(b.hotel!.name);
    }
    // The cheapest shown is labelled so, unless the best fit is itself the cheapest.
    const cheapest = bundles.find((b) => b.label === 'lowest-price') ?? bundles.find((b) => b.label === 'best-fit')!;
    expect(cheapest.total.amount).toBe(Math.min(...bundles.map((b) => b.total.amount)));
    const best = bundles.find((b) => b.label === 'best-fit')!;
    expect(best.fitScore).toBe(Math.max(...bundles.map((b) => b.fitScore)));
    expect(events.map((e) => e.stage)).toEqual(
      expect.arrayContaining(['understanding', 'searching_flights', 'searching_hotels', 'building_bundles', 'done']),
    );
    expect(events.map((e) => e.percent)).toEqual([...events.map((e) => e.percent)].sort((a, b) => a - b));
  });

  test('When a budget is given, then bundles within it say by how much, and one over it says so as what to watch', async () => {
    const { outcome } = await plan(
      'Boston to Denver March 1 2030 returning March 5 for 2 with a hotel, budget $1,500 total',
    );
    if (outcome.kind !== 'bundles' && outcome.kind !== 'alternatives') throw new Error(outcome.kind);
    for (const b of outcome.bundles) {
      if (b.total.amount <= 150_000) expect(b.whyThis).toMatch(/under budget/);
      else expect(b.whatToWatch).toMatch(/over your budget/);
    }
  });

  test('When a car is asked for too, then each bundle has one from the destination for the trip dates', async () => {
    const { outcome } = await plan('Fly Boston to Denver on March 1 2030, back March 5, hotel and a rental car');
    if (outcome.kind !== 'bundles') throw new Error(outcome.kind);
    for (const b of outcome.bundles) {
      expect(b.car).toMatchObject({ location: { code: 'DEN' }, pickupDate: '2030-03-01', dropoffDate: '2030-03-05' });
      expect(b.total.amount).toBe(b.flight!.totalPrice.amount + b.hotel!.totalPrice.amount + b.car!.totalPrice.amount);
    }
  });

  test('When something essential is missing, then the one question comes back and nothing is searched', async () => {
    const { outcome, events } = await plan('I want to fly to Denver');
    expect(outcome).toMatchObject({ kind: 'question' });
    expect(events.map((e) => e.stage)).toEqual(['understanding']);
  });

  test('When nothing matches, then it says so, with the nearest alternatives labelled, instead of inventing options', async () => {
    const { outcome } = await plan(
      'Boston to Denver on March 1 2030, back March 5, first class, for 9 people, 5-star hotel with a spa and a pool',
    );
    expect(outcome, JSON.stringify(outcome).slice(0, 300)).toMatchObject({
      kind: expect.stringMatching(/nothing|bundles|alternatives/),
    });
    if (outcome.kind === 'nothing') expect(outcome.message).toMatch(/^No /);
    if (outcome.kind === 'alternatives') {
      expect(outcome.unmet[0]).toMatch(/^No /);
      for (const b of outcome.bundles) expect(b.relaxes?.length).toBeGreaterThan(0);
    }
  });
});

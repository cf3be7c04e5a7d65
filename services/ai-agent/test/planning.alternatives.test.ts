import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenASearchService, insertCars, insertFlights, insertHotels, NOW } from '@tripwise/search/testing';
import { searchApi } from '../src/clients/search.client.ts';
import { parseConversation } from '../src/domain/intent/parse-conversation.ts';
import { planTrip, type Preferences } from '../src/domain/planning/plan-trip.use-case.ts';
import { legsOf, type Bundle } from '../src/domain/planning/bundle.types.ts';
import { faultySearch } from './faulty-search.ts';

// When the request as stated has no exact answer: the planner against the real search service and its own data
// (Boston → Denver flights on March 1, 2 and 5, 2030; hotels and cars in Denver).
let search: Awaited<ReturnType<typeof givenASearchService>>;
beforeAll(async () => {
  search = await givenASearchService();
  await insertFlights(search.db, 60);
  await insertHotels(search.db, 25);
  await insertCars(search.db, 12);
});
afterAll(() => search.close());

const read = (text: string) => parseConversation([text], { now: NOW, timeZone: 'America/New_York' }).at(-1)!;
const plan = (text: string, preferences: Preferences = { avoidRedEyes: false }, url = search.url) =>
  planTrip(searchApi({ url }), read(text), preferences, async () => undefined, new AbortController().signal);
const kinds = (b: Bundle) => (b.relaxes ?? []).map((r) => r.kind);
const departDay = (b: Bundle) => legsOf(b.flight!)[0]!.departLocal.slice(0, 10);

describe('planning that never dead-ends', () => {
  test('When no flight leaves on the day asked, then the nearest days come back, each saying how far it moved', async () => {
    const outcome = await plan('One way from Boston to Denver on March 3 2030');
    expect(outcome.kind).toBe('alternatives');
    if (outcome.kind !== 'alternatives') return;
    expect(outcome.unmet[0]).toMatch(/^No flight BOS → DEN on Sun, Mar 3 for 1/);
    expect(outcome.bundles.length).toBeGreaterThanOrEqual(2);
    const [nearest] = outcome.bundles;
    expect(nearest).toMatchObject({
      label: 'alternative',
      relaxes: [{ kind: 'dates', text: expect.stringMatching(/a day earlier/) }],
    });
    expect(departDay(nearest!)).toBe('2030-03-02');
    for (const b of outcome.bundles) expect(kinds(b)).toEqual(['dates']);
  });

  test('When the budget is below every price, then the cheapest trip comes first, labelled with how far over it is', async () => {
    const outcome = await plan('One way from Boston to Denver on March 1 2030, budget $10');
    expect(outcome.kind).toBe('alternatives');
    if (outcome.kind !== 'alternatives') return;
    expect(outcome.unmet[0]).toMatch(/^Nothing fits your \$10 budget: the cheapest complete trip found is \$\d+/);
    const cheapest = await searchApi({ url: search.url }).flights({
      origin: 'BOS',
      destination: 'DEN',
      date: '2030-03-01',
      sort: 'price',
      limit: 1,
    });
    const [first] = outcome.bundles;
    expect(kinds(first!)).toEqual(['budget']);
    expect(first!.total.amount).toBe(cheapest.items[0]!.totalPrice.amount);
    expect(first!.relaxes![0]!.text).toMatch(/^\$\d+ over your \$10 budget$/);
    for (const b of outcome.bundles) expect(kinds(b)).toContain('budget');
  });

  test('When the budget allows it, then only bundles within it come back, none marked as relaxed', async () => {
    const outcome = await plan('Boston to Denver March 1 2030, back March 5, with a hotel, budget $3,000 total');
    expect(outcome.kind).toBe('bundles');
    if (outcome.kind !== 'bundles') return;
    for (const b of outcome.bundles) {
      expect(b.total.amount).toBeLessThanOrEqual(300_000);
      expect(b.relaxes).toEqual([]);
    }
  });

  test('When no hotel has every stated amenity and star, then alternatives say which one each lacks', async () => {
    const outcome = await plan(
      'Hotel in Denver March 1 2030 to March 3 2030, 5-star, with a spa, a pool, a gym and an airport shuttle',
    );
    expect(outcome.kind).toBe('alternatives');
    if (outcome.kind !== 'alternatives') return;
    expect(outcome.unmet[0]).toMatch(/^No 5-star hotel with .*spa.* in DEN with rooms free Fri, Mar 1 to Sun, Mar 3/);
    for (const b of outcome.bundles) {
      const lacking = ['spa', 'pool', 'gym', 'airport_shuttle'].filter((a) => !b.hotel!.amenities.includes(a));
      expect(kinds(b).includes('stars')).toBe(b.hotel!.stars < 5);
      expect(kinds(b).includes('amenities')).toBe(lacking.length > 0);
      if (lacking.length > 0) {
        const said = b.relaxes!.find((r) => r.kind === 'amenities')!.text;
        for (const a of lacking) expect(said).toContain(a.replace('_', ' '));
      }
    }
  });

  test('When no seat is sold in the cabin asked for, then the next cabin down comes back, saying so', async () => {
    const outcome = await plan('One way from Boston to Denver on March 1 2030 in first class');
    expect(outcome.kind).toBe('alternatives');
    if (outcome.kind !== 'alternatives') return;
    expect(outcome.unmet[0]).toMatch(/^No first class flight BOS → DEN on Fri, Mar 1/);
    expect(outcome.bundles[0]).toMatchObject({ relaxes: [{ kind: 'cabin', text: 'business instead of first' }] });
    for (const b of outcome.bundles) expect(kinds(b)).toContain('cabin');
  });

  test('When only a car is asked for, then two or three different cars come back, their class in words', async () => {
    const outcome = await plan('Rent a car in Denver from March 1 2030 to March 3 2030');
    expect(outcome.kind).toBe('bundles');
    if (outcome.kind !== 'bundles') return;
    expect(outcome.bundles.length).toBeGreaterThanOrEqual(2);
    expect(new Set(outcome.bundles.map((b) => b.car!.id)).size).toBe(outcome.bundles.length);
    for (const b of outcome.bundles) expect(b.whyThis).not.toMatch(/_/);
  });

  test('When only a hotel is asked for, then two or three different hotels come back', async () => {
    const outcome = await plan('A hotel in Denver from March 1 2030 to March 4 2030');
    expect(outcome.kind).toBe('bundles');
    if (outcome.kind !== 'bundles') return;
    expect(outcome.bundles.length).toBeGreaterThanOrEqual(2);
    expect(new Set(outcome.bundles.map((b) => b.hotel!.id)).size).toBe(outcome.bundles.length);
  });

  test('When the traveler wants it cheap rather than comfortable, then the best fit leans to the lower price', async () => {
    const text = 'Boston to Denver March 1 2030, back March 5, 3-star hotel or better';
    const cheap = await plan(text, { avoidRedEyes: false, priority: 'price' });
    const comfy = await plan(text, { avoidRedEyes: false, priority: 'comfort' });
    if (cheap.kind !== 'bundles' || comfy.kind !== 'bundles') throw new Error(`${cheap.kind} ${comfy.kind}`);
    const best = (bundles: Bundle[]) => bundles.find((b) => b.label === 'best-fit')!;
    expect(best(cheap.bundles).total.amount).toBeLessThanOrEqual(best(comfy.bundles).total.amount);
    expect(best(comfy.bundles).hotel!.stars).toBeGreaterThanOrEqual(best(cheap.bundles).hotel!.stars);
  });

  test('When a round trip is bundled, then "Why this" names both ways\' airlines and stops', async () => {
    const outcome = await plan('Boston to Denver March 1 2030, back March 5');
    if (outcome.kind !== 'bundles') throw new Error(outcome.kind);
    for (const b of outcome.bundles) {
      const [out, back] = legsOf(b.flight!);
      expect(b.whyThis).toContain(out!.airline.name);
      expect(b.whyThis).toContain(back!.airline.name);
      if (out!.airline.code !== back!.airline.code) expect(b.whyThis).toMatch(/ out .* back/);
    }
  });
});

describe('a search that fails', () => {
  test('When the car search fails once, then it is asked again and the plan has its car', async () => {
    const proxy = await faultySearch(search.url, '/api/search/cars', 1);
    try {
      const outcome = await plan(
        'Fly Boston to Denver on March 1 2030, back March 5, hotel and a rental car',
        undefined,
        proxy.url,
      );
      expect(proxy.failed()).toBe(1);
      if (outcome.kind !== 'bundles') throw new Error(outcome.kind);
      expect(outcome.incomplete).toEqual([]);
      for (const b of outcome.bundles) expect(b.car).not.toBeNull();
    } finally {
      await proxy.close();
    }
  });

  test('When the car search fails twice, then the flights and hotel still come back and the car is named as missing', async () => {
    const proxy = await faultySearch(search.url, '/api/search/cars', Infinity);
    try {
      const outcome = await plan(
        'Fly Boston to Denver on March 1 2030, back March 5, hotel and a rental car',
        undefined,
        proxy.url,
      );
      expect(proxy.failed()).toBe(2);
      if (outcome.kind !== 'bundles') throw new Error(outcome.kind);
      expect(outcome.incomplete).toEqual(['cars']);
      for (const b of outcome.bundles) {
        expect(b).toMatchObject({ car: null, flight: expect.any(Object), hotel: expect.any(Object) });
      }
    } finally {
      await proxy.close();
    }
  });
});

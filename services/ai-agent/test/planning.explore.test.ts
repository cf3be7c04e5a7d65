import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenASearchService, insertFlights, insertHotels, NOW } from '@tripwise/search/testing';
import { searchApi } from '../src/clients/search.client.ts';
import { parseConversation } from '../src/domain/intent/parse-conversation.ts';
import { planTrip } from '../src/domain/planning/plan-trip.use-case.ts';
import { legsOf } from '../src/domain/planning/bundle.types.ts';

// "Somewhere" rather than a place, against the real search service and its Explore (Boston → Denver and back in
// March 2030, London and San Francisco one way only; hotels in Denver).
let search: Awaited<ReturnType<typeof givenASearchService>>;
beforeAll(async () => {
  search = await givenASearchService();
  await insertFlights(search.db, 60);
  await insertHotels(search.db, 25);
});
afterAll(() => search.close());

const plan = (text: string) =>
  planTrip(
    searchApi({ url: search.url }),
    parseConversation([text], { now: NOW, timeZone: 'America/New_York' }).at(-1)!,
    { avoidRedEyes: false },
    async () => undefined,
    new AbortController().signal,
  );

describe('planning somewhere rather than a place', () => {
  test('When the traveler asks for anywhere from Boston in March, then Explore proposes where, each with its best bundle', async () => {
    const outcome = await plan('Anywhere from Boston in March 2030 for 4 nights, with a hotel');
    expect(outcome.kind).toBe('bundles');
    if (outcome.kind !== 'bundles') return;
    for (const b of outcome.bundles) {
      expect(b.destination).toMatchObject({ code: 'DEN', city: 'Denver' });
      const [out, back] = legsOf(b.flight!);
      expect(out!.origin.code).toBe('BOS');
      expect(back!.origin.code).toBe('DEN');
      expect(b.hotel!.city.code).toBe('DEN');
      expect(b.relaxes).toEqual([]);
    }
  });

  test('When nowhere warm can be reached, then it says what it looked for instead of failing', async () => {
    const outcome = await plan('Somewhere warm from Boston in March 2030 for 4 nights');
    expect(outcome).toMatchObject({ kind: 'nothing', unmet: ['No warm places from BOS could be found'] });
  });
});

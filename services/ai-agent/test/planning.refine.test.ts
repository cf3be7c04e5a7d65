import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { givenASearchService, insertFlights, insertHotels, NOW } from '@tripwise/search/testing';
import { searchApi } from '../src/clients/search.client.ts';
import { parseConversation } from '../src/domain/intent/parse-conversation.ts';
import { planTrip } from '../src/domain/planning/plan-trip.use-case.ts';
import { changesBetween } from '../src/domain/planning/refine-diff.rules.ts';
import { legsOf, type Bundle } from '../src/domain/planning/bundle.types.ts';

// Refinements relative to the option shown, against the real search service (Boston → Denver flights on March 1,
// 2 and 5, 2030; hotels in Denver).
let search: Awaited<ReturnType<typeof givenASearchService>>;
beforeAll(async () => {
  search = await givenASearchService();
  await insertFlights(search.db, 60);
  await insertHotels(search.db, 25);
});
afterAll(() => search.close());

const TRIP = 'Boston to Denver March 1 2030, back March 5, with a hotel';
async function plan(turns: string[], shown?: Bundle) {
  const request = parseConversation(turns, { now: NOW, timeZone: 'America/New_York' }).at(-1)!;
  const outcome = await planTrip(
    searchApi({ url: search.url }),
    request,
    { avoidRedEyes: false },
    async () => undefined,
    new AbortController().signal,
    shown,
  );
  if (outcome.kind !== 'bundles' && outcome.kind !== 'alternatives') throw new Error(outcome.kind);
  return outcome;
}

describe('refining the option shown', () => {
  test('When the traveler asks for a cheaper hotel, then every hotel offered costs less a night than the one shown', async () => {
    const first = await plan([TRIP]);
    const shown = first.bundles.find((b) => b.label === 'most-comfortable') ?? first.bundles[0]!;
    const cheaper = await plan([TRIP, 'make it a cheaper hotel'], shown);
    expect(cheaper.kind).toBe('bundles');
    for (const b of cheaper.bundles) {
      expect(b.hotel!.nightlyPrice.amount).toBeLessThan(shown.hotel!.nightlyPrice.amount);
    }
    expect(changesBetween(shown, cheaper.bundles[0]!)).toContain(`different hotel: ${cheaper.bundles[0]!.hotel!.name}`);
  });

  test('When the traveler asks for a nicer hotel, then every hotel offered has more stars than the one shown', async () => {
    const first = await plan([TRIP]);
    const shown = first.bundles.find((b) => b.hotel!.stars < 5)!;
    const nicer = await plan([TRIP, 'a nicer hotel please'], shown);
    for (const b of nicer.bundles) {
      if ((b.relaxes ?? []).length === 0) expect(b.hotel!.stars).toBeGreaterThan(shown.hotel!.stars);
      else expect(b.relaxes!.map((r) => r.kind)).toContain('stars');
    }
  });

  test('When the trip moves a day later, then the change says the new day and "later", never "earlier"', async () => {
    const first = await plan(['One way Boston to Denver March 1 2030']);
    const later = await plan(['One way Boston to Denver March 1 2030', 'leave a day later']);
    const changes = changesBetween(first.bundles[0]!, later.bundles[0]!);
    expect(legsOf(later.bundles[0]!.flight!)[0]!.departLocal.slice(0, 10)).toBe('2030-03-02');
    expect(changes).toContain('leaves Sat, Mar 2 (a day later)');
    expect(changes.join(' ')).not.toMatch(/earlier/);
  });
});

import type { Queryable } from '@tripwise/platform/db';
import { hotelCards, loadCityHotels, type HotelCardRow } from '../../data/city-hotels.repository.ts';
import { cityHotelsFrom, type CityHotels } from '../search/city-hotels.ts';
import { createMemoryScopes, type MemoryMetrics } from './memory-scopes.ts';
import type { SearchCache } from './search-cache.ts';

export interface CityHotelsInMemory {
  city: CityHotels;
  /** What a page shows of these hotels (missing: no longer in the database). */
  cards(ids: number[]): Promise<Map<number, HotelCardRow>>;
}

/**
 * Each searched city's hotels, room types and taken nights kept in memory (see memory-scopes.ts), with the names,
 * addresses and policies of the hotels its pages have shown, read once per version of the city.
 */
export function createCityHotelsIndex(deps: {
  db: Queryable;
  cache: SearchCache;
  metrics: MemoryMetrics;
  maxHotels: number;
}) {
  const cities = createMemoryScopes({
    kind: 'hotels',
    cache: deps.cache,
    metrics: deps.metrics,
    maxListings: deps.maxHotels,
    load: async (code) => ({
      city: cityHotelsFrom(await loadCityHotels(deps.db, code)),
      cards: new Map<number, HotelCardRow>(),
    }),
    size: (kept) => kept.city.count,
  });
  return {
    async get(code: string): Promise<CityHotelsInMemory> {
      const { city, cards } = await cities.get(code);
      return {
        city,
        async cards(ids) {
          const missing = ids.filter((id) => !cards.has(id));
          if (missing.length) for (const [id, card] of await hotelCards(deps.db, missing)) cards.set(id, card);
          return new Map(ids.flatMap((id) => (cards.has(id) ? [[id, cards.get(id)!] as const] : [])));
        },
      };
    },
  };
}

export type CityHotelsIndex = ReturnType<typeof createCityHotelsIndex>;

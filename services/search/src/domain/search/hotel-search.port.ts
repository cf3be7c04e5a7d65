import type { HotelFacets } from '@tripwise/contracts';
import type { HotelCriteria, HotelRow } from '../../data/hotel-search.repository.ts';

export type { HotelCriteria, HotelRow };

/** What a hotel search finds: up to a page and one of rows past the cursor, the total, facets before filters. */
export interface HotelsFound {
  rows: HotelRow[];
  total: number;
  facets: HotelFacets;
}

/**
 * Where hotel searches are worked out: the database (hotel-search.sql.ts) or the cities kept in memory
 * (hotel-search.memory.ts). Both answer the same rows, totals and facets for the same criteria (tested by
 * hotels-cars.engines.test.ts). `center` is where distances are measured from: the point asked, or the middle of
 * the city's hotels.
 */
export interface HotelSearchEngine {
  find(criteria: HotelCriteria, center: () => Promise<{ latitude: number; longitude: number }>): Promise<HotelsFound>;
}

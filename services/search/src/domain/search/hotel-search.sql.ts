import type { Queryable } from '@tripwise/platform/db';
import { hotelFacets, searchHotelRows } from '../../data/hotel-search.repository.ts';
import type { HotelSearchEngine } from './hotel-search.port.ts';

/** Hotel searches answered by the database: one statement works out every hotel's availability. */
export function sqlHotelSearch(db: Queryable): HotelSearchEngine {
  return {
    async find(criteria, centerOf) {
      const center = await centerOf();
      const [rows, facets] = await Promise.all([
        searchHotelRows(db, criteria, center),
        hotelFacets(db, criteria, center),
      ]);
      return { rows, total: rows[0]?.total ?? 0, facets };
    },
  };
}

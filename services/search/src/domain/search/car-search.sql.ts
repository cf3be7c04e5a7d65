import type { Queryable } from '@tripwise/platform/db';
import { carFacets, searchCarRows } from '../../data/car-search.repository.ts';
import type { CarSearchEngine } from './car-search.port.ts';

/** Car searches answered by the database. */
export function sqlCarSearch(db: Queryable): CarSearchEngine {
  return {
    async find(criteria) {
      const [rows, facets] = await Promise.all([searchCarRows(db, criteria), carFacets(db, criteria)]);
      return { rows, facets };
    },
  };
}

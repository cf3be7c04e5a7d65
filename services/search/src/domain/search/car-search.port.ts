import type { CarFacets } from '@tripwise/contracts';
import type { CarCriteria, CarRow } from '../../data/car-search.repository.ts';

export type { CarCriteria, CarRow };

/**
 * Where car searches are worked out: the database (car-search.sql.ts) or the pick-up places kept in memory
 * (car-search.memory.ts). Both answer the same rows (up to a page and one past the cursor, each with the total)
 * and facets for the same criteria (tested by hotels-cars.engines.test.ts).
 */
export interface CarSearchEngine {
  find(criteria: CarCriteria): Promise<{ rows: CarRow[]; facets: CarFacets }>;
}

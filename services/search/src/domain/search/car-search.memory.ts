import type { MemoryScopes } from '../cache/memory-scopes.ts';
import type { CarSearchEngine } from './car-search.port.ts';
import { findLocationCars, type LocationCars } from './location-cars.ts';

/** Car searches worked out on the pick-up places kept in memory. */
export function memoryCarSearch(places: MemoryScopes<LocationCars>): CarSearchEngine {
  return {
    async find(criteria) {
      return findLocationCars(await Promise.all(criteria.location.map((code) => places.get(code))), criteria);
    },
  };
}

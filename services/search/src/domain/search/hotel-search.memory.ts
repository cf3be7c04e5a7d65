import type { CityHotelsIndex } from '../cache/city-hotels-index.ts';
import { findCityHotels } from './city-hotels.ts';
import type { HotelRow, HotelSearchEngine } from './hotel-search.port.ts';

/**
 * Hotel searches by city worked out on the city kept in memory; only the page's names, addresses and policies may
 * need the database. A search around a point spans cities: `aroundPoint` (the database) answers it.
 */
export function memoryHotelSearch(cities: CityHotelsIndex, aroundPoint: HotelSearchEngine): HotelSearchEngine {
  return {
    async find(criteria, centerOf) {
      if (!criteria.cityCode || criteria.near) return aroundPoint.find(criteria, centerOf);
      const city = await cities.get(criteria.cityCode);
      const found = findCityHotels(city.city, criteria);
      const cards = await city.cards(found.rows.map((r) => r.id));
      const rows = found.rows.flatMap((r): HotelRow[] => {
        const card = cards.get(r.id);
        return card ? [{ ...card, ...r, total: found.total }] : [];
      });
      return { rows, total: found.total, facets: found.facets };
    },
  };
}

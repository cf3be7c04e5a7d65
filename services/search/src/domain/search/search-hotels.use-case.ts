import { z } from 'zod';
import type { HotelOption, HotelSearch, HotelSearchPage } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';
import { decodeCursor, encodeCursor } from '@tripwise/platform/http';
import {
  cityCenter,
  hotelFacets,
  searchHotelRows,
  type HotelCriteria,
  type HotelRow,
} from '../../data/hotel-search.repository.ts';
import type { CityHotelsIndex } from '../cache/city-hotels-index.ts';
import { findCityHotels } from './city-hotels.ts';
import { assertNotPast, localDate, resolvePlace } from './places.rules.ts';

const CURRENCY = 'USD';
const cursorSchema = z.object({ key: z.number(), id: z.number().int() });

export function nightsBetween(checkIn: string, checkOut: string): number {
  return Math.round((Date.parse(`${checkOut}T00:00:00Z`) - Date.parse(`${checkIn}T00:00:00Z`)) / 86_400_000);
}

function toHotel(row: HotelRow, nights: number, rooms: number): HotelOption {
  return {
    id: String(row.id),
    name: row.name,
    city: { code: row.city_code, name: row.city },
    address: row.address,
    neighborhood: row.neighborhood,
    location: { latitude: row.latitude, longitude: row.longitude },
    distanceKm: Math.round(row.distance_km * 10) / 10,
    stars: row.stars,
    rating: row.rating_tenths / 10,
    reviewCount: row.review_count,
    amenities: row.amenities,
    policies: row.policies,
    roomsLeft: row.rooms_left,
    nightlyPrice: { amount: row.nightly_minor, currency: CURRENCY },
    totalPrice: { amount: row.nightly_minor * nights * rooms, currency: CURRENCY },
  };
}

const sortKey = (row: HotelRow, sort: HotelSearch['sort']) =>
  sort === 'price'
    ? row.nightly_minor
    : sort === 'rating'
      ? row.rating_tenths
      : sort === 'stars'
        ? row.stars
        : row.distance_km;

type Center = { latitude: number; longitude: number };

/** Page rows and facets from the database: one statement works out every hotel's availability. */
async function fromDatabase(db: Queryable, criteria: HotelCriteria, center: Center) {
  const [rows, facets] = await Promise.all([searchHotelRows(db, criteria, center), hotelFacets(db, criteria, center)]);
  return { rows, total: rows[0]?.total ?? 0, facets };
}

/** The same from the city kept in memory; only the page's names, addresses and policies may need the database. */
async function fromCityIndex(index: CityHotelsIndex, code: string, criteria: HotelCriteria) {
  const city = await index.get(code);
  const found = findCityHotels(city.city, criteria);
  const cards = await city.cards(found.rows.map((r) => r.id));
  const rows = found.rows.flatMap((r): HotelRow[] => {
    const card = cards.get(r.id);
    return card ? [{ ...card, ...r, total: found.total }] : [];
  });
  return { rows, total: found.total, facets: found.facets };
}

/**
 * Hotels with enough rooms free for every night of the stay, filtered, sorted and paged, with facets: worked out
 * in memory when a city index is given (the cache on) and the search is by city, by the database otherwise.
 */
export async function searchHotels(
  db: Queryable,
  q: HotelSearch,
  now: Date,
  cities?: CityHotelsIndex,
): Promise<HotelSearchPage> {
  const place = q.city ? resolvePlace(q.city, 'city') : undefined;
  assertNotPast(q.checkIn, 'checkIn', localDate(now, place?.timeZone ?? 'UTC'));
  const nights = nightsBetween(q.checkIn, q.checkOut);
  const criteria = (near: HotelCriteria['near']): HotelCriteria => ({
    cityCode: q.city,
    near,
    checkIn: q.checkIn,
    checkOut: q.checkOut,
    guests: q.guests,
    rooms: q.rooms,
    minNightly: q.minPrice,
    maxNightly: q.maxPrice,
    stars: q.stars,
    minRatingTenths: q.minRating === undefined ? undefined : Math.round(q.minRating * 10),
    amenities: q.amenities,
    neighborhood: q.neighborhood,
    freeCancellation: q.freeCancellation,
    sort: q.sort,
    limit: q.limit,
    after: decodeCursor(cursorSchema, q.cursor),
  });
  let found: { rows: HotelRow[]; total: number; facets: HotelSearchPage['facets'] };
  if (q.city && cities) {
    found = await fromCityIndex(cities, q.city, criteria(undefined));
  } else {
    const center =
      q.latitude !== undefined && q.longitude !== undefined
        ? { latitude: q.latitude, longitude: q.longitude }
        : ((await cityCenter(db, q.city!)) ?? { latitude: 0, longitude: 0 });
    found = await fromDatabase(db, criteria(q.city ? undefined : { ...center, radiusKm: q.radiusKm }), center);
  }
  const page = found.rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toHotel(r, nights, q.rooms)),
    total: found.total,
    nights,
    nextCursor: found.rows.length > q.limit && last ? encodeCursor({ key: sortKey(last, q.sort), id: last.id }) : null,
    facets: found.facets,
  };
}

import { z } from 'zod';
import type { HotelOption, HotelSearch, HotelSearchPage } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';
import { decodeCursor, encodeCursor } from '@tripwise/platform/http';
import { cityCenter } from '../../data/hotel-search.repository.ts';
import type { HotelCriteria, HotelRow, HotelSearchEngine } from './hotel-search.port.ts';
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

/**
 * Hotels with enough rooms free for every night of the stay, filtered, sorted and paged, with facets, from the
 * engine given (the database, or the cities kept in memory).
 */
export async function searchHotels(
  db: Queryable,
  engine: HotelSearchEngine,
  q: HotelSearch,
  now: Date,
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
  const point =
    q.latitude !== undefined && q.longitude !== undefined
      ? { latitude: q.latitude, longitude: q.longitude }
      : undefined;
  const center = async () => point ?? (await cityCenter(db, q.city!)) ?? { latitude: 0, longitude: 0 };
  const found = await engine.find(criteria(q.city ? undefined : point && { ...point, radiusKm: q.radiusKm }), center);
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

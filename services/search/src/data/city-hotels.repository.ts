import type { HotelPolicies } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';

/** What a search filters, sorts and counts a city's hotel by: nothing that only the page shows. */
export interface CityHotelRow {
  id: number;
  stars: number;
  rating_tenths: number;
  amenities: string[];
  neighborhood: string;
  latitude: number;
  longitude: number;
}

export interface CityRoomRow {
  id: number;
  hotel_id: number;
  capacity: number;
  units: number;
  nightly_price_minor: number;
}

export interface CityTakenNightRow {
  room_type_id: number;
  night: string;
  taken: number;
}

export interface CityHotelsRows {
  hotels: CityHotelRow[];
  rooms: CityRoomRow[];
  taken: CityTakenNightRow[];
}

// The city's hotels' keys, for index lookups of their rooms (as a join, the planner reads every room in the world).
const CITY_HOTEL_IDS = `ARRAY(SELECT id FROM hotels WHERE city_code = $1 AND status = 'active')`;
const CITY_ROOM_IDS = `ARRAY(SELECT id FROM room_types WHERE hotel_id = ANY(${CITY_HOTEL_IDS}))`;
// Nights before yesterday (UTC) cannot be in a stay that starts today anywhere on earth.
const FROM_NIGHT = `current_date - 2`;

/**
 * A city's active hotels, their room types and the nights with rooms taken from yesterday on: everything a search
 * in the city needs except what only a page shows. Each comes by index: the city's, then each hotel's and room's.
 */
export async function loadCityHotels(db: Queryable, cityCode: string): Promise<CityHotelsRows> {
  const [hotels, rooms, taken] = await Promise.all([
    db.query<CityHotelRow>(
      `SELECT id, stars, rating_tenths, amenities, neighborhood, latitude, longitude
       FROM hotels WHERE city_code = $1 AND status = 'active' ORDER BY id`,
      [cityCode],
    ),
    db.query<CityRoomRow>(
      `SELECT id, hotel_id, capacity, units, nightly_price_minor
       FROM room_types WHERE hotel_id = ANY(${CITY_HOTEL_IDS}) ORDER BY hotel_id, id`,
      [cityCode],
    ),
    db.query<CityTakenNightRow>(
      `SELECT room_type_id, night, taken FROM room_nights
       WHERE room_type_id = ANY(${CITY_ROOM_IDS}) AND night >= ${FROM_NIGHT} AND taken > 0`,
      [cityCode],
    ),
  ]);
  return { hotels: hotels.rows, rooms: rooms.rows, taken: taken.rows };
}

/** What a page of results shows of a hotel beyond what it was found by. */
export interface HotelCardRow {
  id: number;
  name: string;
  city_code: string;
  city: string;
  address: string;
  review_count: number;
  policies: HotelPolicies;
}

export async function hotelCards(db: Queryable, ids: number[]): Promise<Map<number, HotelCardRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<HotelCardRow>(
    `SELECT id, name, city_code::text AS city_code, city, address, review_count, policies FROM hotels WHERE id = ANY($1::bigint[])`,
    [ids],
  );
  return new Map(rows.map((r) => [Number(r.id), r]));
}

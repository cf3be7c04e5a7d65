import type { Queryable } from '@tripwise/platform/db';
import type { CacheKind } from '../domain/cache/search-cache.ts';

/** What cached searches a listing can appear in: a flight's departure date, a hotel's city, a car's location. */
export async function scopeOf(db: Queryable, kind: CacheKind, id: number | string): Promise<string | undefined> {
  const sql = {
    flights: 'SELECT depart_date::text AS scope FROM flights WHERE id = $1',
    hotels: 'SELECT city_code AS scope FROM hotels WHERE id = $1',
    cars: 'SELECT location_code AS scope FROM cars WHERE id = $1',
  }[kind];
  const { rows } = await db.query<{ scope: string }>(sql, [id]);
  return rows[0]?.scope;
}

/** The scope of a hold item: rooms belong to a hotel, so its city. */
export async function scopeOfHoldItem(db: Queryable, kind: 'flight' | 'room' | 'car', listingId: number | string) {
  if (kind === 'room') {
    const { rows } = await db.query<{ scope: string }>(
      'SELECT h.city_code AS scope FROM room_types rt JOIN hotels h ON h.id = rt.hotel_id WHERE rt.id = $1',
      [listingId],
    );
    return { kind: 'hotels' as const, scope: rows[0]?.scope };
  }
  const cacheKind = kind === 'flight' ? ('flights' as const) : ('cars' as const);
  return { kind: cacheKind, scope: await scopeOf(db, cacheKind, listingId) };
}

import type { CarListing, FlightListing, HotelListing, ListingStatus } from '@tripwise/contracts';
import type { Queryable } from '@tripwise/platform/db';

export type ListingKind = 'hotels' | 'cars' | 'flights';
export type { ListingStatus };

const TABLE: Record<ListingKind, string> = { hotels: 'hotels', cars: 'cars', flights: 'flights' };

export async function insertHotel(tx: Queryable, h: HotelListing, ownerId: string | null, status: ListingStatus): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO hotels (name, city_code, city, country, address, neighborhood, latitude, longitude, stars, rating_tenths,
                         amenities, policies, description, status, owner_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11, $12, $13, $14) RETURNING id`,
    [h.name, h.cityCode, h.city, h.country, h.address, h.neighborhood, h.latitude, h.longitude, h.stars, h.amenities,
      JSON.stringify(h.policies), h.description, status, ownerId],
  );
  await upsertRooms(tx, rows[0]!.id, h.rooms);
  return rows[0]!.id;
}

/** Rooms with an id are updated (when they belong to this hotel), rooms without one are added; none is deleted. */
export async function upsertRooms(tx: Queryable, hotelId: number, rooms: HotelListing['rooms']): Promise<void> {
  for (const r of rooms) {
    if (r.id) {
      await tx.query(
        `UPDATE room_types SET name = $3, capacity = $4, units = $5, nightly_price_minor = $6 WHERE id = $1 AND hotel_id = $2`,
        [r.id, hotelId, r.name, r.capacity, r.units, r.nightlyPrice],
      );
    } else {
      await tx.query(
        `INSERT INTO room_types (hotel_id, name, capacity, units, nightly_price_minor) VALUES ($1, $2, $3, $4, $5)`,
        [hotelId, r.name, r.capacity, r.units, r.nightlyPrice],
      );
    }
  }
}

export async function insertCar(tx: Queryable, c: CarListing, ownerId: string | null, status: ListingStatus): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO cars (company, location_code, city, car_class, model, year, transmission, seats, units, daily_price_minor,
                       policies, status, owner_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [c.company, c.locationCode, c.city, c.carClass, c.model, c.year, c.transmission, c.seats, c.units, c.dailyPrice,
      JSON.stringify(c.policies), status, ownerId],
  );
  return rows[0]!.id;
}

export async function insertFlight(tx: Queryable, f: FlightListing, departDate: string, status: ListingStatus): Promise<number> {
  const duration = Math.round((Date.parse(f.arriveAt) - Date.parse(f.departAt)) / 60_000);
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO flights (airline, flight_number, origin, destination, via, stops, depart_at, arrive_at, depart_date,
                          duration_min, refundable, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [f.airline, f.flightNumber, f.origin, f.destination, f.via, f.via ? 1 : 0, f.departAt, f.arriveAt, departDate, duration,
      f.refundable, status],
  );
  for (const c of f.cabins) {
    await tx.query(`INSERT INTO flight_cabins (flight_id, cabin, price_minor, seats_total) VALUES ($1, $2, $3, $4)`, [
      rows[0]!.id,
      c.cabin,
      c.price,
      c.seats,
    ]);
  }
  return rows[0]!.id;
}

export interface ListingOwnership {
  id: number;
  owner_id: string | null;
  status: ListingStatus;
}

export async function findOwnership(
  db: Queryable,
  kind: ListingKind,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ListingOwnership | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const { rows } = await db.query<ListingOwnership>(
    `SELECT id, owner_id, status FROM ${TABLE[kind]} WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

/** An admin's last decision, kept on the listing for its owner to read. */
export interface ListingReview {
  status: 'approved' | 'rejected' | 'suspended' | 'reinstated' | 'change-approved' | 'change-rejected';
  note: string | null;
  decidedAt: string;
  decidedBy: { id: string };
}

export async function setReview(tx: Queryable, kind: ListingKind, id: number, review: ListingReview): Promise<void> {
  await tx.query(`UPDATE ${TABLE[kind]} SET review = $2, updated_at = now() WHERE id = $1`, [id, JSON.stringify(review)]);
}

/** Prices and unit counts of existing room types: the owner's to set, live at once. */
export async function setRoomPricesAndUnits(
  tx: Queryable,
  hotelId: number,
  rooms: { id: string; units: number; nightlyPrice: number }[],
): Promise<void> {
  for (const r of rooms) {
    await tx.query(`UPDATE room_types SET units = $3, nightly_price_minor = $4 WHERE id = $1 AND hotel_id = $2`, [
      r.id,
      hotelId,
      r.units,
      r.nightlyPrice,
    ]);
  }
  if (rooms.length > 0) await tx.query('UPDATE hotels SET updated_at = now() WHERE id = $1', [hotelId]);
}

/** An approved change of room types: names and capacities of existing ones, and new ones added. */
export async function applyRoomChanges(
  tx: Queryable,
  hotelId: number,
  rooms: { id?: string | undefined; name: string; capacity: number; units?: number; nightlyPrice?: number }[],
): Promise<void> {
  for (const r of rooms) {
    if (r.id) {
      await tx.query('UPDATE room_types SET name = $3, capacity = $4 WHERE id = $1 AND hotel_id = $2', [
        r.id,
        hotelId,
        r.name,
        r.capacity,
      ]);
    } else {
      await tx.query(
        'INSERT INTO room_types (hotel_id, name, capacity, units, nightly_price_minor) VALUES ($1, $2, $3, $4, $5)',
        [hotelId, r.name, r.capacity, r.units ?? 0, r.nightlyPrice ?? 1],
      );
    }
  }
}

const COLUMNS: Record<'hotels' | 'cars', Record<string, string>> = {
  hotels: { name: 'name', cityCode: 'city_code', city: 'city', country: 'country', address: 'address', neighborhood: 'neighborhood', latitude: 'latitude', longitude: 'longitude', stars: 'stars', amenities: 'amenities', policies: 'policies', description: 'description' },
  cars: { company: 'company', locationCode: 'location_code', city: 'city', carClass: 'car_class', model: 'model', year: 'year', transmission: 'transmission', seats: 'seats', units: 'units', dailyPrice: 'daily_price_minor', policies: 'policies' },
};

/** Sets the fields present in the patch (and the status, when given). */
export async function updateListing(
  tx: Queryable,
  kind: ListingKind,
  id: number,
  patch: Record<string, unknown>,
  status?: ListingStatus,
): Promise<void> {
  const sets: string[] = [];
  const values: unknown[] = [id];
  const columns = kind === 'flights' ? {} : COLUMNS[kind];
  for (const [field, column] of Object.entries(columns)) {
    if (patch[field] === undefined) continue;
    values.push(field === 'policies' ? JSON.stringify(patch[field]) : patch[field]);
    sets.push(`${column} = $${values.length}`);
  }
  if (status) {
    values.push(status);
    sets.push(`status = $${values.length}`);
  }
  if (sets.length === 0) return;
  await tx.query(`UPDATE ${TABLE[kind]} SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, values);
}

/** A page of listings, newest first; an owner sees only theirs. */
export async function listListings(
  db: Queryable,
  kind: ListingKind,
  query: { ownerId?: string | undefined; status?: ListingStatus | undefined; limit: number; beforeId?: number | undefined },
): Promise<Record<string, unknown>[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  if (query.ownerId) {
    values.push(query.ownerId);
    where.push(`owner_id = $${values.length}`);
  }
  if (query.status) {
    values.push(query.status);
    where.push(`status = $${values.length}`);
  }
  if (query.beforeId) {
    values.push(query.beforeId);
    where.push(`id < $${values.length}`);
  }
  values.push(query.limit + 1);
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT * FROM ${TABLE[kind]} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${values.length}`,
    values,
  );
  return rows;
}

export async function roomsOf(db: Queryable, hotelId: number) {
  const { rows } = await db.query<{ id: number; name: string; capacity: number; units: number; nightly_price_minor: number }>(
    'SELECT id, name, capacity, units, nightly_price_minor FROM room_types WHERE hotel_id = $1 ORDER BY id',
    [hotelId],
  );
  return rows;
}

/** The room types of many hotels in one query (a page of listings). */
export async function roomsOfHotels(db: Queryable, hotelIds: number[]) {
  const byHotel = new Map<number, Record<string, unknown>[]>();
  if (hotelIds.length === 0) return byHotel;
  const { rows } = await db.query<{ hotel_id: number } & Record<string, unknown>>(
    `SELECT hotel_id, id, name, capacity, units, nightly_price_minor FROM room_types
     WHERE hotel_id = ANY($1::bigint[]) ORDER BY hotel_id, id`,
    [hotelIds],
  );
  for (const r of rows) byHotel.set(Number(r.hotel_id), [...(byHotel.get(Number(r.hotel_id)) ?? []), r]);
  return byHotel;
}

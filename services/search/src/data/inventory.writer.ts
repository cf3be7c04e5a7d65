import type { Queryable } from '@tripwise/platform/db';
import type { CarRow, FlightRow, HotelRow } from '../domain/inventory/inventory.types.ts';
import { batches } from '@tripwise/travel-data';
import { reserveIds } from './reserve-ids.ts';

/*
 * Bulk inserts as `INSERT … SELECT FROM unnest($1::type[], $2::type[], …)`: one parameter per column whatever
 * the number of rows, which PGlite and PostgreSQL both plan once and run fast, and never a value pasted into SQL.
 * Seeded listings are active and belong to the marketplace (owner_id null).
 */

/** Rows per statement: big enough that round trips do not matter, small enough to keep memory flat. */
export const BATCH_ROWS = 10_000;

const INSERT_FLIGHTS = `
  INSERT INTO flights (id, airline, flight_number, origin, destination, via, stops, depart_at, arrive_at, depart_date,
                       duration_min, refundable, status, owner_id)
  SELECT u.*, 'active', NULL
  FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::smallint[],
              $8::timestamptz[], $9::timestamptz[], $10::date[], $11::int[], $12::boolean[]) AS u`;

const INSERT_CABINS = `
  INSERT INTO flight_cabins (flight_id, cabin, price_minor, seats_total)
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::int[])`;

/** Writes flights and their cabins; returns how many flights. */
export async function writeFlights(tx: Queryable, rows: Iterable<FlightRow>): Promise<number> {
  let written = 0;
  for (const batch of batches(rows, BATCH_ROWS)) {
    const ids = await reserveIds(tx, 'flights', batch.length);
    await tx.query(INSERT_FLIGHTS, [
      ids,
      batch.map((f) => f.airline),
      batch.map((f) => f.flightNumber),
      batch.map((f) => f.origin),
      batch.map((f) => f.destination),
      // Legs only: connections are built from them at search time (via and stops stay for older rows).
      batch.map(() => null),
      batch.map(() => 0),
      batch.map((f) => f.departAt.toISOString()),
      batch.map((f) => f.arriveAt.toISOString()),
      batch.map((f) => f.departDate),
      batch.map((f) => f.durationMin),
      batch.map((f) => f.refundable),
    ]);
    const cabins = batch.flatMap((f, i) => f.cabins.map((c) => ({ ...c, flightId: ids[i]! })));
    await tx.query(INSERT_CABINS, [
      cabins.map((c) => c.flightId),
      cabins.map((c) => c.cabin),
      cabins.map((c) => c.priceMinor),
      cabins.map((c) => c.seatsTotal),
    ]);
    written += batch.length;
  }
  return written;
}

const INSERT_HOTELS = `
  INSERT INTO hotels (id, name, city_code, city, country, address, neighborhood, latitude, longitude, stars,
                      rating_tenths, review_count, amenities, policies, description, status, owner_id)
  SELECT id, name, city_code, city, country, address, neighborhood, latitude, longitude, stars, rating_tenths,
         review_count, string_to_array(amenities, ','), policies::jsonb, description, 'active', NULL
  FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
              $8::float8[], $9::float8[], $10::smallint[], $11::smallint[], $12::int[], $13::text[], $14::text[],
              $15::text[])
    AS u(id, name, city_code, city, country, address, neighborhood, latitude, longitude, stars, rating_tenths,
         review_count, amenities, policies, description)`;

const INSERT_ROOM_TYPES = `
  INSERT INTO room_types (hotel_id, name, capacity, units, nightly_price_minor)
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::smallint[], $4::int[], $5::bigint[])`;

const INSERT_REVIEWS = `
  INSERT INTO reviews (kind, listing_id, user_id, booking_id, rating, title, body, author_name, created_at)
  SELECT 'hotel', listing_id, md5('demo-review-user:' || listing_id || ':' || n)::uuid,
         md5('demo-review-booking:' || listing_id || ':' || n)::uuid, rating, title, body, author,
         now() - make_interval(days => days_ago)
  FROM unnest($1::bigint[], $2::int[], $3::smallint[], $4::text[], $5::text[], $6::text[], $7::int[])
    AS u(listing_id, n, rating, title, body, author, days_ago)`;

/** A generated hotel's written reviews (its other ratings are only counted, in review_count). */
export interface SeedReview {
  rating: number;
  title: string;
  body: string;
  author: string;
  daysAgo: number;
}
type ReviewsOf = (hotel: { id: number; ratingTenths: number; reviewCount: number }) => SeedReview[];

async function writeHotelReviews(tx: Queryable, hotels: { id: number; row: HotelRow }[], reviewsOf: ReviewsOf) {
  const reviews = hotels.flatMap(({ id, row }) =>
    reviewsOf({ id, ratingTenths: row.ratingTenths, reviewCount: row.reviewCount }).map((r, n) => ({ ...r, id, n })),
  );
  if (reviews.length === 0) return;
  await tx.query(INSERT_REVIEWS, [
    reviews.map((r) => r.id),
    reviews.map((r) => r.n),
    reviews.map((r) => r.rating),
    reviews.map((r) => r.title),
    reviews.map((r) => r.body),
    reviews.map((r) => r.author),
    reviews.map((r) => r.daysAgo),
  ]);
}

/** Writes hotels and their room types (and, given `reviewsOf`, some written reviews); returns how many hotels. */
export async function writeHotels(tx: Queryable, rows: Iterable<HotelRow>, reviewsOf?: ReviewsOf): Promise<number> {
  let written = 0;
  for (const batch of batches(rows, BATCH_ROWS)) {
    const ids = await reserveIds(tx, 'hotels', batch.length);
    await tx.query(INSERT_HOTELS, [
      ids,
      batch.map((h) => h.name),
      batch.map((h) => h.cityCode),
      batch.map((h) => h.city),
      batch.map((h) => h.country),
      batch.map((h) => h.address),
      batch.map((h) => h.neighborhood),
      batch.map((h) => h.latitude),
      batch.map((h) => h.longitude),
      batch.map((h) => h.stars),
      batch.map((h) => h.ratingTenths),
      batch.map((h) => h.reviewCount),
      // Ragged arrays cannot be unnested; the amenity names contain no commas, so they travel joined.
      batch.map((h) => h.amenities.join(',')),
      batch.map((h) => JSON.stringify(h.policies)),
      batch.map((h) => h.description),
    ]);
    const rooms = batch.flatMap((h, i) => h.roomTypes.map((r) => ({ ...r, hotelId: ids[i]! })));
    await tx.query(INSERT_ROOM_TYPES, [
      rooms.map((r) => r.hotelId),
      rooms.map((r) => r.name),
      rooms.map((r) => r.capacity),
      rooms.map((r) => r.units),
      rooms.map((r) => r.nightlyPriceMinor),
    ]);
    if (reviewsOf) await writeHotelReviews(tx, batch.map((row, i) => ({ id: Number(ids[i]), row })), reviewsOf);
    written += batch.length;
  }
  return written;
}

const INSERT_CARS = `
  INSERT INTO cars (company, location_code, city, car_class, model, year, transmission, seats, units,
                    daily_price_minor, policies, status, owner_id)
  SELECT company, location_code, city, car_class, model, year, transmission, seats, units, daily_price_minor,
         policies::jsonb, 'active', NULL
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::text[],
              $8::smallint[], $9::int[], $10::bigint[], $11::text[])
    AS u(company, location_code, city, car_class, model, year, transmission, seats, units, daily_price_minor,
         policies)`;

/** Writes cars; returns how many. */
export async function writeCars(tx: Queryable, rows: Iterable<CarRow>): Promise<number> {
  let written = 0;
  for (const batch of batches(rows, BATCH_ROWS)) {
    await tx.query(INSERT_CARS, [
      batch.map((c) => c.company),
      batch.map((c) => c.locationCode),
      batch.map((c) => c.city),
      batch.map((c) => c.carClass),
      batch.map((c) => c.model),
      batch.map((c) => c.year),
      batch.map((c) => c.transmission),
      batch.map((c) => c.seats),
      batch.map((c) => c.units),
      batch.map((c) => c.dailyPriceMinor),
      batch.map((c) => JSON.stringify(c.policies)),
    ]);
    written += batch.length;
  }
  return written;
}

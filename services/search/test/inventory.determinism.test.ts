import type { Db } from '@tripwise/platform/db';
import { captureLogs, openTestDb } from '@tripwise/platform/testing';
import { afterAll, describe, expect, test } from 'vitest';
import { generateCars } from '../src/domain/inventory/generate-cars.ts';
import { generateFlights } from '../src/domain/inventory/generate-flights.ts';
import { generateHotels } from '../src/domain/inventory/generate-hotels.ts';
import type { InventoryScale } from '../src/domain/inventory/inventory-scale.ts';
import { seedInventory } from '../src/domain/inventory/seed-inventory.ts';
import { SMALL_SCALE, START, TINY_SCALE, migrationsDir } from './inventory.fixtures.ts';

const everything = (scale: InventoryScale, seed: number, start: string) =>
  JSON.stringify({
    flights: [...generateFlights(scale, seed, start)],
    hotels: [...generateHotels(scale, seed)],
    cars: [...generateCars(scale, seed, start)],
  });

/** Every column but the timestamps the database sets itself, row by row in id order, hashed per table. */
const TABLE_DIGESTS = `
  SELECT (SELECT md5(string_agg(concat_ws('|', id, airline, flight_number, origin, destination, via, stops,
            depart_at, arrive_at, depart_date, duration_min, refundable, status, owner_id), ',' ORDER BY id)) FROM flights) AS flights,
         (SELECT md5(string_agg(concat_ws('|', flight_id, cabin, price_minor, seats_total, seats_taken), ','
            ORDER BY flight_id, cabin)) FROM flight_cabins) AS cabins,
         (SELECT md5(string_agg(concat_ws('|', id, name, city_code, city, country, address, neighborhood, latitude,
            longitude, stars, rating_tenths, review_count, amenities, policies, description, status, owner_id), ','
            ORDER BY id)) FROM hotels) AS hotels,
         (SELECT md5(string_agg(concat_ws('|', id, hotel_id, name, capacity, units, nightly_price_minor), ','
            ORDER BY id)) FROM room_types) AS room_types,
         (SELECT md5(string_agg(concat_ws('|', id, company, location_code, city, car_class, model, year, transmission,
            seats, units, daily_price_minor, policies, status, owner_id), ',' ORDER BY id)) FROM cars) AS cars`;

const opened: Db[] = [];
afterAll(async () => {
  await Promise.all(opened.map((db) => db.close()));
});

describe('inventory determinism', () => {
  test('When the same seed and start date are used twice, then the generated rows are identical', () => {
    expect(everything(SMALL_SCALE, 42, START)).toBe(everything(SMALL_SCALE, 42, START));
  });

  test('When the seed changes, then flights, hotels and cars all change', () => {
    const [a, b] = [JSON.parse(everything(TINY_SCALE, 1, START)), JSON.parse(everything(TINY_SCALE, 2, START))];
    expect(a.flights).not.toEqual(b.flights);
    expect(a.hotels).not.toEqual(b.hotels);
    expect(a.cars).not.toEqual(b.cars);
  });

  test('When the start date moves, then the flights move with it', () => {
    const first = generateFlights(TINY_SCALE, 1, '2027-06-01').next().value!;
    const later = generateFlights(TINY_SCALE, 1, '2027-07-01').next().value!;
    expect(first.departDate).toBe('2027-06-01');
    expect(later.departDate).toBe('2027-07-01');
  });

  test('When two empty databases are seeded alike, then every table holds the very same rows', async () => {
    const digests = [];
    for (let i = 0; i < 2; i++) {
      const db = await openTestDb({ migrationsDir });
      opened.push(db);
      await seedInventory(db, { scale: TINY_SCALE, seed: 9, startDate: START, logger: captureLogs().logger });
      digests.push((await db.query(TABLE_DIGESTS)).rows[0]);
    }
    expect(digests[0]).toEqual(digests[1]);
    expect(Object.values(digests[0]!).every((digest) => typeof digest === 'string')).toBe(true);
  });
});

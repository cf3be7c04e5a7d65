import { fileURLToPath } from 'node:url';
import type { Db } from '@tripwise/platform/db';
import { captureLogs, openTestDb, type TestDbBackend } from '@tripwise/platform/testing';
import {
  givenASearchService,
  migrationsDir as searchMigrationsDir,
  seedInventory,
  SERVICE_TOKEN,
  type InventoryScale,
} from '@tripwise/search/testing';
import { searchClient } from '../src/clients/search.client.ts';
import type { BookingScale } from '../src/domain/seed/booking-scale.ts';
import { seedBookings, type SeedBookingsOptions } from '../src/domain/seed/seed-bookings.ts';

export const migrationsDir = fileURLToPath(new URL('../src/data/migrations', import.meta.url));

/** Search's flights start on this day (a Monday); bookings are made over the days before NOW. */
export const START = '2027-01-11';
export const NOW = new Date('2027-01-11T15:30:00Z');

/** Three weeks of flights between a dozen busy airports, and a few hotels and cars in each city. */
export const INVENTORY: InventoryScale = {
  name: 'booking-seed-test',
  days: 21,
  airports: 12,
  frequencyFactor: 0.1,
  hotels: 60,
  cars: 40,
};

let scales = 0;
/** A scale of the test's own name (its booking ids are its own too). */
export const givenAScale = (overrides: Partial<BookingScale> = {}): BookingScale => ({
  name: `test-${(scales += 1)}`,
  users: 40,
  bookings: 160,
  days: 240,
  ...overrides,
});

/** Search's seeded inventory (`db`, for what tests check) and the search service on it, which the seed talks to. */
export interface Inventory {
  db: Db;
  client: ReturnType<typeof searchClient>;
  close(): Promise<void>;
}

export async function givenAnInventory(backend: TestDbBackend): Promise<Inventory> {
  const db = await openTestDb({ backend, migrationsDir: searchMigrationsDir });
  await seedInventory(db, { scale: INVENTORY, seed: 5, startDate: START, logger: captureLogs().logger });
  const service = await givenASearchService({ db });
  return {
    db,
    client: searchClient({ url: service.url, serviceToken: SERVICE_TOKEN }),
    close: async () => {
      await service.close();
      await db.close();
    },
  };
}

export const givenABookingDb = (backend: TestDbBackend) => openTestDb({ backend, migrationsDir });

export function seed(db: Db, search: Inventory, scale: BookingScale, options: Partial<SeedBookingsOptions> = {}) {
  return seedBookings(db, search.client, { scale, seed: 7, now: NOW, logger: captureLogs().logger, ...options });
}

/** Every row of a table, in a stable order, with the columns that change on every run left out. */
export async function rowsOf(db: Db, table: string, order: string, without: string[] = []) {
  const { rows } = await db.query<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY ${order}`);
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !without.includes(column))));
}

export const BOOKING_TABLES: [table: string, order: string, without?: string[]][] = [
  ['bookings', 'id'],
  ['booking_items', 'booking_id, position'],
  ['payments', 'id'],
  ['billing_records', 'id'],
  ['sales_daily', 'day, kind, listing_id'],
  ['sim_payment_intents', 'id'],
  ['sim_refunds', 'id'],
  ['booking_seed', 'scale', ['seeded_at']],
  ['booking_seed_holds', 'booking_id'],
];

/** What search counts as taken, and the holds it keeps (times left out). */
export async function searchState(search: Db) {
  return {
    seats: await rowsOf(search, 'flight_cabins', 'flight_id, cabin'),
    nights: await rowsOf(search, 'room_nights', 'room_type_id, night'),
    days: await rowsOf(search, 'car_days', 'car_id, day'),
    holds: await rowsOf(search, 'holds', 'id', ['expires_at', 'created_at', 'updated_at']),
    holdItems: await rowsOf(search, 'hold_items', 'hold_id, position'),
  };
}

export async function countsOf(db: Db) {
  const { rows } = await db.query<Record<string, number>>(`SELECT
    (SELECT count(*)::int FROM bookings) AS bookings, (SELECT count(*)::int FROM booking_items) AS items,
    (SELECT count(*)::int FROM payments) AS payments, (SELECT count(*)::int FROM billing_records) AS billing,
    (SELECT count(*)::int FROM sales_daily) AS sales, (SELECT count(*)::int FROM sim_payment_intents) AS intents,
    (SELECT count(*)::int FROM booking_seed) AS seeds, (SELECT count(*)::int FROM booking_seed_holds) AS pending`);
  return rows[0]!;
}

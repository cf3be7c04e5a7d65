import type { Db } from '@tripwise/platform/db';
import { captureLogs, openTestDb } from '@tripwise/platform/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INVENTORY_SCALES } from '../src/domain/inventory/inventory-scale.ts';
import { seedInventory } from '../src/domain/inventory/seed-inventory.ts';
import { migrationsDir } from './inventory.fixtures.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb({ migrationsDir });
});
afterAll(async () => {
  await db.close();
});

describe('the demo scale', () => {
  test('When the demo inventory is seeded, then it has two months of a dense network, hotels and cars', async () => {
    const result = await seedInventory(db, { logger: captureLogs().logger, startDate: '2027-01-04' });
    expect(result).toMatchObject({ seeded: true, scale: 'demo' });
    expect(result.flights + result.hotels + result.cars).toBeGreaterThanOrEqual(10_000);
    const { rows } = await db.query<{ first: string; last: string; origins: number; cities: number }>(`SELECT
      (SELECT min(depart_date)::text FROM flights) AS first, (SELECT max(depart_date)::text FROM flights) AS last,
      (SELECT count(DISTINCT origin)::int FROM flights) AS origins, (SELECT count(DISTINCT city_code)::int FROM hotels) AS cities`);
    expect(rows[0]).toEqual({
      first: '2027-01-04',
      last: '2027-03-04',
      origins: INVENTORY_SCALES.demo.airports,
      cities: expect.any(Number),
    });
    expect(rows[0]!.cities).toBeGreaterThan(80);
    const bosDen = await db.query<{ day: string; n: number }>(
      `SELECT depart_date::text AS day, count(*)::int AS n FROM flights WHERE origin = 'BOS' AND destination = 'DEN'
       GROUP BY 1`,
    );
    expect(bosDen.rows).toHaveLength(60);
    for (const day of bosDen.rows) expect(day.n, day.day).toBeGreaterThanOrEqual(4);
    // How long it takes is measured by `npm start` (it logs the seeding time), not asserted on a shared machine;
    // the limit below only stops a hang.
  }, 300_000);
});

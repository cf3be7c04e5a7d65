import { openPostgresDb, type Db } from '@tripwise/platform/db';
import { captureLogs, openTestDb, testEnv, uniqueSchemaName } from '@tripwise/platform/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { InventoryScale } from '../src/domain/inventory/inventory-scale.ts';
import { lockInventorySeeding } from '../src/data/inventory-seed.repository.ts';
import { seedInventory } from '../src/domain/inventory/seed-inventory.ts';
import { reviewsOf } from '../src/domain/reviews/reviews.use-case.ts';
import { START, TINY_SCALE, migrationsDir } from './inventory.fixtures.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb({ migrationsDir });
});
afterAll(async () => {
  await db.close();
});

let scales = 0;
/** A scale name of the test's own: each is seeded at most once per database. */
const givenANewScale = (overrides: Partial<InventoryScale> = {}): InventoryScale => ({
  ...TINY_SCALE,
  name: `test-${(scales += 1)}`,
  ...overrides,
});

const tableCounts = async () =>
  (
    await db.query<Record<string, number>>(`SELECT
      (SELECT count(*)::int FROM flights) AS flights, (SELECT count(*)::int FROM flight_cabins) AS cabins,
      (SELECT count(*)::int FROM hotels) AS hotels, (SELECT count(*)::int FROM room_types) AS room_types,
      (SELECT count(*)::int FROM cars) AS cars`)
  ).rows[0]!;

describe('seedInventory', () => {
  test('When a scale is seeded, then its rows are written, active, owned by nobody, and recorded once', async () => {
    const scale = givenANewScale();
    const before = await tableCounts();
    const result = await seedInventory(db, { scale, seed: 3, startDate: START, logger: captureLogs().logger });
    const after = await tableCounts();
    expect(result).toMatchObject({ seeded: true, scale: scale.name, seed: 3, startDate: START, hotels: 80, cars: 60 });
    expect(result.flights).toBeGreaterThan(100);
    expect(after.flights! - before.flights!).toBe(result.flights);
    expect(after.hotels! - before.hotels!).toBe(80);
    expect(after.cars! - before.cars!).toBe(60);
    const { rows } = await db.query('SELECT * FROM inventory_seed WHERE scale = $1', [scale.name]);
    expect(rows).toEqual([
      expect.objectContaining({ seed: 3, start_date: START, flights: result.flights, hotels: 80, cars: 60 }),
    ]);
    const {
      rows: [odd],
    } = await db.query<{ n: number }>(`SELECT
        (SELECT count(*)::int FROM flights WHERE status <> 'active' OR owner_id IS NOT NULL)
      + (SELECT count(*)::int FROM hotels WHERE status <> 'active' OR owner_id IS NOT NULL)
      + (SELECT count(*)::int FROM cars WHERE status <> 'active' OR owner_id IS NOT NULL) AS n`);
    expect(odd!.n).toBe(0);
  });

  test('When a hotel with many ratings is opened, then a few written reviews and the spread of all its ratings come with it', async () => {
    await seedInventory(db, { scale: givenANewScale(), logger: captureLogs().logger });
    const { rows } = await db.query<{ id: string; review_count: number; rating_tenths: number }>(
      `SELECT id::text, review_count, rating_tenths FROM hotels WHERE review_count >= 50 ORDER BY id DESC LIMIT 1`,
    );
    const hotel = rows[0]!;

    const page = await reviewsOf(db, { kind: 'hotel', id: hotel.id }, { limit: 5 });

    expect(page.items).toHaveLength(3);
    expect(page.items[0]).toMatchObject({
      rating: expect.any(Number),
      title: expect.any(String),
      text: expect.any(String),
    });
    expect(page.writtenCount).toBe(3);
    expect(page.ratings.map((r) => r.rating)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(page.ratings.reduce((sum, r) => sum + r.count, 0)).toBe(hotel.review_count);
    const average = page.ratings.reduce((sum, r) => sum + r.rating * r.count, 0) / hotel.review_count;
    expect(Math.abs(average - hotel.rating_tenths / 10)).toBeLessThan(0.35);
  });

  test('When the tables are read back, then every flight has economy and every hotel has room types', async () => {
    await seedInventory(db, { scale: givenANewScale(), logger: captureLogs().logger });
    const { rows } = await db.query<{ flights: number; hotels: number; amenities: string[] }>(`SELECT
      (SELECT count(*)::int FROM flights f WHERE NOT EXISTS
        (SELECT 1 FROM flight_cabins c WHERE c.flight_id = f.id AND c.cabin = 'economy')) AS flights,
      (SELECT count(*)::int FROM hotels h WHERE NOT EXISTS (SELECT 1 FROM room_types r WHERE r.hotel_id = h.id)) AS hotels,
      (SELECT array_agg(DISTINCT a ORDER BY a) FROM hotels, unnest(amenities) AS a) AS amenities`);
    expect(rows[0]).toMatchObject({ flights: 0, hotels: 0 });
    expect(rows[0]!.amenities.length).toBeGreaterThan(5);
  });

  test('When the same scale is seeded again, then nothing is added and the first seeding is reported', async () => {
    const scale = givenANewScale();
    const first = await seedInventory(db, { scale, logger: captureLogs().logger });
    const before = await tableCounts();
    const logs = captureLogs();
    const second = await seedInventory(db, { scale, seed: 99, logger: logs.logger });
    expect(await tableCounts()).toEqual(before);
    expect(second).toMatchObject({ seeded: false, seed: first.seed, flights: first.flights, hotels: first.hotels });
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({ message: 'inventory already seeded', scale: scale.name }),
    );
  });

  test('When two instances seed the same scale at once, then only one of them writes', async () => {
    const scale = givenANewScale({ days: 2, hotels: 10, cars: 10 });
    const before = await tableCounts();
    const results = await Promise.all([1, 2].map(() => seedInventory(db, { scale, logger: captureLogs().logger })));
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    const after = await tableCounts();
    expect(after.hotels! - before.hotels!).toBe(10);
  });

  test('When the start date or seed is not valid, then nothing is written and the reason is given', async () => {
    const logger = captureLogs().logger;
    await expect(seedInventory(db, { scale: givenANewScale(), startDate: '2027-02-30', logger })).rejects.toThrow(
      /YYYY-MM-DD/,
    );
    await expect(seedInventory(db, { scale: givenANewScale(), seed: -1, logger })).rejects.toThrow(/seed/);
  });
});

describe.skipIf(!testEnv.DATABASE_URL)('waiting for another instance’s seeding', () => {
  test('When one instance seeds for longer than the statement timeout, then the other waits for it instead of failing', async () => {
    const schema = uniqueSchemaName('seedwait');
    const quick = await openPostgresDb({
      url: testEnv.DATABASE_URL!,
      schema,
      poolMax: 2,
      logger: captureLogs().logger,
      applicationName: 'seed-wait-test',
      statementTimeoutMs: 300,
    });
    try {
      let seeding!: () => void;
      const done = new Promise<void>((resolve) => (seeding = resolve));
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const first = quick.transaction(async (tx) => {
        await lockInventorySeeding(tx);
        holding();
        await done; // a seeding that outlasts the 300 ms (and the client's 2.3 s) limits
      });
      await held;
      const second = quick.transaction((tx) => lockInventorySeeding(tx));
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      seeding();
      await first;
      await expect(second).resolves.toBeUndefined();
    } finally {
      await quick.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await quick.close();
    }
  });
});

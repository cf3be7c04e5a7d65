import type { Db } from '@tripwise/platform/db';
import { availableDbBackends } from '@tripwise/platform/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SeedBookingsResult } from '../src/domain/seed/seed-bookings.ts';
import {
  BOOKING_TABLES,
  countsOf,
  givenABookingDb,
  givenAnInventory,
  givenAScale,
  rowsOf,
  searchState,
  seed,
  type Inventory,
} from './seed.fixtures.ts';

describe.each(availableDbBackends())('seedBookings on %s', (backend) => {
  const opened: { close(): Promise<void> }[] = [];
  let search: Inventory;
  let db: Db;
  const scale = givenAScale();
  let result: SeedBookingsResult;

  beforeAll(async () => {
    search = await givenAnInventory(backend);
    db = await givenABookingDb(backend);
    opened.push(search, db);
    result = await seed(db, search, scale);
  });
  afterAll(async () => {
    for (const handle of opened) await handle.close();
  });

  test('When a scale is seeded, then its bookings, billing and holds are written and recorded once', async () => {
    expect(result).toMatchObject({ seeded: true, scale: scale.name, seed: 7, users: scale.users, holdsFailed: 0 });
    expect(result.bookings).toBeGreaterThan(scale.bookings * 0.9);
    expect(result.holdsPlaced).toBe(result.holds);
    expect(result.holds).toBeGreaterThan(0);
    expect(await countsOf(db)).toMatchObject({
      bookings: result.bookings,
      items: result.items,
      billing: result.billingRecords,
      seeds: 1,
      pending: 0,
    });
    const { rows } = await db.query<{ users: number }>('SELECT count(DISTINCT user_id)::int AS users FROM bookings');
    expect(rows[0]!.users).toBe(scale.users);
  });

  test('When the same seed seeds an identical inventory, then every row is the same, in both services', async () => {
    const twinSearch = await givenAnInventory(backend);
    const twin = await givenABookingDb(backend);
    opened.push(twinSearch, twin);
    await seed(twin, twinSearch, scale);
    for (const [table, order, without] of BOOKING_TABLES) {
      expect({ table, rows: await rowsOf(twin, table, order, without) }).toEqual({
        table,
        rows: await rowsOf(db, table, order, without),
      });
    }
    expect(await searchState(twinSearch.db)).toEqual(await searchState(search.db));
  });

  test('When a scale is seeded again, then nothing is added and the first seeding is reported', async () => {
    const before = { booking: await countsOf(db), search: await searchState(search.db) };
    const again = await seed(db, search, scale, { seed: 99 });
    expect(again).toMatchObject({ seeded: false, seed: 7, bookings: result.bookings, holdsPlaced: 0 });
    expect({ booking: await countsOf(db), search: await searchState(search.db) }).toEqual(before);
  });

  test('When the seeding is interrupted before it commits, then neither service keeps anything of it', async () => {
    const fresh = await givenABookingDb(backend);
    opened.push(fresh);
    const before = await searchState(search.db);
    const interrupted = seed(fresh, search, givenAScale(), {
      checkpoint: (stage) => {
        if (stage === 'written') throw new Error('killed');
      },
    });
    await expect(interrupted).rejects.toThrow('killed');
    expect(await countsOf(fresh)).toEqual({
      bookings: 0,
      items: 0,
      payments: 0,
      billing: 0,
      sales: 0,
      intents: 0,
      seeds: 0,
      pending: 0,
    });
    expect(await searchState(search.db)).toEqual(before);
  });

  test('When the seeding is interrupted while placing holds, then the next run places the rest, once', async () => {
    const fresh = await givenABookingDb(backend);
    opened.push(fresh);
    const other = givenAScale();
    let placed = 0;
    const interrupted = seed(fresh, search, other, {
      checkpoint: (stage) => {
        if (stage === 'hold-placed' && (placed += 1) === 2) throw new Error('killed');
      },
    });
    await expect(interrupted).rejects.toThrow('killed');
    const finished = await seed(fresh, search, other);
    expect(finished.seeded).toBe(false);
    // Holds already under way when it was stopped (on PostgreSQL a few go at once) were finished, not repeated.
    expect(placed).toBeGreaterThanOrEqual(2);
    expect(finished.holdsPlaced).toBe(finished.holds - placed);
    const { rows: bookings } = await fresh.query<{ id: string }>(
      `SELECT id FROM bookings WHERE status = 'confirmed' AND ends_on >= $1::date ORDER BY id`,
      [NOW_DAY],
    );
    const { rows: holds } = await search.db.query<{ id: string; status: string }>(
      `SELECT id, status FROM holds WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [bookings.map((b) => b.id)],
    );
    expect(holds).toHaveLength(finished.holds);
    expect(new Set(holds.map((h) => h.status))).toEqual(new Set(['confirmed']));
    expect(await countsOf(fresh)).toMatchObject({ pending: 0 });
  });
});

const NOW_DAY = '2027-01-11';

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { migrate, openPgliteDb, openPostgresDb, type Db } from '@tripwise/platform/db';
import { createLogger } from '@tripwise/platform/logger';
import { availableDbBackends, openTestDb, testEnv, uniqueSchemaName } from '@tripwise/platform/testing';

const migrations = (name: string) => fileURLToPath(new URL(`./fixtures/migrations/${name}`, import.meta.url));

// One contract, run against every backend available here: PGlite always, PostgreSQL when DATABASE_URL is set.
describe.each(availableDbBackends())('Db contract on %s', (backend) => {
  const opened: Db[] = [];
  const givenADb = async (migrationsDir?: string) => {
    const db = await openTestDb({ backend, ...(migrationsDir ? { migrationsDir } : {}) });
    opened.push(db);
    return db;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
  });

  test('When migrations run, then they apply in order, are recorded, and a second run applies nothing', async () => {
    const db = await givenADb();
    expect(await migrate(db, migrations('good'))).toEqual(['0001_create_trips', '0002_add_trip_name']);
    expect(await migrate(db, migrations('good'))).toEqual([]);
    const { rows } = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(['0001', '0002']);
    await db.query(`INSERT INTO trips (traveler_count, total, start_date, name) VALUES (1, 1, '2026-01-01', 'x')`);
  });

  test('When two migrations share a version (two branches each added the next number), then nothing runs and the error names it', async () => {
    const db = await givenADb();
    await expect(migrate(db, migrations('same-version'))).rejects.toThrow(/share version 0001/);
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('trips', 'cars') AND table_schema = current_schema()",
    );
    expect(rows[0]!.n).toBe(0);
  });

  test('When a migration fails, then none of the pending ones is left half-applied', async () => {
    const db = await givenADb();
    await expect(migrate(db, migrations('bad'))).rejects.toThrow(/trips/);
    const { rows } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1`,
      [db.schema],
    );
    expect(rows.map((r) => r.table_name)).toEqual([]);
  });

  test('When an applied migration file was edited, then migrating refuses to go on', async () => {
    const db = await givenADb(migrations('good'));
    await expect(migrate(db, migrations('changed'))).rejects.toThrow(
      /0001_create_trips was changed after it was applied/,
    );
  });

  test('When rows are read back, then both backends return the same JS types', async () => {
    const db = await givenADb(migrations('good'));
    await db.query(`INSERT INTO trips (traveler_count, total, start_date, details, name) VALUES ($1, $2, $3, $4, $5)`, [
      3,
      '1234.50',
      '2026-03-01',
      JSON.stringify({ nonstop: true, cities: ['BOS', 'DEN'] }),
      'Denver',
    ]);
    const { rows } = await db.query('SELECT * FROM trips');
    expect(rows[0]).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      traveler_count: 3,
      total: '1234.50',
      start_date: '2026-03-01',
      created_at: expect.any(Date),
      details: { nonstop: true, cities: ['BOS', 'DEN'] },
      name: 'Denver',
    });
  });

  test('When a transaction throws, then nothing it wrote remains; when it resolves, everything does', async () => {
    const db = await givenADb(migrations('good'));
    const insert = `INSERT INTO trips (traveler_count, total, start_date, name) VALUES (1, 10, '2026-01-01', $1)`;
    await expect(
      db.transaction(async (tx) => {
        await tx.query(insert, ['rolled-back']);
        throw new Error('payment declined');
      }),
    ).rejects.toThrow('payment declined');
    const committed = await db.transaction(async (tx) => {
      await tx.query(insert, ['committed-1']);
      return (await tx.query(insert + ' RETURNING name', ['committed-2'])).rows[0];
    });
    expect(committed).toEqual({ name: 'committed-2' });
    const { rows } = await db.query<{ name: string }>('SELECT name FROM trips ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(['committed-1', 'committed-2']);
  });

  test('When an update touches rows, then rowCount says how many', async () => {
    const db = await givenADb(migrations('good'));
    await db.query(
      `INSERT INTO trips (traveler_count, total, start_date) VALUES (1, 1, '2026-01-01'), (2, 2, '2026-01-02')`,
    );
    expect((await db.query('UPDATE trips SET name = $1', ['x'])).rowCount).toBe(2);
    expect((await db.query('DELETE FROM trips WHERE traveler_count > 5')).rowCount).toBe(0);
  });

  test('When an int8 exceeds what a JS number holds exactly, then reading it fails loudly instead of rounding', async () => {
    const db = await givenADb();
    await expect(db.query('SELECT 9007199254740993::int8 AS big')).rejects.toThrow(/MAX_SAFE_INTEGER/);
  });
});

describe('PGlite on disk', () => {
  test('When the database is closed and reopened from its folder, then the data is still there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tripwise-pglite-'));
    try {
      const first = await openPgliteDb({ dataDir: dir, schema: 'search' });
      await migrate(first, migrations('good'));
      await first.query(
        `INSERT INTO trips (traveler_count, total, start_date, name) VALUES (2, 5, '2026-05-05', 'kept')`,
      );
      await first.close();
      const second = await openPgliteDb({ dataDir: dir, schema: 'search' });
      expect(await migrate(second, migrations('good'))).toEqual([]);
      expect((await second.query('SELECT name FROM trips')).rows).toEqual([{ name: 'kept' }]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(testEnv.DATABASE_URL)('PostgreSQL with several instances', () => {
  test('When two instances migrate the same schema at once, then each migration is applied exactly once', async () => {
    const schema = uniqueSchemaName();
    const open = () =>
      openPostgresDb({
        url: testEnv.DATABASE_URL!,
        schema,
        poolMax: 2,
        logger: createLogger({ service: 'test', level: 'error' }),
        applicationName: 'test',
      });
    const [a, b] = await Promise.all([open(), open()]);
    try {
      const [appliedA, appliedB] = await Promise.all([migrate(a, migrations('good')), migrate(b, migrations('good'))]);
      expect([...appliedA, ...appliedB].sort()).toEqual(['0001_create_trips', '0002_add_trip_name']);
      expect((await a.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0]).toEqual({ n: 2 });
    } finally {
      await a.query(`DROP SCHEMA "${schema}" CASCADE`);
      await Promise.all([a.close(), b.close()]);
    }
  });
});

import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/index.ts';
import type { Service } from '../http/index.ts';
import type { KvStore } from '../kv/index.ts';
import type { Logger } from '../logger/index.ts';
import { captureLogs } from './log-capture.ts';
import { defaultDbBackend, openTestDb } from './test-db.ts';
import { openTestKv } from './test-kv.ts';

export interface ServiceBootSpec {
  name: string;
  /** A public prefix the gateway forwards to this service. */
  publicPrefix: string;
  migrationsDir: string;
  /** Tables the service's migrations must have created. */
  tables: string[];
  createApp: (deps: { logger: Logger; db: Db; kv: KvStore }) => Service;
}

/** What every service with storage must do on start: migrate its own schema and report ready through its prefix. */
export function describeServiceBoot(spec: ServiceBootSpec): void {
  describe(`${spec.name} service on ${defaultDbBackend()}`, () => {
    let db: Db | undefined;
    let kv: KvStore | undefined;
    let service: Service;
    beforeAll(async () => {
      const [openedDb, openedKv] = await Promise.all([openTestDb({ migrationsDir: spec.migrationsDir }), openTestKv()]);
      [db, kv] = [openedDb, openedKv];
      service = spec.createApp({ logger: captureLogs(spec.name).logger, db: openedDb, kv: openedKv });
    });
    afterAll(async () => {
      await kv?.close();
      await db?.close();
    });

    test('When its migrations have run, then its tables exist in its own schema', async () => {
      const { rows } = await db!.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
        [db!.schema],
      );
      expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining([...spec.tables, 'schema_migrations']));
    });

    test(`When the gateway asks ${spec.publicPrefix}/ready, then the database and store both answer`, async () => {
      const res = await request(service.app).get(`${spec.publicPrefix}/ready`);
      expect(res).toMatchObject({
        status: 200,
        body: { status: 'ready', service: spec.name, checks: { database: 'ok', kv: 'ok' } },
      });
    });

    test('When an unknown route under its prefix is called, then it answers 404 problem+json', async () => {
      const res = await request(service.app).get(`${spec.publicPrefix}/no/such/route`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });
  });
}

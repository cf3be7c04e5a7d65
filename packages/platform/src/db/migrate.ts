import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from './db.ts';

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads `NNNN_name.sql` files in version order; any other file in the folder is a mistake worth stopping for. */
export async function readMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  // Two branches may each add the next number: the version is the key, so the second would never run. Stop instead.
  const versions = files.map((f) => f.slice(0, 4));
  const twice = versions.find((v, i) => versions.indexOf(v) !== i);
  if (twice) throw new Error(`Two migrations in ${dir} share version ${twice}: renumber one of them`);
  return Promise.all(
    files.map(async (file) => {
      const match = FILE_NAME.exec(file);
      if (!match?.[1] || !match[2]) throw new Error(`Migration file ${file} must be named NNNN_snake_case.sql`);
      const sql = await readFile(join(dir, file), 'utf8');
      return { version: match[1], name: match[2], sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies pending migrations in one transaction under an advisory lock, so two instances starting together
 * never both migrate, and a failing migration leaves the schema as it was. An applied migration whose file
 * has since changed stops start-up: the database would no longer match the code.
 */
export async function migrate(db: Db, dir: string): Promise<string[]> {
  const migrations = await readMigrations(dir);
  return db.transaction(async (tx) => {
    // A migration may rebuild a large table: the statement timeout that protects requests does not apply here.
    await tx.query('SET LOCAL statement_timeout = 0');
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.schema_migrations'))`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: string; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const applied = new Map(rows.map((r) => [r.version, r.checksum]));
    const appliedNow: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.version);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new Error(
            `Migration ${m.version}_${m.name} was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      await tx.execScript(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      appliedNow.push(`${m.version}_${m.name}`);
    }
    return appliedNow;
  });
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { deleteRedisKeys, testEnv, uniqueSchemaName } from '@tripwise/platform/testing';
import { SERVICES, type ProcessName } from '../../scripts/stack/processes.ts';
import { startStack, type RunningStack } from '../../scripts/stack/stack.ts';

export interface GivenStack extends RunningStack {
  /** Its data folder (the embedded databases, the mail outbox, the logs). */
  dataDir: string;
  /** Every line each process printed, as `name: line`. */
  lines: string[];
  /** Stops the stack and removes its data: the folder, its schemas, its Redis keys. */
  remove(): Promise<void>;
}

export interface GivenStackOptions {
  /** Replaces the test run's Redis for the processes (e.g. a fault proxy in front of it). */
  redisUrl?: string;
  /** Variables for every process, over the ones set here (log level, lifted rate limits, a collector). */
  env?: Record<string, string>;
  /** A folder of the data folder where each process's log is written to a file too (`logs` → dataDir/logs). */
  logDir?: string;
}

/**
 * The whole product as separate processes, exactly as `npm start` runs it, on free ports and storage of its own:
 * PGlite in a temporary folder, or (with DATABASE_URL) fresh schemas in PostgreSQL, and Redis under its own prefix.
 * Four weeks of flights, none written in the background while tests run. A stack that fails to start leaves
 * nothing behind and says what its processes printed last.
 */
export async function givenAStack(name: string, options: GivenStackOptions = {}): Promise<GivenStack> {
  const dataDir = await mkdtemp(join(tmpdir(), `tripwise-${name}-`));
  const schemas = Object.fromEntries([...SERVICES, 'api-gateway'].map((p) => [p, uniqueSchemaName(name)])) as Record<
    ProcessName,
    string
  >;
  const redisPrefix = `${uniqueSchemaName(name)}:`;
  const redisUrl = options.redisUrl ?? testEnv.REDIS_URL;
  const lines: string[] = [];
  const removeData = async () => {
    await rm(dataDir, { recursive: true, force: true });
    if (testEnv.REDIS_URL) await deleteRedisKeys(testEnv.REDIS_URL, redisPrefix);
    if (testEnv.DATABASE_URL) {
      const client = new pg.Client({ connectionString: testEnv.DATABASE_URL });
      await client.connect();
      for (const schema of Object.values(schemas)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  };
  const stack = await startStack({
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      REDIS_PREFIX: redisPrefix,
      FLIGHT_DAYS_BEFORE_SERVING: '28',
      INVENTORY_ROLL_MS: '0',
      ...(testEnv.DATABASE_URL ? { DATABASE_URL: testEnv.DATABASE_URL } : {}),
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      ...options.env,
    },
    envFor: (process) => ({ DATABASE_SCHEMA: schemas[process] }),
    ports: { 'api-gateway': 0, auth: 0, search: 0, booking: 0, 'ai-agent': 0 },
    ...(options.logDir ? { logDir: join(dataDir, options.logDir) } : {}),
    onLine: (process, line) => lines.push(`${process}: ${line}`),
  }).catch(async (err: unknown) => {
    await removeData();
    throw new Error(`the stack did not start: ${String(err)}\n${lines.slice(-40).join('\n')}`);
  });
  return {
    ...stack,
    dataDir,
    lines,
    async remove() {
      await stack.stop();
      await removeData();
    },
  };
}

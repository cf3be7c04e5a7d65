import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createLogger } from '../logger/index.ts';
import { createMemoryKvStore, openRedisKvStore, type KvStore } from '../kv/index.ts';
import { testEnv } from './config.ts';

export type TestKvBackend = 'memory' | 'redis';

export function availableKvBackends(): TestKvBackend[] {
  return testEnv.REDIS_URL ? ['memory', 'redis'] : ['memory'];
}

/** Deletes every Redis key under a prefix (tests and benchmarks share the machine's Redis). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A store under a key prefix of the test's own (parallel files never meet), emptied again on close. */
export async function openTestKv(backend: TestKvBackend = testEnv.REDIS_URL ? 'redis' : 'memory'): Promise<KvStore> {
  const prefix = `test:${randomBytes(6).toString('hex')}:`;
  if (backend === 'memory') return createMemoryKvStore({ prefix });
  const url = testEnv.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is needed for the redis backend');
  const store = await openRedisKvStore({ url, prefix, logger: createLogger({ service: 'test', level: 'error' }) });
  return {
    ...store,
    async close() {
      await store.close();
      await deleteRedisKeys(url, prefix);
    },
  };
}

import type { StorageEnv } from '../config/index.ts';
import type { Logger } from '../logger/index.ts';
import { instrumentKvStore } from './instrumented-kv-store.ts';
import type { KvStore } from './kv-store.ts';
import { createMemoryKvStore } from './memory.kv-store.ts';
import { openRedisKvStore } from './redis.kv-store.ts';

/** Redis when REDIS_URL is set, otherwise the in-process store. */
export async function openKvStore(
  config: Pick<StorageEnv, 'REDIS_URL' | 'REDIS_PREFIX'> & Partial<Pick<StorageEnv, 'REDIS_COMMAND_TIMEOUT_MS'>>,
  logger: Logger,
): Promise<KvStore> {
  const store = config.REDIS_URL
    ? await openRedisKvStore({
        url: config.REDIS_URL,
        prefix: config.REDIS_PREFIX,
        logger,
        ...(config.REDIS_COMMAND_TIMEOUT_MS ? { commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS } : {}),
      })
    : createMemoryKvStore({ prefix: config.REDIS_PREFIX });
  logger.info('key-value store ready', { backend: store.kind });
  return instrumentKvStore(store);
}

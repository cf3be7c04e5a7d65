export type { KvScript, KvStore, MessageHandler, SetOptions, SyncKv } from './kv-store.ts';
export { createMemoryKvStore } from './memory.kv-store.ts';
export { openKvStore } from './open-kv-store.ts';
export { openRedisKvStore, type RedisKvOptions } from './redis.kv-store.ts';
export { attemptLimiter, tooManyAttempts, type AttemptLimit, type AttemptLimiter } from './attempt-limiter.ts';

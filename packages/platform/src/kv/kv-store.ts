export interface SetOptions {
  /** Expire the key after this many milliseconds. */
  ttlMs?: number;
  /** Only set the key if it does not exist yet (SET NX). */
  onlyIfAbsent?: boolean;
}

export type MessageHandler = (message: string) => void;

/** What a script sees of the in-process store: synchronous, so the whole script runs without interleaving. */
export interface SyncKv {
  get(key: string): string | null;
  /** Without ttlMs the key never expires. */
  set(key: string, value: string, ttlMs?: number): void;
  del(key: string): boolean;
  /** Remaining lifetime in ms: -2 when the key does not exist, -1 when it never expires (PTTL). */
  pttl(key: string): number;
  pexpire(key: string, ttlMs: number): boolean;
  sadd(key: string, member: string): boolean;
  srem(key: string, member: string): boolean;
  smembers(key: string): string[];
}

/**
 * An atomic read-modify-write, written twice: in Lua for Redis, and in TypeScript over `SyncKv` for the
 * in-process store. Both receive the same (already prefixed) KEYS and ARGV and must return the same value;
 * the shared contract tests of each script keep the two in step.
 */
export interface KvScript {
  /** Unique per script: Redis caches the Lua under it (EVALSHA). */
  name: string;
  lua: string;
  local: (kv: SyncKv, keys: string[], args: string[]) => string | number | null;
}

/**
 * Key-value, expiring keys, counters and pub/sub: what the services need from Redis, behind one interface with
 * an in-process twin for the embedded mode. Keys and channels are namespaced by the store's prefix.
 */
export interface KvStore {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  /** Returns false when `onlyIfAbsent` is set and the key already existed. */
  set(key: string, value: string, options?: SetOptions): Promise<boolean>;
  /** Returns how many of the keys existed. */
  del(...keys: string[]): Promise<number>;
  /** Adds `by` (default 1) and returns the new value; `ttlMs` is applied only when this call created the key. */
  incr(key: string, by?: number, ttlMs?: number): Promise<number>;
  /** Returns false when the key does not exist. */
  expire(key: string, ttlMs: number): Promise<boolean>;
  /** Remaining lifetime in ms; null when the key does not exist, -1 when it never expires. */
  ttl(key: string): Promise<number | null>;
  /** Set operations (SADD, SREM, SMEMBERS); a set key never expires unless told to. */
  sadd(key: string, ...members: string[]): Promise<number>;
  srem(key: string, ...members: string[]): Promise<number>;
  smembers(key: string): Promise<string[]>;
  /** Runs a script atomically with the given keys (unprefixed) and arguments. */
  eval(script: KvScript, keys: string[], args: (string | number)[]): Promise<string | number | null>;
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once the subscription is live; the returned function unsubscribes this handler. */
  subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

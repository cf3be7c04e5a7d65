import { EventEmitter } from 'node:events';
import type { KvScript, KvStore, MessageHandler, SetOptions, SyncKv } from './kv-store.ts';

interface Entry {
  value: string | Set<string>;
  expiresAt: number | null;
}

const SWEEP_INTERVAL_MS = 30_000;
const WRONG_TYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';

/**
 * The in-process twin of the Redis store for the embedded mode: same semantics (lazy expiry, integer counters,
 * sets, atomic scripts, asynchronous pub/sub delivery), scoped to one process.
 */
export function createMemoryKvStore(options: { prefix?: string; now?: () => number } = {}): KvStore {
  const prefix = options.prefix ?? '';
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  let closed = false;

  // Every operation below works on full (prefixed) keys, so scripts and commands share one code path.
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const stringAt = (key: string): string | null => {
    const entry = live(key);
    if (!entry) return null;
    if (typeof entry.value !== 'string') throw new Error(WRONG_TYPE);
    return entry.value;
  };
  const setAt = (key: string, create: boolean): Set<string> | undefined => {
    const entry = live(key);
    if (entry && typeof entry.value === 'string') throw new Error(WRONG_TYPE);
    if (entry) return entry.value as Set<string>;
    if (!create) return undefined;
    const members = new Set<string>();
    entries.set(key, { value: members, expiresAt: null });
    return members;
  };
  const sync: SyncKv = {
    get: stringAt,
    set: (key, value, ttlMs) => void entries.set(key, { value, expiresAt: ttlMs === undefined ? null : now() + ttlMs }),
    del: (key) => (live(key) ? entries.delete(key) : false),
    pttl: (key) => {
      const entry = live(key);
      if (!entry) return -2;
      return entry.expiresAt === null ? -1 : entry.expiresAt - now();
    },
    pexpire: (key, ttlMs) => {
      const entry = live(key);
      if (!entry) return false;
      entry.expiresAt = now() + ttlMs;
      return true;
    },
    sadd: (key, member) => {
      const members = setAt(key, true)!;
      const added = !members.has(member);
      members.add(member);
      return added;
    },
    srem: (key, member) => {
      const members = setAt(key, false);
      if (!members?.delete(member)) return false;
      if (members.size === 0) entries.delete(key); // Redis drops empty sets
      return true;
    },
    smembers: (key) => [...(setAt(key, false) ?? [])],
  };
  const open = () => {
    if (closed) throw new Error('The key-value store is closed');
  };

  // Expired keys nobody reads again would otherwise stay in memory for ever.
  const sweeper = setInterval(() => {
    const t = now();
    for (const [key, entry] of entries) if (entry.expiresAt !== null && entry.expiresAt <= t) entries.delete(key);
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();

  return {
    kind: 'memory',
    async get(key) {
      open();
      return stringAt(prefix + key);
    },
    async set(key, value, opts: SetOptions = {}) {
      open();
      if (opts.onlyIfAbsent && live(prefix + key)) return false;
      sync.set(prefix + key, value, opts.ttlMs);
      return true;
    },
    async del(...keys) {
      open();
      return keys.filter((key) => sync.del(prefix + key)).length;
    },
    async incr(key, by = 1, ttlMs) {
      open();
      const full = prefix + key;
      const current = stringAt(full);
      if (current !== null && !/^-?\d+$/.test(current)) throw new Error('ERR value is not an integer or out of range');
      const value = (current === null ? 0 : Number(current)) + by;
      const ttl = sync.pttl(full);
      sync.set(full, String(value), current === null ? ttlMs : ttl >= 0 ? ttl : undefined);
      return value;
    },
    async expire(key, ttlMs) {
      open();
      return sync.pexpire(prefix + key, ttlMs);
    },
    async ttl(key) {
      open();
      const ms = sync.pttl(prefix + key);
      return ms === -2 ? null : ms;
    },
    async sadd(key, ...members) {
      open();
      return members.filter((m) => sync.sadd(prefix + key, m)).length;
    },
    async srem(key, ...members) {
      open();
      return members.filter((m) => sync.srem(prefix + key, m)).length;
    },
    async smembers(key) {
      open();
      return sync.smembers(prefix + key);
    },
    async eval(script: KvScript, keys, args) {
      open();
      return script.local(
        sync,
        keys.map((k) => prefix + k),
        args.map(String),
      );
    },
    async publish(channel, message) {
      open();
      // Redis delivers after PUBLISH returns; so does this, so callers cannot come to rely on re-entrancy.
      setImmediate(() => bus.emit(prefix + channel, message));
    },
    async subscribe(channel, handler: MessageHandler) {
      open();
      bus.on(prefix + channel, handler);
      return async () => {
        bus.off(prefix + channel, handler);
      };
    },
    async ping() {
      open();
    },
    async close() {
      closed = true;
      clearInterval(sweeper);
      bus.removeAllListeners();
      entries.clear();
    },
  };
}

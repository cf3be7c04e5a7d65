import { Redis } from 'ioredis';
import type { Logger } from '../logger/index.ts';
import type { KvScript, KvStore, MessageHandler, SetOptions } from './kv-store.ts';

// INCRBY and PEXPIRE in one step, so a counter can never be left without its expiry.
const INCR_WITH_TTL = `
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if ARGV[2] ~= '' and value == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return value`;

type RedisWithCommands = Redis & {
  incrWithTtl(key: string, by: number, ttlMs: string): Promise<number>;
};

export interface RedisKvOptions {
  url: string;
  prefix: string;
  logger: Logger;
  /** A command that has no answer within this fails (a cut network must not hang callers); 500 ms by default. */
  commandTimeoutMs?: number;
}

/** The Redis store (ioredis). Pub/sub uses a second connection, opened on the first subscribe. */
export async function openRedisKvStore(options: RedisKvOptions): Promise<KvStore> {
  const { prefix, logger } = options;
  const connect = (role: string) => {
    const client = new Redis(options.url, {
      connectionName: `tripwise:${role}`,
      lazyConnect: true,
      maxRetriesPerRequest: 2,
      // Fail fast while disconnected instead of queueing commands for ever, and while connected but cut off.
      enableOfflineQueue: role === 'subscriber',
      ...(role === 'commands' ? { commandTimeout: options.commandTimeoutMs ?? 500 } : {}),
    });
    client.on('error', (err) => logger.warn('redis connection error', { role, err }));
    return client;
  };
  const client = connect('commands') as RedisWithCommands;
  client.defineCommand('incrWithTtl', { numberOfKeys: 1, lua: INCR_WITH_TTL });
  await client.connect();

  // defineCommand sends EVALSHA and falls back to EVAL once, so each script body crosses the wire once.
  const defined = new Set<string>();
  const runScript = (script: KvScript, keys: string[], args: (string | number)[]) => {
    const command = `tw_${script.name}`;
    if (!defined.has(command)) {
      client.defineCommand(command, { lua: script.lua });
      defined.add(command);
    }
    const run = (client as unknown as Record<string, (...a: (string | number)[]) => Promise<string | number | null>>)[
      command
    ];
    return run!.call(client, keys.length, ...keys.map((k) => prefix + k), ...args);
  };

  let subscriber: Redis | undefined;
  const handlers = new Map<string, Set<MessageHandler>>();
  const getSubscriber = async () => {
    if (subscriber) return subscriber;
    subscriber = connect('subscriber');
    subscriber.on('message', (channel: string, message: string) => {
      for (const handler of handlers.get(channel) ?? []) handler(message);
    });
    await subscriber.connect();
    return subscriber;
  };

  return {
    kind: 'redis',
    get: (key) => client.get(prefix + key),
    async set(key, value, opts: SetOptions = {}) {
      const k = prefix + key;
      let reply: string | null;
      if (opts.ttlMs !== undefined && opts.onlyIfAbsent) reply = await client.set(k, value, 'PX', opts.ttlMs, 'NX');
      else if (opts.ttlMs !== undefined) reply = await client.set(k, value, 'PX', opts.ttlMs);
      else if (opts.onlyIfAbsent) reply = await client.set(k, value, 'NX');
      else reply = await client.set(k, value);
      return reply === 'OK';
    },
    del: (...keys) => (keys.length === 0 ? Promise.resolve(0) : client.del(...keys.map((k) => prefix + k))),
    incr: (key, by = 1, ttlMs) => client.incrWithTtl(prefix + key, by, ttlMs === undefined ? '' : String(ttlMs)),
    async expire(key, ttlMs) {
      return (await client.pexpire(prefix + key, ttlMs)) === 1;
    },
    async ttl(key) {
      const ms = await client.pttl(prefix + key);
      return ms === -2 ? null : ms;
    },
    sadd: (key, ...members) => (members.length === 0 ? Promise.resolve(0) : client.sadd(prefix + key, ...members)),
    srem: (key, ...members) => (members.length === 0 ? Promise.resolve(0) : client.srem(prefix + key, ...members)),
    smembers: (key) => client.smembers(prefix + key),
    eval: runScript,
    async publish(channel, message) {
      await client.publish(prefix + channel, message);
    },
    async subscribe(channel, handler) {
      const full = prefix + channel;
      const sub = await getSubscriber();
      let set = handlers.get(full);
      if (!set) {
        set = new Set();
        handlers.set(full, set);
        await sub.subscribe(full);
      }
      set.add(handler);
      return async () => {
        const current = handlers.get(full);
        if (!current?.delete(handler) || current.size > 0) return;
        handlers.delete(full);
        await sub.unsubscribe(full);
      };
    },
    async ping() {
      await client.ping();
    },
    async close() {
      await Promise.all([client.quit(), subscriber?.quit()]);
    },
  };
}

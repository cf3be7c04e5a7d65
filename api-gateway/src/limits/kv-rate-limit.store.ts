import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import { serviceUnavailable } from '@tripwise/platform/errors';
import type { KvScript, KvStore } from '@tripwise/platform/kv';

// Count a hit and read the window's end in one round trip; the first hit of a window sets its expiry.
const hitScript: KvScript = {
  name: 'gateway_rate_limit_hit',
  lua: `
    local hits = redis.call('INCR', KEYS[1])
    if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
    local ttl = redis.call('PTTL', KEYS[1])
    if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
    return hits .. ':' .. ttl`,
  local: (kv, [key], [windowText]) => {
    const windowMs = Number(windowText);
    const hits = Number(kv.get(key!) ?? '0') + 1;
    const ttl = kv.pttl(key!);
    kv.set(key!, String(hits), ttl > 0 ? ttl : windowMs);
    return `${hits}:${ttl > 0 ? ttl : windowMs}`;
  },
};

/**
 * express-rate-limit's Store over the platform's key-value store: Redis when configured (so every gateway
 * instance shares one count), the in-process store otherwise. A store that cannot answer throws a 503; whether
 * the limiter then lets the request through is its `passOnStoreError`.
 */
export class KvRateLimitStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private readonly kv: KvStore;
  private windowMs = 60_000;

  constructor(kv: KvStore, name: string) {
    this.kv = kv;
    this.prefix = `rl:${name}:`;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    try {
      const answer = String(await this.kv.eval(hitScript, [this.prefix + key], [this.windowMs]));
      const [hits, ttl] = answer.split(':').map(Number);
      return { totalHits: hits!, resetTime: new Date(Date.now() + ttl!) };
    } catch (err) {
      throw Object.assign(serviceUnavailable('Request limits cannot be checked right now.', 5), { cause: err });
    }
  }

  async decrement(key: string): Promise<void> {
    await this.kv.incr(this.prefix + key, -1).catch(() => undefined);
  }

  async resetKey(key: string): Promise<void> {
    await this.kv.del(this.prefix + key);
  }
}

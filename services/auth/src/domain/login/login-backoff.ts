import type { KvStore } from '@tripwise/platform/kv';
import { tooManyAttempts } from '@tripwise/platform/kv';
import { countLoginBackoff } from '../../auth.metrics.ts';

/** Failures forgiven before delays start, for one (account, address) pair and for one account from anywhere. */
const FREE_PAIR_FAILURES = 5;
const FREE_ACCOUNT_FAILURES = 20;
const MEMORY_MS = 15 * 60_000;
/** The longest wait one address earns for itself, and the longest that others' failures can impose on an account. */
const MAX_PAIR_LOCK_MS = 15 * 60_000;
const MAX_ACCOUNT_LOCK_MS = 60_000;
/** An address a user signed in from is known for this long: failures elsewhere never delay it. */
const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60_000;

const pairKey = (email: string, ip: string) => `auth:login-failures:${email}:${ip}`;
const pairLockKey = (email: string, ip: string) => `auth:login-lock:${email}:${ip}`;
const accountKey = (email: string) => `auth:login-failures:${email}`;
const accountLockKey = (email: string) => `auth:login-lock:${email}`;
const knownKey = (email: string, ip: string) => `auth:login-known:${email}:${ip}`;

const delayAfter = (failures: number, free: number, maxMs: number) =>
  failures < free ? 0 : Math.min(maxMs, 1000 * 2 ** (failures - free));

const tooMany = (ms: number) =>
  tooManyAttempts(ms, 'Too many failed sign-ins. Wait a moment, or reset your password (that is never blocked).');

/**
 * OWASP's advice on lock-outs, keyed by the normalised email whether or not an account has it (so it reveals
 * nothing), and nothing ever permanent:
 * - per (account, address): after 5 failures each further one makes that address wait 1 s, 2 s, 4 s … up to 15 min;
 * - per account, from anywhere: after 20 failures, addresses the account never signed in from wait 1 s … up to 1 min,
 *   while an address it signed in from before is never delayed by others' failures;
 * - forgot-password has its own quotas and never looks at these.
 */
export function loginBackoff(kv: KvStore) {
  const waitOf = async (key: string) => {
    const remaining = await kv.ttl(key);
    return remaining !== null && remaining > 0 ? remaining : 0;
  };
  return {
    async assertNotLocked(email: string, ip: string): Promise<void> {
      const pairWait = await waitOf(pairLockKey(email, ip));
      if (pairWait > 0) {
        countLoginBackoff();
        throw tooMany(pairWait);
      }
      if ((await kv.get(knownKey(email, ip))) !== null) return;
      const accountWait = await waitOf(accountLockKey(email));
      if (accountWait > 0) {
        countLoginBackoff();
        throw tooMany(accountWait);
      }
    },
    /** Counts a failure for the pair and the account; returns the pair's count. */
    async recordFailure(email: string, ip: string): Promise<number> {
      const pair = await kv.incr(pairKey(email, ip), 1, MEMORY_MS);
      const account = await kv.incr(accountKey(email), 1, MEMORY_MS);
      const pairLock = delayAfter(pair, FREE_PAIR_FAILURES, MAX_PAIR_LOCK_MS);
      if (pairLock > 0) await kv.set(pairLockKey(email, ip), '1', { ttlMs: pairLock });
      const accountLock = delayAfter(account, FREE_ACCOUNT_FAILURES, MAX_ACCOUNT_LOCK_MS);
      if (accountLock > 0) await kv.set(accountLockKey(email), '1', { ttlMs: accountLock });
      return pair;
    },
    /** The right password from this address: its count starts again, and the address is known from now on. */
    async recordSuccess(email: string, ip: string): Promise<void> {
      await kv.del(pairKey(email, ip), pairLockKey(email, ip));
      await kv.set(knownKey(email, ip), '1', { ttlMs: KNOWN_ADDRESS_MS });
    },
  };
}

import type { KvStore } from '@tripwise/platform/kv';
import { tooManyAttempts } from '@tripwise/platform/kv';
import { countLoginBackoff } from '../../auth.metrics.ts';

const FREE_FAILURES = 5;
const MEMORY_MS = 15 * 60_000;
const MAX_LOCK_MS = 15 * 60_000;

const failuresKey = (email: string) => `auth:login-failures:${email}`;
const lockKey = (email: string) => `auth:login-lock:${email}`;

/**
 * Per-account back-off after failed sign-ins, keyed by the normalised email whether or not an account has it
 * (so it reveals nothing). After five failures each further one locks sign-in for 1 s, 2 s, 4 s … up to 15 min.
 * Nothing is permanent: an attacker cannot lock a traveler out for good, and forgot-password keeps working.
 */
export function loginBackoff(kv: KvStore) {
  return {
    async assertNotLocked(email: string): Promise<void> {
      const remaining = await kv.ttl(lockKey(email));
      if (remaining !== null && remaining > 0) {
        countLoginBackoff();
        throw tooManyAttempts(remaining, 'Too many failed sign-ins. Wait a moment, or reset your password.');
      }
    },
    async recordFailure(email: string): Promise<number> {
      const failures = await kv.incr(failuresKey(email), 1, MEMORY_MS);
      await kv.expire(failuresKey(email), MEMORY_MS);
      if (failures >= FREE_FAILURES) {
        const lockMs = Math.min(MAX_LOCK_MS, 1000 * 2 ** (failures - FREE_FAILURES));
        await kv.set(lockKey(email), '1', { ttlMs: lockMs });
      }
      return failures;
    },
    async recordSuccess(email: string): Promise<void> {
      await kv.del(failuresKey(email), lockKey(email));
    },
  };
}

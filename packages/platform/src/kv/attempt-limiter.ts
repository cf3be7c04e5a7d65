import { AppError } from '../errors/index.ts';
import type { KvStore } from './kv-store.ts';

export interface AttemptLimit {
  /** Names the limit in keys and in the error. */
  name: string;
  limit: number;
  windowMs: number;
}

/** The 429 every limit answers with: problem+json and Retry-After in seconds. */
export function tooManyAttempts(retryAfterMs: number, detail = 'Too many attempts. Try again later.'): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError('too-many-attempts', 429, 'Too many requests', {
    detail,
    headers: { 'Retry-After': String(seconds) },
  });
}

/**
 * A fixed-window counter in the key-value store, so the limit holds across every instance sharing Redis.
 * `consume` counts an attempt and throws 429 once the window's limit is passed.
 */
export function attemptLimiter(kv: KvStore, limit: AttemptLimit) {
  const key = (subject: string) => `limit:${limit.name}:${subject}`;
  return {
    async consume(subject: string): Promise<void> {
      const count = await kv.incr(key(subject), 1, limit.windowMs);
      if (count > limit.limit) {
        const ttl = await kv.ttl(key(subject));
        throw tooManyAttempts(ttl !== null && ttl > 0 ? ttl : limit.windowMs);
      }
    },
    async reset(subject: string): Promise<void> {
      await kv.del(key(subject));
    },
  };
}

export type AttemptLimiter = ReturnType<typeof attemptLimiter>;

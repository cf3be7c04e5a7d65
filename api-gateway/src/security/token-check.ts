import { createHash } from 'node:crypto';
import type { Identity, TokenVerifier } from '@tripwise/platform/auth';

/**
 * Caches verified tokens until they expire, so the signature is checked once per token rather than once per
 * request. Bounded: the oldest entries go first when it is full.
 */
export function cachingVerifier(verify: TokenVerifier, options: { maxEntries?: number; now?: () => number } = {}) {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Identity>();
  return async (token: string): Promise<Identity> => {
    const key = createHash('sha256').update(token).digest('base64url');
    const hit = cache.get(key);
    if (hit && hit.expiresAt * 1000 > now()) return hit;
    if (hit) cache.delete(key);
    const identity = await verify(token); // throws the 401 on anything wrong
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    cache.set(key, identity);
    return identity;
  };
}

import { describe, expect, test } from 'vitest';
import { createMetrics } from '@tripwise/platform/metrics';
import { openTestKv } from '@tripwise/platform/testing';
import { createHeldMetrics, createHeldScopes } from '../src/domain/cache/held-scopes.ts';
import { createSearchCache } from '../src/domain/cache/search-cache.ts';

describe('scopes held in memory', () => {
  test('When reading a scope fails, then the search fails, nothing is held, and the next search reads it again', async () => {
    const kv = await openTestKv();
    try {
      let reads = 0;
      const held = createHeldScopes({
        kind: 'cars',
        cache: createSearchCache(kv),
        metrics: createHeldMetrics(createMetrics('held_failure')),
        maxListings: 10,
        load: async (scope) => {
          reads++;
          if (reads === 1) throw new Error('database away');
          return { scope, reads };
        },
        size: () => 1,
      });
      await expect(held.get('DEN')).rejects.toThrow('database away');
      expect(await held.get('DEN')).toEqual({ scope: 'DEN', reads: 2 });
      expect(await held.get('DEN')).toEqual({ scope: 'DEN', reads: 2 });
    } finally {
      await kv.close();
    }
  });

  test('When two searches ask for a scope being read, then it is read once for both', async () => {
    const kv = await openTestKv();
    try {
      let reads = 0;
      const held = createHeldScopes({
        kind: 'hotels',
        cache: createSearchCache(kv),
        metrics: createHeldMetrics(createMetrics('held_single_flight')),
        maxListings: 10,
        load: async () => ++reads,
        size: () => 1,
      });
      expect(await Promise.all([held.get('SEA'), held.get('SEA')])).toEqual([1, 1]);
      expect(reads).toBe(1);
    } finally {
      await kv.close();
    }
  });
});

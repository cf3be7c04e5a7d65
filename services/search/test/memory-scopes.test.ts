import { describe, expect, test } from 'vitest';
import { createMetrics } from '@tripwise/platform/metrics';
import { openTestKv } from '@tripwise/platform/testing';
import { createMemoryMetrics, createMemoryScopes } from '../src/domain/cache/memory-scopes.ts';
import { createSearchCache } from '../src/domain/cache/search-cache.ts';

describe('scopes kept in memory', () => {
  test('When reading a scope fails, then the search fails, nothing is kept, and the next search reads it again', async () => {
    const kv = await openTestKv();
    try {
      let reads = 0;
      const inMemory = createMemoryScopes({
        kind: 'cars',
        cache: createSearchCache(kv),
        metrics: createMemoryMetrics(createMetrics('held_failure')),
        maxListings: 10,
        load: async (scope) => {
          reads++;
          if (reads === 1) throw new Error('database away');
          return { scope, reads };
        },
        size: () => 1,
      });
      await expect(inMemory.get('DEN')).rejects.toThrow('database away');
      expect(await inMemory.get('DEN')).toEqual({ scope: 'DEN', reads: 2 });
      expect(await inMemory.get('DEN')).toEqual({ scope: 'DEN', reads: 2 });
    } finally {
      await kv.close();
    }
  });

  test('When two searches ask for a scope being read, then it is read once for both', async () => {
    const kv = await openTestKv();
    try {
      let reads = 0;
      const inMemory = createMemoryScopes({
        kind: 'hotels',
        cache: createSearchCache(kv),
        metrics: createMemoryMetrics(createMetrics('held_single_flight')),
        maxListings: 10,
        load: async () => ++reads,
        size: () => 1,
      });
      expect(await Promise.all([inMemory.get('SEA'), inMemory.get('SEA')])).toEqual([1, 1]);
      expect(reads).toBe(1);
    } finally {
      await kv.close();
    }
  });
});

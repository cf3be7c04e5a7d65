import { fileURLToPath } from 'node:url';
import { unauthorized } from '@tripwise/platform/errors';
import { describeServiceBoot } from '@tripwise/platform/testing';
import { createApp } from '../src/app.ts';

describeServiceBoot({
  name: 'search',
  publicPrefix: '/api/search',
  tables: [
    'flights',
    'flight_cabins',
    'hotels',
    'room_types',
    'cars',
    'holds',
    'hold_items',
    'price_history',
    'listing_stats',
  ],
  migrationsDir: fileURLToPath(new URL('../src/data/migrations', import.meta.url)),
  createApp: (deps) =>
    createApp({
      ...deps,
      config: { BODY_LIMIT: '100kb', TRUST_PROXY_HOPS: 1, PRICE_TICK_MS: 0, PRICE_SAMPLE: 50, STATS_FLUSH_MS: 1_000 },
      // Never called while booting.
      pastBooking: async () => ({ eligible: false, bookingId: null, travelerName: null }),
      access: {
        verify: async () => {
          throw unauthorized();
        },
        serviceToken: 'x'.repeat(32),
      },
    }),
});

import { fileURLToPath } from 'node:url';
import { unauthorized } from '@tripwise/platform/errors';
import { describeServiceBoot } from '@tripwise/platform/testing';
import { createApp } from '../src/app.ts';
import { searchClient } from '../src/clients/search.client.ts';
import { cardProcessorClient } from '../src/payments/card-processor.client.ts';

describeServiceBoot({
  name: 'booking',
  publicPrefix: '/api/bookings',
  tables: ['bookings', 'booking_items', 'payments', 'billing_records', 'outbox', 'sim_payment_intents'],
  migrationsDir: fileURLToPath(new URL('../src/data/migrations', import.meta.url)),
  createApp: (deps) =>
    createApp({
      ...deps,
      config: {
        BODY_LIMIT: '100kb',
        TRUST_PROXY_HOPS: 1,
        HOLD_TTL_SECONDS: 600,
        BOOKING_LEASE_SECONDS: 60,
        OUTBOX_POLL_MS: 1_000,
        RECOVERY_INTERVAL_MS: 5_000,
      },
      access: {
        verify: async () => {
          throw unauthorized();
        },
        serviceToken: 'x'.repeat(32),
      },
      // Never called while booting: no booking is made here.
      search: searchClient({ url: 'http://127.0.0.1:9', serviceToken: 'x'.repeat(32) }),
      payments: cardProcessorClient({ url: 'http://127.0.0.1:9', secretKey: 'sk_test_unused' }),
    }),
});

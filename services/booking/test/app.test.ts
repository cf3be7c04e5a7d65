import { unauthorized } from '@tripwise/platform/errors';
import { describeServiceBoot } from '@tripwise/platform/testing';
import { createApp } from '../src/app.ts';
import { searchClient } from '../src/clients/search.client.ts';
import { cardProcessorClient } from '../src/payments/card-processor.client.ts';
import { BOOKING_TEST_CONFIG, migrationsDir } from './given-a-booking-stack.ts';

describeServiceBoot({
  name: 'booking',
  publicPrefix: '/api/bookings',
  tables: ['bookings', 'booking_items', 'payments', 'billing_records', 'outbox', 'sim_payment_intents'],
  migrationsDir,
  createApp: (deps) =>
    createApp({
      ...deps,
      config: BOOKING_TEST_CONFIG,
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

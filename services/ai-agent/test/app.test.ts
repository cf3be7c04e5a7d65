import { fileURLToPath } from 'node:url';
import { unauthorized } from '@tripwise/platform/errors';
import { describeServiceBoot } from '@tripwise/platform/testing';
import { createApp } from '../src/app.ts';
import { bookingApi } from '../src/clients/booking.client.ts';
import { searchApi } from '../src/clients/search.client.ts';

describeServiceBoot({
  name: 'ai-agent',
  publicPrefix: '/api/ai',
  tables: ['agent_sessions', 'agent_messages', 'agent_plans', 'agent_bundles'],
  migrationsDir: fileURLToPath(new URL('../src/data/migrations', import.meta.url)),
  createApp: (deps) =>
    createApp({
      ...deps,
      config: {
        BODY_LIMIT: '100kb',
        TRUST_PROXY_HOPS: 1,
        CORS_ORIGINS: ['http://localhost:8080'],
        SOCKET_REVOCATION_CHECK_MS: 15_000,
      },
      access: {
        verify: async () => {
          throw unauthorized();
        },
      },
      // Never called while booting.
      search: searchApi({ url: 'http://127.0.0.1:9' }),
      booking: bookingApi({ url: 'http://127.0.0.1:9' }),
      priceEvents: { after: async () => [], latestId: async () => 0 },
    }),
});

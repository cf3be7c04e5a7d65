import { defineConfig } from 'vitest/config';

// One run covers every workspace. With DATABASE_URL / REDIS_URL set, the same tests run against PostgreSQL
// and Redis; without, against PGlite and the in-process store.
export default defineConfig({
  test: {
    // Limits against hangs, not speed targets: PGlite takes seconds to start on a busy machine, a whole stack minutes.
    testTimeout: 30_000,
    hookTimeout: 300_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'services',
          include: [
            'packages/*/test/**/*.test.ts',
            'api-gateway/test/**/*.test.ts',
            'services/*/test/**/*.test.ts',
            'frontend/*/test/**/*.test.ts',
            'e2e/test/**/*.test.ts',
            'eslint-rules/**/*.test.ts',
            'monitoring/test/**/*.test.ts',
          ],
        },
      },
      {
        // The web client in a real Chromium against one whole stack started once for all of them.
        extends: true,
        test: {
          name: 'browser',
          include: ['e2e/browser/**/*.browser.test.ts'],
          globalSetup: ['e2e/browser/start-stack.ts'],
          testTimeout: 120_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:deploy`: the images, the compose files, the Kubernetes manifests, the workflows and the backups.
// One file at a time: the compose smoke test alone keeps both cores busy.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['deploy/test/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 30 * 60_000,
  },
});

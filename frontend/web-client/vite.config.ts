import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { performanceBudget } from './build/performance-budget.ts';
import { precompress } from './build/precompress.ts';

// In development the Vite server forwards API calls to the gateway; in the embedded mode the gateway serves the build.
export default defineConfig({
  plugins: [react(), performanceBudget(200 * 1024), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080', '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true } },
  },
  // Brotli at its best level takes a few seconds of the build on purpose (once, not per request): no timing warning.
  // Maps for error reporting: uploaded to Sentry by the deploy workflow, not referenced by the bundles ('hidden').
  build: { sourcemap: 'hidden', rolldownOptions: { checks: { bundlerTimings: false } } },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { performanceBudget } from '../web-client/build/performance-budget.ts';
import { precompress } from '../web-client/build/precompress.ts';

// Served under /admin/ by the gateway (embedded) or nginx (full stack). In development the Vite server forwards
// API calls to the gateway.
export default defineConfig({
  base: '/admin/',
  plugins: [react(), performanceBudget(150 * 1024), precompress()],
  server: { port: 5174, proxy: { '/api': 'http://127.0.0.1:8080' } },
  // Brotli at its best level takes a few seconds of the build on purpose (once, not per request): no timing warning.
  // Maps for error reporting: uploaded to Sentry by the deploy workflow, not referenced by the bundles ('hidden').
  build: { sourcemap: 'hidden', rolldownOptions: { checks: { bundlerTimings: false } } },
});

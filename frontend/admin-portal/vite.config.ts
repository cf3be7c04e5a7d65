import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { performanceBudget } from '../web-client/build/performance-budget.ts';

// Served under /admin/ by the gateway (embedded) or nginx (full stack). In development the Vite server forwards
// API calls to the gateway.
export default defineConfig({
  base: '/admin/',
  plugins: [react(), performanceBudget(150 * 1024)],
  server: { port: 5174, proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { sourcemap: true },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served under /admin/ by the gateway (embedded) or nginx (full stack).
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: { port: 5174, proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { sourcemap: true },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Built into web/dist, which `breachdesk serve` serves with an SPA fallback (src/main/web.ts).
// The CSP there allows only same-origin scripts, so no inline runtime chunk is emitted.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development: API calls go to a running serve.
    proxy: { '/api': process.env.BREACHDESK_URL ?? 'http://localhost:8080' },
  },
});

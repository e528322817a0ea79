import { defineConfig } from 'vitest/config';

// Browser end-to-end tests (test/e2e/web): Debian's Chromium driven by playwright-core against a
// real server. One file at a time: each launches a browser, and CI machines have 2 cores.
export default defineConfig({
  test: {
    include: ['test/e2e/web/**/*.test.ts'],
    globalSetup: ['test/e2e/web/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

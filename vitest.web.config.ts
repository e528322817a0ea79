import { defineConfig } from 'vitest/config';

// Browser end-to-end tests (test/e2e/web): Debian's Chromium driven by playwright-core against a
// real server. One Chromium for the run (global-setup.ts launches it; each file connects and each
// test opens its own context), and two files at a time: a file spends most of its time waiting on
// the browser or its server, so one at a time left a core idle on a 2-core machine. isolate: false:
// a worker imports the server's module graph once for all its files instead of once a file (most
// of each file's ≈ 10 s start on a quiet machine); each file still makes its own server, database,
// users and contexts, and no browser file mocks modules (docs/testing.md).
export default defineConfig({
  test: {
    include: ['test/e2e/web/**/*.test.ts'],
    globalSetup: ['test/e2e/web/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
  },
});

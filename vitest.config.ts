import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/web/**', 'node_modules/**', 'dist/**'],
    testTimeout: 60_000,
    // Creating and dropping PostgreSQL databases and stopping servers can be slow on a loaded
    // 2-core machine; hooks assert nothing, so a generous limit costs nothing when all is well.
    hookTimeout: 180_000,
    pool: 'forks',
  },
});

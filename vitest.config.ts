import { availableParallelism } from 'node:os';
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
    // Two files at a time at least. Vitest's default is one fewer than the cores, i.e. one file at a
    // time on a 2-core machine, and most files spend much of their time waiting on another process
    // (PostgreSQL, a spawned serve or CLI, SMTP, Redis, slapd, sshd), which left a core idle.
    // Files share nothing: each makes its own databases, data directories, ports and peers.
    // VITEST_MAX_WORKERS overrides (docs/testing.md).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

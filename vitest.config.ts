import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The obligation engine's tests (rules per jurisdiction, engine, deadlines, severity, its CLI
 * command parsing) load the same rule set in every file; tracking (a store) is not among them. Run
 * without per-file isolation, a process loads the rules once for all the files it runs instead of
 * once per file: these 37 files took 33 s isolated and 16.5 s not at load 6 (140 s and 53 s at load
 * 12; 2026-12-08). Every other file keeps its own process: stores, servers, environment
 * variables, and V8 shape checks (scanner/engine/row-kinds.test.ts failed when it ran after other
 * files in one process).
 */
const SHARED_PROCESS = ['src/obligations/*.test.ts', 'src/obligations/!(tracking)/**/*.test.ts'];
const ALWAYS_EXCLUDED = ['test/e2e/web/**', 'node_modules/**', 'dist/**'];

export default defineConfig({
  test: {
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
    projects: [
      { extends: true, test: { name: 'engine', include: SHARED_PROCESS, exclude: ALWAYS_EXCLUDED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...ALWAYS_EXCLUDED, ...SHARED_PROCESS] } },
    ],
  },
});

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Pure cores (DESIGN.md §3: no I/O, nothing from `platform`) whose files all load the same big
 * modules: the obligation engine's (rules per jurisdiction, engine, deadlines, severity, its CLI's
 * parsing; not tracking, which has a store) and the scanner's detectors and classifiers. Run
 * without per-file isolation, a worker loads those modules once for all the files it runs instead
 * of once per file: the 37 obligation files took 33 s isolated and 16.5 s not at load 6 (140 s and
 * 53 s at load 12), the 32 detector and classifier files 50 s and 32 s at load 8 (2026-12-08). A
 * file here must do no I/O beyond temporary files and restore whatever it changes. Every other
 * file keeps its own process: stores, servers, environment variables, and V8 shape checks
 * (scanner/engine/row-kinds.test.ts failed when it ran after other files in one process).
 */
const SHARED_PROCESS = ['src/obligations/*.test.ts', 'src/obligations/!(tracking)/**/*.test.ts', 'src/assessment/scanner/{detectors,classify}/**/*.test.ts'];
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
      { extends: true, test: { name: 'shared', include: SHARED_PROCESS, exclude: ALWAYS_EXCLUDED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...ALWAYS_EXCLUDED, ...SHARED_PROCESS] } },
    ],
  },
});

#!/usr/bin/env node
// The whole suite, as the README's test command runs it: services, type check, lint, build,
// Vitest (unit, contract suites on SQLite and PostgreSQL, API and CLI end-to-end), then the
// browser tests. Ends with one plain line "N passed, N failed" for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, cmd, args, opts = {}) {
  process.stderr.write(`\n== ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return r.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that failed to load has no tests counted: count it as a failure.
  for (const f of report.testResults ?? []) if (f.status === 'failed' && (f.assertionResults ?? []).length === 0) failed++;
  return true;
}

mkdirSync(`${root}test-results`, { recursive: true });
let ok = true;
if (!process.env.BREACHDESK_SKIP_SERVICES) ok = step('services', 'bash', ['scripts/ensure-test-services.sh']) && ok;
const typecheck = step('type check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
const lint = step('lint (biome)', 'npx', ['biome', 'lint', '.']);
const build = step('build', 'npm', ['run', '--silent', 'build']);
for (const [name, good] of [['type check', typecheck], ['lint', lint], ['build', build]]) {
  if (good) passed++;
  else {
    failed++;
    process.stderr.write(`${name} failed\n`);
  }
}
if (build) {
  step('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
  if (!countVitest(`${root}test-results/vitest.json`)) failed++;
  if (existsSync(`${root}test/e2e/web`) && process.env.BREACHDESK_SKIP_WEB_TESTS !== '1') {
    step('web (Chromium)', 'npx', ['vitest', 'run', '--config', 'vitest.web.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/web.json']);
    if (!countVitest(`${root}test-results/web.json`)) failed++;
  }
}
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed === 0 && ok ? 0 : 1);

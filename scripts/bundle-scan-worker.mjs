#!/usr/bin/env node
/**
 * Bundles the scan's detection worker (dist/assessment/scanner/engine/scan.worker.js and every
 * module it imports) into one file, after `tsc`. Each detection thread loads its whole module
 * graph on its own; Node 20's ES module loader spent ≈ 0.2 CPU-s a thread resolving, stat-ing
 * and reading its ≈ 200 files (libphonenumber-js alone is 115), and one file loads in ≈ 0.08
 * (bench/README.md, issue 21, branch speedread). Node 20 has no module compile cache
 * (`module.enableCompileCache` is Node 22.1+).
 *
 * The bundle is CommonJS: the threads compile it with `vm.Script` and the V8 code cache this step
 * makes beside it (`scan.worker.bundle.cjs.cache`, engine/bundle-cache.ts), in a node process run
 * with the flags `breachdesk scan` runs under (bin/scan-flags.js), since V8 rejects a cache made
 * under other flags.
 *
 * The bundle is an optimisation only: pool.ts uses it while the manifest written beside it still
 * matches every compiled file it was made from (size and mtime), and the compiled worker file
 * otherwise (a later `tsc` alone, a build without this step, rolldown not installed).
 *
 * It also writes the name lists' word tables (engine/name-tables-file.ts), which each detection
 * thread otherwise builds on its first free text; they are keyed by the lists' SHA-256, so a
 * table file older than the lists is refused, not used.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SCAN_NODE_FLAGS } from '../bin/scan-flags.js';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, 'dist/assessment/scanner/engine');
const input = resolve(dir, 'scan.worker.js');
const file = resolve(dir, 'scan.worker.bundle.cjs');
// The bundle is optional: without it (or its manifest) the workers load the compiled modules.
rmSync(`${file}.json`, { force: true });
rmSync(`${file}.cache`, { force: true });
// The ES module bundle of earlier builds (before the code cache).
for (const old of ['scan.worker.bundle.js', 'scan.worker.bundle.js.json']) rmSync(resolve(dir, old), { force: true });
// The name lists' word tables, built once here instead of in each detection thread
// (engine/name-tables-file.ts); without the file the threads build them.
rmSync(resolve(dir, 'name-tables.bin'), { force: true });
try {
  const { writeNameTablesFile } = await import(pathToFileURL(resolve(dir, 'name-tables-file.js')).href);
  process.stdout.write(`bundle-scan-worker: name tables, ${writeNameTablesFile()} bytes\n`);
} catch (e) {
  process.stderr.write(`bundle-scan-worker: no name tables (${e instanceof Error ? e.message.split('\n')[0] : e}); the threads build them\n`);
}
let rolldown;
try {
  ({ rolldown } = await import('rolldown'));
} catch {
  process.stderr.write('bundle-scan-worker: rolldown not installed; the scan workers load the unbundled modules\n');
  process.exit(0);
}
let output;
try {
  const bundle = await rolldown({ input, platform: 'node', logLevel: 'warn', cwd: root });
  ({ output } = await bundle.write({ file, format: 'cjs', sourcemap: false }));
  await bundle.close();
} catch (e) {
  rmSync(file, { force: true });
  process.stderr.write(`bundle-scan-worker: not bundled (${e instanceof Error ? e.message.split('\n')[0] : e}); the scan workers load the unbundled modules\n`);
  process.exit(0);
}
const dist = resolve(root, 'dist');
const inputs = output[0].moduleIds
  .filter((id) => id.startsWith(`${dist}/`))
  .map((id) => {
    const st = statSync(id);
    return { file: relative(dir, id), size: st.size, mtimeMs: st.mtimeMs };
  });
writeFileSync(`${file}.json`, `${JSON.stringify({ inputs }, null, 1)}\n`);
process.stdout.write(`bundle-scan-worker: ${relative(root, file)} from ${inputs.length} compiled files\n`);
// The code cache, made in a process with the scan's flags; without it the threads compile the bundle.
const loader = pathToFileURL(resolve(dir, 'bundle-cache.js')).href;
const made = spawnSync(
  process.execPath,
  [...SCAN_NODE_FLAGS, '--input-type=module', '-e', `import { writeFileSync } from 'node:fs'; import { writeBundleCache } from ${JSON.stringify(loader)}; process.stdout.write(String(writeBundleCache(${JSON.stringify(file)}, writeFileSync)));`],
  { encoding: 'utf8' },
);
if (made.status === 0) process.stdout.write(`bundle-scan-worker: V8 code cache of ${made.stdout} bytes beside it\n`);
else process.stderr.write(`bundle-scan-worker: no code cache (${made.stderr.trim().split('\n').pop()}); the threads compile the bundle\n`);

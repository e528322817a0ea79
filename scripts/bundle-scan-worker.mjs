#!/usr/bin/env node
/**
 * Bundles the scan's detection worker (dist/assessment/scanner/engine/scan.worker.js and every
 * module it imports) into one file, after `tsc`. Each detection thread loads its whole module
 * graph on its own; Node 20's ES module loader spent ≈ 0.2 CPU-s a thread resolving, stat-ing
 * and reading its ≈ 200 files (libphonenumber-js alone is 115), and one file loads in ≈ 0.08
 * (bench/README.md, issue 21, branch speedread). Node 20 has no module compile cache
 * (`module.enableCompileCache` is Node 22.1+).
 *
 * The bundle is an optimisation only: pool.ts uses it while the manifest written beside it still
 * matches every compiled file it was made from (size and mtime), and the compiled worker file
 * otherwise (a later `tsc` alone, a build without this step, rolldown not installed).
 */
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, 'dist/assessment/scanner/engine');
const input = resolve(dir, 'scan.worker.js');
const file = resolve(dir, 'scan.worker.bundle.js');
// The bundle is optional: without it (or its manifest) the workers load the compiled modules.
rmSync(`${file}.json`, { force: true });
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
  ({ output } = await bundle.write({ file, format: 'esm', sourcemap: false }));
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

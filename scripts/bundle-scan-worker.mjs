#!/usr/bin/env node
/**
 * Bundles the scan's detection worker (dist/assessment/scanner/engine/scan.worker.js and every
 * module it imports) into one file, after `tsc`; and likewise the reading thread's modules of
 * `breachdesk scan` (dist/main/cli-run.js → dist/main/cli-run.bundle.cjs, used by main/cli.ts). Each detection thread loads its whole module
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
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SCAN_NODE_FLAGS } from '../bin/scan-flags.js';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');
const dir = resolve(dist, 'assessment/scanner/engine');
const workerFile = resolve(dir, 'scan.worker.bundle.cjs');
const mainFile = resolve(dist, 'main/cli-run.bundle.cjs');
// The bundles are optional: without one (or its manifest) its thread loads the compiled modules.
for (const f of [workerFile, mainFile]) for (const x of ['.json', '.cache']) rmSync(`${f}${x}`, { force: true });
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
  process.stderr.write('bundle-scan-worker: rolldown not installed; the scan loads the unbundled modules\n');
  process.exit(0);
}

/**
 * Each compiled module behaves in the bundle as on its own:
 * - `import.meta.url` is its own file's URL, computed from the bundle's place (`__dirname` in the
 *   CommonJS wrapper): a bundle in another folder than the module (the reading thread's, in
 *   dist/main) must still find the files beside the module (the worker bundle, package.json,
 *   better-sqlite3 through createRequire);
 * - `import()` of a module left outside (`outside`, or one of Node's) is `__import(path from the
 *   bundle)`, the bundle-cache.ts wrapper's parameter (V8 drops the dynamic-import callback of a
 *   script compiled from a code cache).
 */
const asCompiled = (file, outside) => ({
  name: 'as-compiled',
  transform(code, id) {
    if (!id.startsWith(`${dist}/`)) return null;
    const rel = (abs) => JSON.stringify(relative(dirname(file), abs));
    let out = code.replaceAll('import.meta.url', `require('node:url').pathToFileURL(require('node:path').join(__dirname, ${rel(id)})).href`);
    // Node's modules load when the module importing them is first evaluated, as without the bundle:
    // rolldown requires them all when the bundle starts (node:zlib alone ≈ 5 CPU-ms, for the archive
    // readers that most scans never evaluate).
    out = out.replace(/^import (?:(\w+)|\* as (\w+)|\{([^}]*)\}) from '(node:[\w/]+)';$/gm, (_, def, ns, names, spec) => {
      const binding = def ?? ns ?? `{${names.replace(/\s+as\s+/g, ': ')}}`;
      return `const ${binding} = require(${JSON.stringify(spec)});`;
    });
    out = out.replace(/\bimport\((['"])([^'"]+)\1\)/g, (call, _q, spec) => {
      if (spec.startsWith('node:')) return `__import(${JSON.stringify(spec)})`;
      const abs = spec.startsWith('.') ? resolve(dirname(id), spec) : null;
      return abs && outside.includes(abs) ? `__import(${rel(abs).replace(/^"(?!\.)/, '"./')})` : call;
    });
    return out === code ? null : out;
  },
});

/**
 * `input` and every module it imports (dynamic imports included, evaluated when first imported)
 * into the one CommonJS `file`, with the manifest of the compiled files it was made from. `outside`:
 * compiled files (absolute paths) and packages left out, loaded by Node when imported — a package
 * left out is required when the bundle starts, whoever imports it. Returns false when it could not.
 */
async function bundleInto(input, file, outside = []) {
  try {
    const external = (id, importer) => outside.includes(id.startsWith('.') && importer ? resolve(dirname(importer), id) : id);
    const bundle = await rolldown({ input, platform: 'node', logLevel: 'warn', cwd: root, external, plugins: [asCompiled(file, outside)] });
    const { output } = await bundle.write({ file, format: 'cjs', sourcemap: false, codeSplitting: false });
    await bundle.close();
    const inputs = output[0].moduleIds
      .filter((id) => id.startsWith(`${dist}/`))
      .map((id) => {
        const st = statSync(id);
        return { file: relative(dirname(file), id), size: st.size, mtimeMs: st.mtimeMs };
      });
    const bundleHash = createHash('sha256').update(readFileSync(file)).digest('hex');
    writeFileSync(`${file}.json`, `${JSON.stringify({ inputs, bundle: { sha256: bundleHash } }, null, 1)}\n`);
    process.stdout.write(`bundle-scan-worker: ${relative(root, file)} from ${inputs.length} compiled files\n`);
    return true;
  } catch (e) {
    rmSync(file, { force: true });
    rmSync(`${file}.json`, { force: true });
    process.stderr.write(`bundle-scan-worker: ${relative(root, file)} not bundled (${e instanceof Error ? e.message.split('\n')[0] : e}); its modules load unbundled\n`);
    return false;
  }
}

/** The code cache of `file`, made in a process with the scan's flags; without it the bundle is compiled at each start. */
function cacheOf(file) {
  const loader = pathToFileURL(resolve(dir, 'bundle-cache.js')).href;
  const made = spawnSync(
    process.execPath,
    [...SCAN_NODE_FLAGS, '--input-type=module', '-e', `import { writeFileSync } from 'node:fs'; import { writeBundleCache } from ${JSON.stringify(loader)}; process.stdout.write(String(writeBundleCache(${JSON.stringify(file)}, writeFileSync)));`],
    { encoding: 'utf8' },
  );
  if (made.status === 0) process.stdout.write(`bundle-scan-worker: V8 code cache of ${made.stdout} bytes beside ${relative(root, file)}\n`);
  else process.stderr.write(`bundle-scan-worker: no code cache for ${relative(root, file)} (${made.stderr.trim().split('\n').pop()}); it is compiled at each start\n`);
}

if (await bundleInto(resolve(dir, 'scan.worker.js'), workerFile)) cacheOf(workerFile);
// The reading thread's: `breachdesk scan` (main/cli.ts). Left outside: the other commands' modules
// (reached from program.ts only by `--incident`'s local API client), the in-thread detectors
// (`--workers 0`; the detection threads have their own bundle), and piscina, which starts its
// threads from a file beside its own.
const mainOutside = ['main/commands.js', 'confirm/flows/flows.cli.js', 'assessment/scanner/engine/default-detection.js'].map((f) => resolve(dist, f));
if (await bundleInto(resolve(dist, 'main/cli-run.js'), mainFile, [...mainOutside, 'piscina'])) cacheOf(mainFile);

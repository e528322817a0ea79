/**
 * The scan's one-file bundles (scripts/bundle-scan-worker.mjs: the detection worker's, and the
 * reading thread's, main/cli-run.ts) compiled with V8's code
 * cache. Every detection thread compiled the ≈ 2 MB bundle on its own: ≈ 28 ms of a thread's CPU,
 * against ≈ 5 ms with the cache (bench/README.md, issue 21, branch startup21). Node 20 has no module
 * compile cache (`module.enableCompileCache` is Node 22.1+), so the bundle is CommonJS text compiled
 * by `vm.Script` with `cachedData` (https://nodejs.org/docs/latest-v20.x/api/vm.html#scriptcreatecacheddata),
 * the cache made at build time beside it.
 *
 * V8 accepts a cache only for the same V8 version and flags (`--max-old-space-size` included: the
 * build makes it under the flags `bin/breachdesk.js` runs `scan` with), and checks the source only
 * by its length; nor does it check the cache's own bytes (Node 20's V8 verifies its checksum only
 * in debug builds): a cache with one byte changed was taken, and another stopped the process on a
 * V8 fatal error (measured, bench/README.md section fixed23). So the manifest beside the bundle
 * records the SHA-256 of the bundle and of the cache as the build made them, and a cache is offered
 * only when both files still have them; otherwise the bundle is compiled without it, which costs
 * only the compile. Hashing both costs ≈ 3 ms a thread.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

interface FileStamp {
  size: number;
  mtimeMs: number;
}

/**
 * The manifest beside the bundle (`BUNDLE.json`): the compiled files it was made from (a later
 * `tsc` makes it stale), the SHA-256 (hex) of the bundle as the build wrote it, and of its cache
 * once one was made.
 */
export interface BundleManifest {
  inputs: ({ file: string } & FileStamp)[];
  bundle?: { sha256: string };
  cache?: { sha256: string };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The CommonJS wrapper: the source V8 compiles, so build and threads must wrap alike. `__import`
 * stands for `import()` of a module left outside the bundle (scripts/bundle-scan-worker.mjs
 * rewrites those): V8 drops a script's dynamic-import callback when the script comes from a code
 * cache (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING, measured on Node 20.20), so the bundle imports
 * through this module's own `import()`.
 */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname, __import) {${source}\n})`;
}

/** `import()` for the bundle at `file`: a relative specifier is relative to the bundle. */
const importFor = (file: string) => (specifier: string) => import(specifier.startsWith('.') ? new URL(specifier, pathToFileURL(file)).href : specifier);

function stampOf(file: string): FileStamp {
  const st = statSync(file);
  return { size: st.size, mtimeMs: st.mtimeMs };
}

const same = (a: FileStamp | undefined, b: FileStamp) => a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * `url` when the bundle there and its manifest (`url`.json) match the files it was made from, else
 * null (then the caller loads those files themselves).
 */
export function freshBundle(url: URL): URL | null {
  try {
    const manifest = JSON.parse(readFileSync(fileURLToPath(`${url.href}.json`), 'utf8')) as BundleManifest;
    for (const i of manifest.inputs) if (!same(i, stampOf(fileURLToPath(new URL(i.file, url))))) return null;
    return manifest.inputs.length > 0 && existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    return null;
  }
}

/**
 * Compiles and runs the bundle at `file` (with its cache when the manifest vouches for it); `T`:
 * its exports. Null, without running it, when the bundle is not the one the build made (its
 * SHA-256 differs from the manifest's): the caller loads the compiled modules instead.
 */
export function loadBundle<T>(file: string): { entries: T; script: Script; cacheRejected: boolean | undefined } | null {
  const source = readFileSync(file);
  let cachedData: Buffer | undefined;
  let manifest: BundleManifest | null = null;
  try {
    manifest = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as BundleManifest;
  } catch {
    // No manifest: compiled without a cache.
  }
  if (manifest?.bundle) {
    if (manifest.bundle.sha256 !== sha256(source)) return null;
    try {
      const cache = readFileSync(`${file}.cache`);
      if (manifest.cache?.sha256 === sha256(cache)) cachedData = cache;
    } catch {
      // No cache: compiled without one.
    }
  }
  const script = new Script(wrap(source.toString('utf8')), { filename: file, cachedData });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file), importFor(file));
  return { entries: module.exports, script, cacheRejected: cachedData ? script.cachedDataRejected : undefined };
}

/**
 * Build time: the code cache of the bundle at `file`, made after its modules ran (so that the
 * functions their evaluation compiled are in it), written to `file`.cache, and both files' SHA-256
 * added to the manifest. Run under the flags the scan's threads run under (see the module comment).
 */
export function writeBundleCache(file: string, write: (path: string, data: Buffer | string) => void): number {
  const loaded = loadBundle<unknown>(file);
  if (!loaded) throw new Error(`${file} is not the bundle its manifest names`);
  const { script } = loaded;
  const data = script.createCachedData();
  write(`${file}.cache`, data);
  const manifest = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as BundleManifest;
  manifest.bundle = { sha256: sha256(readFileSync(file)) };
  manifest.cache = { sha256: sha256(data) };
  write(`${file}.json`, `${JSON.stringify(manifest, null, 1)}\n`);
  return data.length;
}

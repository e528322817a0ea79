/**
 * The detection worker's one-file bundle (scripts/bundle-scan-worker.mjs) compiled with V8's code
 * cache. Every detection thread compiled the ≈ 2 MB bundle on its own: ≈ 28 ms of a thread's CPU,
 * against ≈ 5 ms with the cache (bench/README.md, issue 21, branch startup21). Node 20 has no module
 * compile cache (`module.enableCompileCache` is Node 22.1+), so the bundle is CommonJS text compiled
 * by `vm.Script` with `cachedData` (https://nodejs.org/docs/latest-v20.x/api/vm.html#scriptcreatecacheddata),
 * the cache made at build time beside it.
 *
 * V8 accepts a cache only for the same V8 version and flags (`--max-old-space-size` included: the
 * build makes it under the flags `bin/breachdesk.js` runs `scan` with), and checks the source only
 * by its length: the manifest beside the bundle records the size and mtime of both files as the
 * build left them, and a cache that does not match them is not offered. A rejected or missing cache
 * costs only the compile.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** What the bundle exports: scan.worker.ts's piscina entries. */
export interface WorkerEntries {
  runBatch: (task: unknown) => unknown;
  classifyColumns: (task: unknown) => unknown;
}

interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** The manifest beside the bundle (`BUNDLE.json`); `bundle` and `cache` only once a cache was made. */
export interface BundleManifest {
  inputs: ({ file: string } & FileStamp)[];
  bundle?: FileStamp;
  cache?: FileStamp;
}

/** The CommonJS wrapper: the source V8 compiles, so build and threads must wrap alike. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

function stampOf(file: string): FileStamp {
  const st = statSync(file);
  return { size: st.size, mtimeMs: st.mtimeMs };
}

const same = (a: FileStamp | undefined, b: FileStamp) => a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** Compiles and runs the bundle at `file` (with its cache when the manifest vouches for it). */
export function loadBundle(file: string): { entries: WorkerEntries; script: Script; cacheRejected: boolean | undefined } {
  let cachedData: Buffer | undefined;
  try {
    const manifest = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as BundleManifest;
    if (same(manifest.bundle, stampOf(file)) && same(manifest.cache, stampOf(`${file}.cache`))) cachedData = readFileSync(`${file}.cache`);
  } catch {
    // No manifest or no cache: compiled without one.
  }
  const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {} as WorkerEntries };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return { entries: module.exports, script, cacheRejected: cachedData ? script.cachedDataRejected : undefined };
}

/**
 * Build time: the code cache of the bundle at `file`, made after its modules ran (so that the
 * functions their evaluation compiled are in it), written to `file`.cache, and both files' stamps
 * added to the manifest. Run under the flags the scan's threads run under (see the module comment).
 */
export function writeBundleCache(file: string, write: (path: string, data: Buffer | string) => void): number {
  const { script } = loadBundle(file);
  const data = script.createCachedData();
  write(`${file}.cache`, data);
  const manifest = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as BundleManifest;
  manifest.bundle = stampOf(file);
  manifest.cache = stampOf(`${file}.cache`);
  write(`${file}.json`, `${JSON.stringify(manifest, null, 1)}\n`);
  return data.length;
}

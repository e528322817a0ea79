import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBundle, writeBundleCache } from './bundle-cache.js';

/** `file` gets `ref`'s modification time to the nanosecond. */
const sameTime = (file: string, ref: string) => spawnSync('touch', ['-m', '-r', ref, file]);

type Entries = { runBatch: (t: unknown) => unknown; classifyColumns: (t: unknown) => unknown };

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A CommonJS "bundle" with both entries, a require of a builtin, and its manifest as the build writes it. */
function setUp(answer: number): string {
  dir = mkdtempSync(join(tmpdir(), 'bundle-cache-'));
  const file = join(dir, 'w.bundle.cjs');
  writeFileSync(file, bundleSource(answer));
  writeFileSync(`${file}.json`, JSON.stringify({ inputs: [] }));
  return file;
}
const bundleSource = (answer: number) =>
  `const { createHash } = require('node:crypto');\nexports.runBatch = (t) => ({ answer: ${answer}, t, sha: createHash('sha256').update('x').digest('hex').slice(0, 4) });\nexports.classifyColumns = () => [__filename.endsWith('.cjs')];\n`;

describe('the detection worker bundle with its V8 code cache (bundle-cache.ts)', () => {
  it('runs the bundle without a cache, and with the cache the build made beside it', () => {
    const file = setUp(41);
    const plain = loadBundle<Entries>(file)!;
    expect(plain.cacheRejected).toBeUndefined();
    expect(plain.entries.runBatch(1)).toEqual({ answer: 41, t: 1, sha: '2d71' });
    expect(plain.entries.classifyColumns(null)).toEqual([true]);
    expect(writeBundleCache(file, writeFileSync)).toBeGreaterThan(0);
    const cached = loadBundle<Entries>(file)!;
    expect(cached.cacheRejected).toBe(false);
    expect(cached.entries.runBatch(2)).toEqual({ answer: 41, t: 2, sha: '2d71' });
  });

  it('does not run a bundle rewritten after the build, even to the same length (V8 checks only the length): null', () => {
    const file = setUp(41);
    writeBundleCache(file, writeFileSync);
    writeFileSync(file, bundleSource(42));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(loadBundle<Entries>(file)).toBeNull();
  });

  it('compiles without the cache when the cache file or the manifest is gone', () => {
    const file = setUp(7);
    writeBundleCache(file, writeFileSync);
    rmSync(`${file}.cache`);
    expect(loadBundle<Entries>(file)?.cacheRejected).toBeUndefined();
    writeBundleCache(file, writeFileSync);
    rmSync(`${file}.json`);
    const r = loadBundle<Entries>(file)!;
    expect(r.cacheRejected).toBeUndefined();
    expect(r.entries.runBatch(0)).toMatchObject({ answer: 7 });
  });

  it('does not offer a cache whose bytes changed, even at the same size and time (V8 would take it, or stop the process)', () => {
    const file = setUp(9);
    writeBundleCache(file, writeFileSync);
    // The cache's time to the nanosecond, kept on a copy (`cp -p`, `touch -r`: utimes from
    // JavaScript rounds it, and the manifest of earlier builds compared it exactly).
    spawnSync('cp', ['-p', `${file}.cache`, `${file}.ref`]);
    const cache = readFileSync(`${file}.cache`);
    const stamp = statSync(`${file}.cache`).mtimeMs;
    for (const at of [cache.length >> 1, cache.length - 10]) {
      const bad = Buffer.from(cache);
      bad[at] ^= 0x55;
      writeFileSync(`${file}.cache`, bad);
      sameTime(`${file}.cache`, `${file}.ref`);
      expect(statSync(`${file}.cache`).mtimeMs).toBe(stamp);
      const r = loadBundle<Entries>(file)!;
      expect(r.cacheRejected).toBeUndefined();
      expect(r.entries.runBatch(0)).toMatchObject({ answer: 9 });
    }
  });

  it('does not run a bundle rewritten with the same size and time (nor offer it the cache): null', () => {
    const file = setUp(41);
    writeBundleCache(file, writeFileSync);
    spawnSync('cp', ['-p', file, `${file}.ref`]);
    writeFileSync(file, bundleSource(42));
    sameTime(file, `${file}.ref`);
    expect(statSync(file).mtimeMs).toBe(statSync(`${file}.ref`).mtimeMs);
    expect(loadBundle<Entries>(file)).toBeNull();
  });
});

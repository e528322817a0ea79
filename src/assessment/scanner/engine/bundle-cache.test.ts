import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBundle, writeBundleCache } from './bundle-cache.js';

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
    const plain = loadBundle(file);
    expect(plain.cacheRejected).toBeUndefined();
    expect(plain.entries.runBatch(1)).toEqual({ answer: 41, t: 1, sha: '2d71' });
    expect(plain.entries.classifyColumns(null)).toEqual([true]);
    expect(writeBundleCache(file, writeFileSync)).toBeGreaterThan(0);
    const cached = loadBundle(file);
    expect(cached.cacheRejected).toBe(false);
    expect(cached.entries.runBatch(2)).toEqual({ answer: 41, t: 2, sha: '2d71' });
  });

  it('does not offer a cache once the bundle was rewritten, even to the same length (V8 checks only the length)', () => {
    const file = setUp(41);
    writeBundleCache(file, writeFileSync);
    writeFileSync(file, bundleSource(42));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const r = loadBundle(file);
    expect(r.cacheRejected).toBeUndefined();
    expect(r.entries.runBatch(3)).toMatchObject({ answer: 42 });
  });

  it('compiles without the cache when the cache file or the manifest is gone', () => {
    const file = setUp(7);
    writeBundleCache(file, writeFileSync);
    rmSync(`${file}.cache`);
    expect(loadBundle(file).cacheRejected).toBeUndefined();
    writeBundleCache(file, writeFileSync);
    rmSync(`${file}.json`);
    const r = loadBundle(file);
    expect(r.cacheRejected).toBeUndefined();
    expect(r.entries.runBatch(0)).toMatchObject({ answer: 7 });
  });
});

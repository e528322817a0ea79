import { mkdtempSync, rmSync, utimesSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freshBundle } from './bundle-cache.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setUp(): URL {
  dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  writeFileSync(join(dir, 'a.js'), 'export const a = 1;\n');
  writeFileSync(join(dir, 'w.bundle.js'), 'export const a = 1;\n');
  const st = statSync(join(dir, 'a.js'));
  writeFileSync(join(dir, 'w.bundle.js.json'), JSON.stringify({ inputs: [{ file: 'a.js', size: st.size, mtimeMs: st.mtimeMs }] }));
  return pathToFileURL(join(dir, 'w.bundle.js'));
}

describe('the detection worker bundle (scripts/bundle-scan-worker.mjs)', () => {
  it('is used while every file it was made from is unchanged', () => {
    const url = setUp();
    expect(freshBundle(url)?.href).toBe(url.href);
  });

  it('is not used once a compiled file it was made from is rewritten (a later tsc), or without a manifest', () => {
    const url = setUp();
    utimesSync(join(dir, 'a.js'), new Date(), new Date(Date.now() + 5000));
    expect(freshBundle(url)).toBeNull();
    rmSync(join(dir, 'w.bundle.js.json'));
    expect(freshBundle(url)).toBeNull();
  });
});

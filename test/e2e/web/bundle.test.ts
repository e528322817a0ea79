/** The web sources type-check, and the first visit stays light: initial JavaScript under 400 KB gzipped, pages split out (React.lazy). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('web bundle', () => {
  // The root type check (tsconfig.json) covers src/ and test/; the browser code has its own
  // project (DOM lib, JSX), checked here so `npm test` catches a broken page before a browser does.
  it('the web sources type-check (web/tsconfig.json, including the generated API types)', () => {
    const r = spawnSync('npx', ['tsc', '-p', 'web/tsconfig.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('loads under 400 KB of gzipped JavaScript first and code-splits the pages', () => {
    const r = spawnSync(process.execPath, ['web/scripts/bundle-size.mjs', '--max-kb', '400'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const initial = /initial JS \(gzip\): ([\d.]+) KB in (\d+) file/.exec(r.stdout);
    const all = /all JS \(gzip\): ([\d.]+) KB in (\d+) chunks/.exec(r.stdout);
    expect(initial && all, r.stdout).toBeTruthy();
    expect(Number(initial![1])).toBeLessThan(400);
    // Lazy pages live in their own chunks, so the total is more than the first load.
    expect(Number(all![2])).toBeGreaterThan(Number(initial![2]) + 5);
    expect(Number(all![1])).toBeGreaterThan(Number(initial![1]));
  });
});

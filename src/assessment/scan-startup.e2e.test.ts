/**
 * What the built `breachdesk scan` loads in its reading thread before it reads anything: packages
 * and Node modules that only some scans use stay unloaded (issue 21, start-up; bench/README.md,
 * branch start21b). Runs the built CLI (`npm run build`), as a user does, with a preload that
 * lists the loaded Node built-ins and CommonJS files when the process exits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const built = existsSync(join(root, 'dist/main/cli.js'));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scan-startup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The scan's loaded built-ins and CommonJS package names, from a preload's exit hook. */
function loadedBy(args: string[]): { builtins: string[]; packages: string[]; status: number | null; stdout: string } {
  const preload = join(dir, 'loaded.mjs');
  writeFileSync(
    preload,
    `import { createRequire } from 'node:module';
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
  const packages = Object.keys(cache).map((p) => p.split('/node_modules/').pop().split('/')[0]);
  process.stderr.write('\\nLOADED ' + JSON.stringify({ builtins, packages: [...new Set(packages)] }) + '\\n');
});
`,
  );
  // The launcher re-runs node with the scan's heap flags, passing its own flags (--import) on.
  const r = spawnSync(process.execPath, ['--import', preload, join(root, 'bin/breachdesk.js'), 'scan', ...args], { encoding: 'utf8', cwd: dir });
  // Two processes print: the scan, then the launcher (which loads almost nothing); the scan's is the larger.
  const seen = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => JSON.parse(l.slice(7)) as { builtins: string[]; packages: string[] });
  if (seen.length !== 2) throw new Error(`expected the launcher's and the scan's LOADED lines: ${r.stderr.slice(-2000)}`);
  const scanned = seen.reduce((a, b) => (b.builtins.length > a.builtins.length ? b : a));
  return { ...scanned, status: r.status, stdout: r.stdout };
}

describe.skipIf(!built)('built scan start-up: what the reading thread loads', () => {
  it('a CSV scan with --json off a terminal loads no HTTP client, no SQLite and no progress bar package', () => {
    const csv = join(dir, 'one.csv');
    writeFileSync(csv, 'id,email,phone\n1,ann.lee@example.org,(415) 555-0199\n');
    const { builtins, packages, status, stdout } = loadedBy(['--workers', '2', '--json', csv]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).totals.records).toBe(1);
    // The scan did run its engine (sanity: the preload sees what it loads).
    expect(packages).toContain('piscina');
    // From the one-file bundle (main/cli.ts): commander is inside it, not loaded from node_modules.
    expect(packages).not.toContain('commander');
    // Node's modules load with the module that imports them, in the bundle too: zlib only for an archive.
    expect(builtins).not.toContain('zlib');
    // --incident's API client (node:http/https and tls under them) loads only for an upload.
    expect(builtins.filter((m) => /^(http|https|tls|_http_client)$/.test(m))).toEqual([]);
    // better-sqlite3 only when distinct values or the people index spill (spill-store.ts).
    expect(packages).not.toContain('better-sqlite3');
    // cli-progress only for a bar on a terminal (stderr is a pipe here).
    expect(packages).not.toContain('cli-progress');
    // The detectors (stdnum's national IDs among them) run on the detection threads: the reading
    // thread's jurisdiction code must not import them. One constant imported from the detectors'
    // side once cost every scan ≈ 21 MB of RSS and 0.09 CPU-s at start.
    expect(packages).not.toContain('stdnum');
  });

  it('starts the detection thread before it loads the readers, so that the thread boots while they load', () => {
    const csv = join(dir, 'two.csv');
    writeFileSync(csv, 'id,email\n1,ann.lee@example.org\n');
    // The built-ins loaded when the first worker thread is constructed. The readers are the only
    // modules of a scan's reading thread that load node:fs/promises (readers/index.js,
    // archive-guard.js): loaded by then, the thread started after them.
    const preload = join(dir, 'first-worker.mjs');
    writeFileSync(
      preload,
      `import { createRequire } from 'node:module';
const wt = createRequire(import.meta.url)('node:worker_threads');
const Worker = wt.Worker;
let before = null;
wt.Worker = class extends Worker {
  constructor(...args) {
    before ??= process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
    super(...args);
  }
};
process.on('exit', () => before && process.stderr.write('\\nFIRST_WORKER ' + JSON.stringify(before) + '\\n'));
`,
    );
    // The compiled modules, not the one-file bundle (in it the readers' Node modules load with it).
    // (A file, not -e: the worker threads inherit node's flags, and --input-type is refused there.)
    const run = join(dir, 'run.mjs');
    writeFileSync(run, `import { runCli } from ${JSON.stringify(join(root, 'dist/main/cli-run.js'))};\nawait runCli(process.argv);\n`);
    const r = spawnSync(process.execPath, ['--import', preload, run, 'scan', '--workers', '1', '--json', csv], { encoding: 'utf8', cwd: dir });
    expect(r.status).toBe(0);
    const line = r.stderr.split('\n').find((l) => l.startsWith('FIRST_WORKER '));
    const before = JSON.parse(line!.slice(13)) as string[];
    expect(before).toContain('worker_threads');
    expect(before).not.toContain('fs/promises');
  });

  it('in-thread detection (--workers 0) from the bundle loads the detectors left outside it, same report', () => {
    const csv = join(dir, 'three.csv');
    writeFileSync(csv, 'id,name,email,ssn\n1,Ann Lee,ann.lee@example.org,123-45-6789\n2,Bo Chan,bo@example.com,219-09-9999\n');
    const report = (workers: string) => {
      const r = spawnSync(process.execPath, [join(root, 'bin/breachdesk.js'), 'scan', '--workers', workers, '--json', csv], { encoding: 'utf8', cwd: dir });
      expect(r.status).toBe(0);
      const { performance: _timing, ...rest } = JSON.parse(r.stdout) as { performance: unknown };
      return rest;
    };
    const inThread = report('0');
    expect(inThread).toEqual(report('1'));
    expect(JSON.stringify(inThread)).toContain('email');
  });
});

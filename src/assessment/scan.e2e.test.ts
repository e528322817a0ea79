/**
 * The built CLI end to end, including the piscina worker path that only exists in compiled form:
 * `node bin/breachdesk.js scan --workers 2 --json …` once the lead's wiring is built, otherwise a
 * private build of src/ driven through `registerScanCommands`. The worker result must equal the
 * in-thread engine's on the labelled corpus.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../test/generators/corpus.js';
import { writeDenseCsv } from '../../test/generators/dense-csv.js';
import { ExposureReportSchema } from './scan.schema.js';
import { scan } from './scanner/engine/scan.js';

const root = resolve(import.meta.dirname, '../..');
let dir: string;
let files: string[];
let customers: string;
let cli: string[];
let privateBuild: string | null = null;

function builtCli(): string[] {
  // The built program registers every command (dist/main/program.js, which dist/main/cli.js runs).
  const main = join(root, 'dist/main/program.js');
  if (existsSync(join(root, 'dist/main/cli.js')) && existsSync(main) && readFileSync(main, 'utf8').includes('registerScanCommands')) {
    return [join(root, 'bin/breachdesk.js')];
  }
  // Under node_modules so the build resolves the project's packages; unique per run (parallel runs).
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const out = mkdtempSync(join(root, 'node_modules/.cache/breachdesk-scan-e2e-'));
  privateBuild = out;
  // Other features may not compile yet; tsc still emits, and only the scan modules are used.
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', out], { cwd: root });
  const driver = `import { Command } from 'commander';
import { registerScanCommands } from '${join(out, 'assessment/scan.cli.js')}';
const p = new Command('breachdesk').exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : 2));
registerScanCommands(p);
await p.parseAsync(process.argv.slice(1), { from: 'user' });`;
  return ['--input-type=module', '-e', driver];
}

function run(args: string[]) {
  // A private data dir: `--incident` reaches the local store when no server is named.
  // Every thread asked for, however small the input (pool.ts threadsFor): two threads merging out of order is what these tests compare.
  const env = { ...process.env, BREACHDESK_DATA_DIR: join(dir, 'store'), BREACHDESK_URL: '', BREACHDESK_TOKEN: '', BREACHDESK_LOG_LEVEL: 'silent', BREACHDESK_SCAN_BYTES_PER_THREAD: '1' };
  return spawnSync(process.execPath, [...cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, env });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'breachdesk-scan-e2e-'));
  const corpus = await generateCorpus(dir, { seed: 7 });
  files = corpus.files;
  customers = corpus.customersFile;
  cli = builtCli();
}, 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (privateBuild) rmSync(privateBuild, { recursive: true, force: true });
});

describe('breachdesk scan, built CLI', () => {
  it('--workers 2 --json gives the same report as the in-thread engine', async () => {
    const r = run(['scan', '--workers', '2', '--json', '--customers', customers, ...files]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    const viaWorkers = ExposureReportSchema.parse(JSON.parse(r.stdout));
    const inThread = (await scan({ paths: files, customers, workers: 0 })).report;
    expect(viaWorkers.totals).toEqual(inThread.totals);
    expect(Object.keys(viaWorkers.elements).sort()).toEqual(Object.keys(inThread.elements).sort());
    for (const [el, e] of Object.entries(inThread.elements)) {
      expect(viaWorkers.elements[el].records).toBe(e.records);
      expect(viaWorkers.elements[el].distinctValues).toBe(e.distinctValues);
    }
    expect(viaWorkers.jurisdictions).toEqual(inThread.jurisdictions);
    expect(viaWorkers.matching).toEqual(inThread.matching);
    expect(viaWorkers.combinations).toEqual(inThread.combinations);
  }, 120_000);

  it('--workers 2 splits quote-free CSV blocks in the workers and gives the in-thread report exactly', async () => {
    // ≈ 3.3 MB: read in 1 MiB chunks, so all but the first block go to the workers unsplit.
    const dense = join(dir, 'dense.csv');
    writeDenseCsv(dense, 30_000);
    const r = run(['scan', '--workers', '2', '--json', dense]);
    expect(r.status, r.stderr).toBe(0);
    const { performance: _w, ...viaWorkers } = ExposureReportSchema.parse(JSON.parse(r.stdout));
    const { performance: _t, ...inThread } = (await scan({ paths: [dense], workers: 0 })).report;
    expect(viaWorkers).toEqual(inThread);
    expect(inThread.totals.records).toBe(30_000);
  }, 120_000);

  it('exits 2 naming a missing file, and 1 naming an unknown incident before scanning', () => {
    const missing = join(dir, 'missing.csv');
    const r = run(['scan', missing]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(missing);
    expect(r.stdout).toBe('');
    const i = run(['scan', '--incident', 'INC-1', files[0]!]);
    expect(i.status).toBe(1);
    expect(i.stderr).toContain('incident not found');
    expect(i.stdout).toBe('');
  }, 60_000);

  it('--incident stores the report on the incident and its obligations follow', () => {
    const inc = run(['incident', 'create', '--title', 'Corpus leak', '--aware-at', '2026-03-02T15:00:00Z', '--json']);
    expect(inc.status, inc.stderr).toBe(0);
    const id = JSON.parse(inc.stdout).id as string;
    const r = run(['scan', '--incident', id, '--json', ...files]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/stored on incident .* as assessment/);
    const report = ExposureReportSchema.parse(JSON.parse(r.stdout));
    expect(report.totals.individuals).toBeGreaterThan(0);
    // The stored assessment is on the incident's timeline (from the audit trail).
    const timeline = run(['timeline', id, '--json']);
    expect(timeline.status, timeline.stderr).toBe(0);
    expect(timeline.stdout).toContain('assessment.completed');
  }, 120_000);
});

describe('partition grouping on threads (built group.worker.js)', () => {
  it('gives what the in-thread grouping gives: distinct counts, links and customer matches', async () => {
    const built = privateBuild ?? join(root, 'dist');
    const pool = (await import(join(built, 'assessment/scanner/engine/pool.js'))) as typeof import('./scanner/engine/pool.js');
    const { groupPartition } = (await import(join(built, 'assessment/scanner/engine/people.js'))) as typeof import('./scanner/engine/people.js');
    const grouper = pool.createPartitionGrouper(2);
    try {
      // Partitions of (hi without its top byte | tag, lo, person-record) records: a digest in
      // four of them repeats (links), a few carry no person-record (NONE), some are customers (255).
      let x = 99;
      const rnd = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
      const parts = Array.from({ length: 6 }, (_, p) => {
        const d = new Uint32Array(3 * 20_000);
        for (let i = 0; i < 20_000; i++) {
          const k = i % 4 === 0 ? i % 400 : i;
          const tag = i % 97 === 0 ? 255 : i % 13 === 0 ? 3 : 1;
          d.set([((k << 8) | tag) >>> 0, (k * 2654435761 + p) >>> 0, tag === 3 ? 0xffffffff : rnd() % 50_000], 3 * i);
        }
        return d;
      });
      for (const d of parts) {
        const expected = groupPartition(d.slice(), true);
        const got = await grouper.group(d.slice(), true);
        expect(Array.from(got.distinct)).toEqual(Array.from(expected.distinct));
        expect(Array.from(got.links)).toEqual(Array.from(expected.links));
        expect(Array.from(got.matches)).toEqual(Array.from(expected.matches));
        expect(got.links.length).toBeGreaterThan(0);
        expect(got.matches.length).toBeGreaterThan(0);
      }
    } finally {
      await grouper.close();
    }
  }, 60_000);
});

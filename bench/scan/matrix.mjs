#!/usr/bin/env node
/**
 * Scan speed on leaks shaped like real ones (issue 21): every shape of gen-shapes.mjs, each scanned
 * by `breachdesk scan --workers 2 --json` and by ripgrep (the 14 equivalent patterns of
 * rg-patterns.txt) one after the other on the same file, so the ratio holds on a loaded machine.
 *   node bench/scan/matrix.mjs [--mb 100] [--xlsx-mb 30] [--shapes a,b] [--base DIR] [--keep] [--no-build]
 * --base DIR also runs another build (a checkout with its own dist/, e.g. main's) on each file, and
 * checks its report (minus `performance`) is byte-identical to this tree's.
 * Writes bench/results/matrix-<date>.json; data under .bench-data/shapes/ (deleted unless --keep).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';

const { values: o } = parseArgs({
  options: {
    mb: { type: 'string', default: '100' },
    'xlsx-mb': { type: 'string', default: '30' },
    shapes: { type: 'string' },
    base: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
process.chdir(new URL('../../', import.meta.url).pathname);
const DATA = '.bench-data/shapes';
mkdirSync(DATA, { recursive: true });

/** Shape → file extension (the scanner picks a text format by extension). */
const SHAPES = {
  'customers-us': 'csv',
  'customers-intl': 'csv',
  'customers-wide': 'csv',
  tickets: 'csv',
  'customers-latin1': 'csv',
  'customers-utf16': 'csv',
  ndjson: 'ndjson',
  mysqldump: 'sql',
  pgdump: 'sql',
  weblog: 'log',
  authlog: 'log',
  xlsx: 'xlsx',
};
const chosen = o.shapes ? o.shapes.split(',') : Object.keys(SHAPES);

function sh(cmd, args, okStatus = [0]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (!okStatus.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return r;
}
/** Under /usr/bin/time -v: wall seconds, user+sys CPU seconds, peak RSS. */
function timed(cmd, args, okStatus = [0]) {
  const r = sh('/usr/bin/time', ['-v', cmd, ...args], okStatus);
  const grab = (re) => re.exec(r.stderr)?.[1];
  const wall = (grab(/Elapsed \(wall clock\) time.*: (\S+)/) ?? '0').split(':').reduce((acc, x) => acc * 60 + Number(x), 0);
  return {
    stdout: r.stdout,
    wallSeconds: wall,
    cpuSeconds: +(Number(grab(/User time \(seconds\): (\S+)/)) + Number(grab(/System time \(seconds\): (\S+)/))).toFixed(2),
    peakRssBytes: Number(grab(/Maximum resident set size \(kbytes\): (\d+)/)) * 1024,
  };
}
const withoutPerformance = (json) => {
  const r = JSON.parse(json);
  delete r.performance;
  return JSON.stringify(r);
};

// The scan's build: tsc, then the detection worker's one-file bundle (scripts/bundle-scan-worker.mjs).
if (!o['no-build']) {
  sh('npx', ['tsc', '-p', 'tsconfig.build.json']);
  sh('node', ['scripts/bundle-scan-worker.mjs']);
}
const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavgStart: loadavg(), loadavgEnd: null },
  command: 'node bin/breachdesk.js scan --workers 2 --json FILE',
  rg: sh('rg', ['--version']).stdout.split('\n')[0],
  runs: [],
};
mkdirSync('bench/results', { recursive: true });
const out = `bench/results/matrix-${results.date.slice(0, 16).replace(':', '')}.json`;
const save = () => writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

// Start-up alone (issue 21): the same command on a one-line file, three times, the median taken.
// At 40 MB it is a large part of a run; each shape's figures include it, so it is reported apart.
{
  const tiny = `${DATA}/startup.log`;
  writeFileSync(tiny, 'hello\n');
  const runs = [0, 1, 2].map(() => timed('node', ['bin/breachdesk.js', 'scan', '--workers', '2', '--json', tiny]));
  const mid = (f) => runs.map(f).sort((a, b) => a - b)[1];
  results.startup = { wallSeconds: mid((r) => r.wallSeconds), cpuSeconds: mid((r) => r.cpuSeconds), peakRssBytes: mid((r) => r.peakRssBytes), loadavg: loadavg()[0] };
  console.error(`start-up: ${results.startup.cpuSeconds} CPU-s, ${results.startup.wallSeconds} s wall`);
}

for (const shape of chosen) {
  const ext = SHAPES[shape];
  const mb = Number(shape === 'xlsx' ? o['xlsx-mb'] : o.mb);
  const file = `${DATA}/${shape}-${mb}.${ext}`;
  if (!existsSync(file)) {
    console.error(`generating ${file}`);
    sh('node', ['bench/scan/gen-shapes.mjs', shape, String(mb), file]);
  }
  const bytes = statSync(file).size;
  const rate = (s) => +(bytes / 1e6 / s).toFixed(2);
  const run = { shape, bytes, loadavg: loadavg()[0] };
  console.error(`${shape}: breachdesk`);
  const b = timed('node', ['bin/breachdesk.js', 'scan', '--workers', '2', '--json', file]);
  const report = JSON.parse(b.stdout);
  run.breachdesk = { wallSeconds: b.wallSeconds, mbPerSecond: rate(b.wallSeconds), cpuSeconds: b.cpuSeconds, peakRssBytes: b.peakRssBytes,
    records: report.totals.records, individuals: report.totals.individuals };
  console.error(`${shape}: ripgrep`);
  // ripgrep reads the bytes as they are: on UTF-16 it runs its own transcoding (on by BOM). An
  // XLSX is a zip: ripgrep gets its XML parts from `unzip -p` (both processes timed). Exit 1: no match.
  const rgArgs = ['--count-matches', '--no-filename', '-f', 'bench/scan/rg-patterns.txt'];
  const g = ext === 'xlsx'
    ? timed('sh', ['-c', `unzip -p '${file}' | rg ${rgArgs.join(' ')}`], [0, 1])
    : timed('rg', [...rgArgs, file], [0, 1]);
  run.ripgrep = { wallSeconds: g.wallSeconds, mbPerSecond: rate(g.wallSeconds), cpuSeconds: g.cpuSeconds, matches: Number(g.stdout.trim() || 0) };
  run.ratioToRipgrep = +(g.wallSeconds / b.wallSeconds).toFixed(2);
  if (o.base) {
    console.error(`${shape}: base build`);
    const a = timed('node', [`${o.base}/bin/breachdesk.js`, 'scan', '--workers', '2', '--json', file]);
    run.base = { wallSeconds: a.wallSeconds, mbPerSecond: rate(a.wallSeconds), cpuSeconds: a.cpuSeconds, peakRssBytes: a.peakRssBytes };
    run.reportIdenticalToBase = withoutPerformance(a.stdout) === withoutPerformance(b.stdout);
  }
  results.runs.push(run);
  save();
  const mbRss = (x) => Math.round(x / 2 ** 20);
  console.log(
    `| ${shape} | ${(bytes / 1e6).toFixed(0)} MB | ${run.breachdesk.mbPerSecond} | ${run.ripgrep.mbPerSecond} | **${run.ratioToRipgrep}×** | ${run.breachdesk.cpuSeconds} / ${run.ripgrep.cpuSeconds} | ${mbRss(b.peakRssBytes)} MB |` +
      (o.base ? ` ${run.base.cpuSeconds} → ${run.breachdesk.cpuSeconds} CPU-s; identical: ${run.reportIdenticalToBase} |` : ''),
  );
}
results.machine.loadavgEnd = loadavg();
save();
if (!o.keep) rmSync(DATA, { recursive: true, force: true });
console.error(`wrote ${out}`);

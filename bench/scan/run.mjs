#!/usr/bin/env node
/**
 * Scanner benchmark, side by side on the same generated files (scanning.md §9.3):
 * breachdesk scan --workers 2 --json, ripgrep with an equivalent pattern set (the raw regex
 * floor) and the npm library openredaction (on a prefix: it runs at well under 1 MB/s).
 *   node bench/scan/run.mjs [--csv-mb 1000] [--log-mb 1000] [--big-mb 5000] [--prefix-mb 2] [--keep]
 * Writes bench/results/scan-<date>.json and prints a Markdown table. Data goes to .bench-data/
 * (gitignored) and is deleted at the end unless --keep.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';

const { values: o } = parseArgs({
  options: {
    'csv-mb': { type: 'string', default: '1000' },
    'log-mb': { type: 'string', default: '1000' },
    'big-mb': { type: 'string', default: '5000' },
    'prefix-mb': { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
process.chdir(new URL('../../', import.meta.url).pathname);
const DATA = '.bench-data';
mkdirSync(DATA, { recursive: true });
const env = { ...process.env };

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20, env, ...opts });
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return r;
}

/** Runs under /usr/bin/time -v: wall seconds, user+sys CPU, peak RSS. */
function timed(cmd, args) {
  const r = sh('/usr/bin/time', ['-v', cmd, ...args]);
  const grab = (re) => re.exec(r.stderr)?.[1];
  const wallText = grab(/Elapsed \(wall clock\) time.*: (\S+)/) ?? '0';
  const wall = wallText.split(':').reduce((acc, x) => acc * 60 + Number(x), 0);
  return {
    stdout: r.stdout,
    wallSeconds: wall,
    cpuSeconds: +(Number(grab(/User time \(seconds\): (\S+)/)) + Number(grab(/System time \(seconds\): (\S+)/))).toFixed(2),
    peakRssBytes: Number(grab(/Maximum resident set size \(kbytes\): (\d+)/)) * 1024,
  };
}

// The CLI measured is the repository's own build (bin/breachdesk.js runs dist/): build it first.
if (!o['no-build']) {
  console.error('building dist/');
  sh('npx', ['tsc', '-p', 'tsconfig.build.json']);
}

const inputs = [
  { name: 'csv-1g', kind: 'csv', mb: Number(o['csv-mb']), file: `${DATA}/dense.csv` },
  { name: 'log-1g', kind: 'log', mb: Number(o['log-mb']), file: `${DATA}/app.log` },
  { name: 'csv-5g', kind: 'csv', mb: Number(o['big-mb']), file: `${DATA}/big.csv`, only: 'breachdesk' },
];
const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavgStart: loadavg(), loadavgEnd: null }, runs: [] };
mkdirSync('bench/results', { recursive: true });
const out = `bench/results/scan-${results.date.slice(0, 16).replace(':', '')}.json`;
const save = () => writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
for (const input of inputs) {
  if (!input.mb) continue;
  if (!existsSync(input.file) || statSync(input.file).size < input.mb * 1e6) {
    console.error(`generating ${input.file} (${input.mb} MB)`);
    sh('node', ['bench/scan/gen-data.mjs', input.kind, String(input.mb), input.file]);
  }
  const bytes = statSync(input.file).size;
  const mbs = (sec) => +(bytes / 1e6 / sec).toFixed(1);

  console.error(`breachdesk scan ${input.name}`);
  const b = timed('node', ['bench/scan/scan-cli.mjs', 'scan', '--workers', '2', '--json', input.file]);
  const report = JSON.parse(b.stdout);
  results.runs.push({
    input: input.name, tool: 'breachdesk scan --workers 2', bytes, wallSeconds: b.wallSeconds, mbPerSecond: mbs(b.wallSeconds),
    cpuSeconds: b.cpuSeconds, mbPerCpuSecond: mbs(b.cpuSeconds), peakRssBytes: b.peakRssBytes, records: report.totals.records, individuals: report.totals.individuals,
    findings: Object.values(report.elements).reduce((n, e) => n + e.records, 0),
  });
  save();
  if (input.only !== 'breachdesk') {
    console.error(`ripgrep ${input.name}`);
    const r = timed('rg', ['--count-matches', '-f', 'bench/scan/rg-patterns.txt', input.file]);
    results.runs.push({ input: input.name, tool: 'ripgrep (equivalent patterns)', bytes, wallSeconds: r.wallSeconds, mbPerSecond: mbs(r.wallSeconds), cpuSeconds: r.cpuSeconds, mbPerCpuSecond: mbs(r.cpuSeconds), peakRssBytes: r.peakRssBytes, findings: Number(r.stdout.trim()) });
    console.error(`openredaction ${input.name} (${o['prefix-mb']} MB prefix)`);
    const p = JSON.parse(sh('node', ['bench/scan/openredaction.mjs', input.file, o['prefix-mb']]).stdout);
    results.runs.push({ input: input.name, tool: `openredaction (first ${p.mb} MB)`, bytes: Math.round(p.mb * 1e6), wallSeconds: p.seconds, mbPerSecond: p.mbPerSecond, peakRssBytes: p.peakRssBytes, findings: p.findings });
    save();
  }
  if (!o.keep) rmSync(input.file, { force: true });
}
results.machine.loadavgEnd = loadavg();
save();
console.log('| input | tool | MB/s (wall) | MB per CPU-s | wall s | CPU s | peak RSS MB | findings |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results.runs) {
  console.log(`| ${r.input} | ${r.tool} | ${r.mbPerSecond} | ${r.mbPerCpuSecond ?? '—'} | ${r.wallSeconds} | ${r.cpuSeconds ?? '—'} | ${Math.round(r.peakRssBytes / 1e6)} | ${r.findings} |`);
}
console.error(`results: ${out}`);

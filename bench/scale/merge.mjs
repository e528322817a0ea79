#!/usr/bin/env node
/**
 * The distributed scan's merge (issue 18 §2): the merge job alone (replay, people grouping and
 * report in one process, BREACHDESK_SCAN_PEOPLE_JOBS=0) against the people jobs (each replays the
 * logs and groups its range of the 256 partitions, scan-evidence.ts groupEvidencePeople) on 1 and
 * 2 worker processes, then the report job (mergeEvidenceShards with their groups). Every variant
 * runs in fresh processes, alternated round by round (paired on a loaded machine); figures are
 * CPU seconds per process and wall clock. The reports must be identical (checked).
 *
 *   npm run build && nice node bench/scale/merge.mjs [--files 4] [--rows 150000] [--jobs 4] [--rounds 2]
 *
 * Shard logs come from bench/scale/shards.mjs's worker (`--child`), kept as files (not in
 * PostgreSQL: no fetch or decryption is measured here).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { writeLeakCsvs } from './leak-csv.mjs';

const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '4' },
    rows: { type: 'string', default: '150000' },
    jobs: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '2' },
    role: { type: 'string' },
    logs: { type: 'string' },
    ranges: { type: 'string' },
    dir: { type: 'string' },
  },
});
const key = Buffer.alloc(32, 9);

if (args.role) {
  const { groupEvidencePeople, mergeEvidenceShards } = await import(new URL('../../dist/assessment/scan-evidence.js', import.meta.url).href);
  const logs = JSON.parse(args.logs);
  async function* parts(f) {
    for (const b of JSON.parse(readFileSync(`${f}.log`, 'utf8'))) yield Buffer.from(b, 'base64');
  }
  const items = () => logs.map((f) => ({ members: false, logs: [parts(f)] }));
  const t0 = process.cpuUsage();
  const w0 = performance.now();
  let out = {};
  if (args.role === 'people') {
    for (const [from, to] of JSON.parse(args.ranges)) {
      const groups = await groupEvidencePeople(items(), { key, partitions: [from, to] });
      writeFileSync(join(args.dir, `groups-${String(from).padStart(3, '0')}.v8`), serialize(groups));
    }
  } else {
    let groups;
    if (args.role === 'report') {
      groups = [];
      for (const [from] of JSON.parse(args.ranges)) groups.push(...deserialize(readFileSync(join(args.dir, `groups-${String(from).padStart(3, '0')}.v8`))));
    }
    const merged = await mergeEvidenceShards(items(), { key, bytesTotal: 0, started: performance.now(), groups });
    const { performance: _p, ...report } = merged.report;
    writeFileSync(join(args.dir, `report-${args.role}.json`), JSON.stringify(report));
    out = { individuals: report.totals.individuals };
  }
  const c = process.cpuUsage(t0);
  process.stdout.write(JSON.stringify({ cpuS: (c.user + c.system) / 1e6, wallS: (performance.now() - w0) / 1000, rssMB: Math.round(process.resourceUsage().maxRSS / 1024), ...out }));
  process.exit(0);
}

function child(script, argv) {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [script, ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${argv.join(' ')}: exited ${code}`))));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'bd-bench-merge-'));
const files = writeLeakCsvs(dir, Number(args.files), Number(args.rows));
const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
// The shard phase, two workers (its figures are shards.mjs's).
const shards = new URL('./shards.mjs', import.meta.url).pathname;
await Promise.all([0, 1].map((w) => child(shards, ['--child', JSON.stringify(files.filter((_, i) => i % 2 === w)), '--key', key.toString('hex')])));

const me = new URL(import.meta.url).pathname;
const jobs = Number(args.jobs);
const ranges = Array.from({ length: jobs }, (_, k) => [Math.floor((k * 256) / jobs), Math.floor(((k + 1) * 256) / jobs)]);
const common = ['--logs', JSON.stringify(files), '--dir', dir];
const variants = {
  alone: async () => ({ report: await child(me, ['--role', 'alone', ...common]) }),
  /** One worker takes every people job, then the report job. */
  w1: async () => {
    const w0 = performance.now();
    const people = [await child(me, ['--role', 'people', '--ranges', JSON.stringify(ranges), ...common])];
    const report = await child(me, ['--role', 'report', '--ranges', JSON.stringify(ranges), ...common]);
    return { people, report, wallS: (performance.now() - w0) / 1000 };
  },
  /** Two workers share the people jobs, then one runs the report job. */
  w2: async () => {
    const w0 = performance.now();
    const people = await Promise.all([0, 1].map((w) => child(me, ['--role', 'people', '--ranges', JSON.stringify(ranges.filter((_, k) => k % 2 === w)), ...common])));
    const report = await child(me, ['--role', 'report', '--ranges', JSON.stringify(ranges), ...common]);
    return { people, report, wallS: (performance.now() - w0) / 1000 };
  },
};
const runs = { alone: [], w1: [], w2: [] };
const load = [loadavg()[0]];
for (let r = 0; r < Number(args.rounds); r++) {
  for (const [name, run] of Object.entries(variants)) {
    const x = await run();
    x.cpuS = (x.people ?? []).reduce((n, p) => n + p.cpuS, 0) + x.report.cpuS;
    x.wallS ??= x.report.wallS;
    runs[name].push(x);
  }
  load.push(loadavg()[0]);
}
const same = readFileSync(join(dir, 'report-alone.json'), 'utf8') === readFileSync(join(dir, 'report-report.json'), 'utf8');
// What PostgreSQL would hold (assessment_shard_parts, before base64 and AES-GCM: ≈ 4/3 of it): the shard logs, and with people jobs the groups.
const logBytes = files.reduce((n, f) => n + JSON.parse(readFileSync(`${f}.log`, 'utf8')).reduce((m, b) => m + Buffer.from(b, 'base64').length, 0), 0);
const groupBytes = ranges.reduce((n, [from]) => n + statSync(join(dir, `groups-${String(from).padStart(3, '0')}.v8`)).size, 0);
rmSync(dir, { recursive: true, force: true });
const f = (x) => +x.toFixed(2);
const summary = Object.fromEntries(
  Object.entries(runs).map(([name, xs]) => [
    name,
    xs.map((x) => ({ cpuS: f(x.cpuS), wallS: f(x.wallS), reportCpuS: f(x.report.cpuS), peopleCpuS: (x.people ?? []).map((p) => f(p.cpuS)), peopleWallS: (x.people ?? []).map((p) => f(p.wallS)), rssMB: Math.max(x.report.rssMB, ...(x.people ?? []).map((p) => p.rssMB)) })),
  ]),
);
console.log(JSON.stringify({ files: files.length, mb: f(mb), jobs, sameReport: same, logMB: f(logBytes / 1e6), groupMB: f(groupBytes / 1e6), individuals: runs.alone[0].report.individuals, load: load.map(f), ...summary }, null, 1));

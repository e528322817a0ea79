// Flow analytics throughput: node bench/flows/run.mjs [PER_HOUR] — generates each format, runs
// `breachdesk flows analyse --json` under /usr/bin/time -v, prints records/s and peak RSS.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';

const perHour = process.argv[2] ?? '100';
mkdirSync('.bench-data', { recursive: true });
const rows = [];
for (const format of ['zeek-tsv', 'zeek-json', 'vpc', 'nfdump-csv']) {
  const file = `.bench-data/flows.${format}`;
  execFileSync(process.execPath, ['bench/flows/gen.mjs', format, file, perHour], { stdio: 'inherit' });
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, 'bin/breachdesk.js', 'flows', 'analyse', '--json', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const rep = JSON.parse(r.stdout);
  const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const secs = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : Number.NaN;
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  rows.push({ format, records: rep.records, mb: +(statSync(file).size / 1e6).toFixed(1), seconds: secs, recordsPerSecond: Math.round(rep.records / secs), peakRssMb: Math.round(rss), findings: rep.findings.length });
  rmSync(file);
}
console.table(rows);

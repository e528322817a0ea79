// Two builds alternated on the same files, CPU-s per thread (threads.mjs):
// node bench/flows/paired.mjs BASE_DIR [AFTER_DIR=.] [PAIRS=3] [PER_HOUR=100] [FORMAT…]
// Generates .bench-data/flows.FORMAT (gen.mjs) when missing. Prints each run and, per format and
// build, the median of wall s, busiest thread CPU-s, all threads' CPU-s and peak RSS.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

const [base, after = '.', pairs = '3', perHour = '100', ...fmts] = process.argv.slice(2);
if (!base) {
  process.stderr.write('usage: node bench/flows/paired.mjs BASE_DIR [AFTER_DIR] [PAIRS] [PER_HOUR] [FORMAT…]\n');
  process.exit(2);
}
const formats = fmts.length ? fmts : ['zeek-tsv', 'zeek-json', 'vpc', 'nfdump-csv'];
mkdirSync('.bench-data', { recursive: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const rows = [];
for (const format of formats) {
  const file = `.bench-data/flows.${format}`;
  if (!existsSync(file)) execFileSync(process.execPath, ['bench/flows/gen.mjs', format, file, perHour], { stdio: 'inherit' });
  const runs = { base: [], after: [] };
  for (let i = 0; i < Number(pairs); i++) {
    for (const [label, dir] of [['base', base], ['after', after]]) {
      const r = JSON.parse(execFileSync(process.execPath, ['bench/flows/threads.mjs', dir, file], { encoding: 'utf8' }));
      console.log(JSON.stringify({ format, label, ...r }));
      runs[label].push(r);
    }
  }
  for (const [label, rs] of Object.entries(runs)) {
    rows.push({ format, build: label, wall: median(rs.map((r) => r.wall)), busiestCpu: median(rs.map((r) => Number(r.busiest[0].split(' ')[1]))), totalCpu: median(rs.map((r) => r.total)), peakRssMiB: median(rs.map((r) => r.peakRssMiB)), load: median(rs.map((r) => r.load)) });
  }
}
console.table(rows);

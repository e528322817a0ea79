#!/usr/bin/env node
/**
 * Speed work must not change what a scan reports (issue 21). Builds another commit (default
 * 620c126, main before the issue-21 work) into a temporary checkout, scans every shape of
 * gen-shapes.mjs with it and with this tree's build (`scan --workers 2 --json`), and compares the
 * reports without `performance` byte for byte, with each --workers count. Exit 1 on any difference.
 * CPU seconds (user + sys) of both builds are printed beside: a paired before/after per shape.
 *   node bench/scan/same-reports.mjs [--commit 620c126] [--mb 10] [--shapes a,b] [--workers 0,2] [--base DIR] [--no-build]
 * --base DIR reuses a checkout already built there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: o } = parseArgs({
  options: {
    commit: { type: 'string', default: '620c126' },
    mb: { type: 'string', default: '10' },
    shapes: { type: 'string' },
    base: { type: 'string' },
    workers: { type: 'string', default: '0,2' },
    'no-build': { type: 'boolean', default: false },
  },
});
const root = new URL('../../', import.meta.url).pathname;
process.chdir(root);
const SHAPES = {
  'customers-us': 'csv', 'customers-intl': 'csv', 'customers-wide': 'csv', tickets: 'csv', 'customers-latin1': 'csv', 'customers-utf16': 'csv',
  ndjson: 'ndjson', mysqldump: 'sql', pgdump: 'sql', weblog: 'log', authlog: 'log', xlsx: 'xlsx',
};
const chosen = o.shapes ? o.shapes.split(',') : Object.keys(SHAPES);

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 512 << 20, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${(r.stderr ?? '').slice(-2000)}`);
  return r;
}
/**
 * tsc, then the detection worker's bundle where the build has one: a tsc alone leaves the bundle's
 * manifest out of date, and the scan's threads then load the ≈ 200 unbundled modules instead
 * (pool.ts freshBundle; ≈ 0.1–0.2 CPU-s a thread) — in this run and in every later one on this tree.
 */
function build(dir) {
  sh('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: dir });
  if (existsSync(join(dir, 'scripts/bundle-scan-worker.mjs'))) sh('node', ['scripts/bundle-scan-worker.mjs'], { cwd: dir });
}
let base = o.base;
// What the reports are compared with: the commit built here, or the checkout given by --base.
const label = o.base ? `the build in ${o.base}` : o.commit;
if (!base) {
  base = mkdtempSync(join(tmpdir(), `breachdesk-${o.commit}-`));
  console.error(`building ${o.commit} in ${base}`);
  const tar = spawnSync('git', ['archive', o.commit], { maxBuffer: 1 << 30 });
  if (tar.status !== 0) throw new Error(`git archive ${o.commit} failed`);
  sh('tar', ['-x', '-C', base], { input: tar.stdout, encoding: 'buffer' });
  symlinkSync(join(root, 'node_modules'), join(base, 'node_modules'));
  build(base);
}
if (!o['no-build']) build(root);

const dir = '.bench-data/same-reports';
mkdirSync(dir, { recursive: true });
const strip = (json) => {
  const r = JSON.parse(json);
  delete r.performance;
  return JSON.stringify(r, null, 2);
};
let failed = 0;
const cpu = (stderr) => {
  const g = (re) => Number(re.exec(stderr)?.[1] ?? 0);
  return +(g(/User time \(seconds\): (\S+)/) + g(/System time \(seconds\): (\S+)/)).toFixed(2);
};
for (const shape of chosen) {
  const file = `${dir}/${shape}-${o.mb}.${SHAPES[shape]}`;
  if (!existsSync(file)) sh('node', ['bench/scan/gen-shapes.mjs', shape, o.mb, file]);
  for (const workers of o.workers.split(',')) {
    const scan = (bin) => {
      const r = sh('/usr/bin/time', ['-v', 'node', bin, 'scan', '--workers', workers, '--json', file]);
      return { report: strip(r.stdout), cpu: cpu(r.stderr) };
    };
    const before = scan(join(base, 'bin/breachdesk.js'));
    const after = scan('bin/breachdesk.js');
    const same = before.report === after.report;
    let note = '';
    if (!same) {
      failed++;
      // A build whose own report changes from run to run cannot be matched byte for byte.
      const again = scan(join(base, 'bin/breachdesk.js'));
      if (again.report !== before.report) note = ` (${label}'s own report differs between two runs)`;
    }
    const r = JSON.parse(after.report);
    console.log(
      `${same ? 'identical' : 'DIFFERENT'}  ${shape}  --workers ${workers}  (${r.totals.records} records, ${r.totals.individuals} individuals)` +
        `  CPU s ${before.cpu} → ${after.cpu}${note}`,
    );
  }
}
if (!o.base) rmSync(base, { recursive: true, force: true });
console.log(failed ? `${failed} run(s) differ from ${label}` : `all ${chosen.length} shapes identical to ${label}`);
process.exit(failed ? 1 : 0);

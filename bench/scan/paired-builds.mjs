#!/usr/bin/env node
/**
 * Paired CPU seconds of several builds and ripgrep on the same files (bench/README.md, 2026-12-07
 * logs21): per file, PAIRS rounds; in each round every build runs `scan --workers 2 --json FILE`
 * and ripgrep runs the 14 patterns, the first two builds swapping order each round; user + sys
 * CPU, wall and peak RSS from /usr/bin/time; reports (minus `performance`) compared to the first
 * build's. One JSON line per round.
 *   node bench/scan/paired-builds.mjs --pairs 3 --build base=/tmp/main --build tree=. FILE...
 * A build is a checkout with node_modules and dist/ built (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

const { values: o, positionals: files } = parseArgs({
  options: { pairs: { type: 'string', default: '3' }, build: { type: 'string', multiple: true, default: [] } },
  allowPositionals: true,
});
const builds = o.build.map((b) => {
  const [name, dir] = b.split('=');
  return { name, dir };
});
if (builds.length === 0 || files.length === 0) throw new Error('usage: --build name=DIR [--build …] FILE…');
const patterns = new URL('rg-patterns.txt', import.meta.url).pathname;

function run(cmd, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const [wall, user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { out: r.stdout, wall, cpu: +(user + sys).toFixed(2), rssMB: Math.round(kb / 1024) };
}
const strip = (json) => {
  const r = JSON.parse(json);
  delete r.performance;
  return JSON.stringify(r);
};

for (const file of files) {
  const mb = statSync(file).size / 1e6;
  for (let p = 0; p < Number(o.pairs); p++) {
    const order = [...builds];
    if (p % 2 === 1 && order.length > 1) [order[0], order[1]] = [order[1], order[0]];
    const res = {};
    res[order[0].name] = run('node', [`${order[0].dir}/bin/breachdesk.js`, 'scan', '--workers', '2', '--json', file]);
    res.rg = run('rg', ['--count-matches', '-f', patterns, file]);
    for (const b of order.slice(1)) res[b.name] = run('node', [`${b.dir}/bin/breachdesk.js`, 'scan', '--workers', '2', '--json', file]);
    const first = strip(res[builds[0].name].out);
    const line = { file: file.split('/').pop(), mb: +mb.toFixed(1), round: p, load: +loadavg()[0].toFixed(1), same: builds.every((b) => strip(res[b.name].out) === first) };
    for (const k of ['cpu', 'wall', 'rssMB']) line[k] = Object.fromEntries(Object.entries(res).map(([n, r]) => [n, r[k]]));
    console.log(JSON.stringify(line));
  }
}

// CPU-seconds per thread and peak RSS of one `breachdesk flows analyse --json FILE` (Linux /proc,
// sampled every 20 ms, so the last 20 ms may be missed): node bench/flows/threads.mjs BUILD_DIR FILE.
// On a loaded machine wall time says little; the busiest thread's CPU-s is close to the wall time a
// quiet machine with a core per busy thread shows (the analysis is as fast as its slower half: the
// parsing thread or the analysing one). Prints one JSON line.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const [build = '.', file] = process.argv.slice(2);
const tick = 100; // USER_HZ on Linux
const child = spawn(process.execPath, [`${build}/bin/breachdesk.js`, 'flows', 'analyse', '--json', file], { stdio: ['ignore', 'ignore', 'inherit'] });
const seen = new Map();
let peakRss = 0;
const sample = () => {
  try {
    const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) / 1024);
    for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
      const s = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
      const close = s.lastIndexOf(')');
      const f = s.slice(close + 2).split(' ');
      seen.set(tid, { name: tid === String(child.pid) ? 'main' : s.slice(s.indexOf('(') + 1, close), cpu: (Number(f[11]) + Number(f[12])) / tick });
    }
  } catch {}
};
const timer = setInterval(sample, 20);
const started = process.hrtime.bigint();
child.on('exit', (code) => {
  clearInterval(timer);
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const threads = [...seen.values()].sort((a, b) => b.cpu - a.cpu);
  const total = threads.reduce((t, x) => t + x.cpu, 0);
  console.log(JSON.stringify({ build, file, code, wall: +wall.toFixed(2), busiest: threads.slice(0, 3).map((t) => `${t.name} ${t.cpu.toFixed(2)}`), total: +total.toFixed(2), peakRssMiB: Math.round(peakRss), load: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]) }));
});

#!/usr/bin/env node
/**
 * Where a scan's fixed cost goes (issue 21): `breachdesk scan --workers N --json FILE` run a few
 * times per file, alternating with another build (--base DIR) when given, and its CPU split per
 * thread. Threads are read from /proc/PID/task/TID/schedstat (nanoseconds on CPU) every few
 * milliseconds while the process runs; a thread's last reading before it exits is kept (the polling
 * interval bounds what is missed). Linux names every Node thread "node", so they are told apart by
 * creation order: the main thread (tid = pid), V8's platform threads and libuv's pool (created at
 * start-up, before any script runs), and the threads created later: the detection workers (and
 * the grouping workers after them, when a scan has any).
 *   node bench/scan/startup.mjs [--runs 3] [--workers 2] [--base DIR] [--every 2] [--flags '--no-opt'] FILE...
 * Prints one line per run and the medians; wall time and CPU-s of the whole process tree are from
 * /usr/bin/time (getrusage), the per-thread ones from the polling.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: o, positionals: files } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    workers: { type: 'string', default: '2' },
    base: { type: 'string' },
    every: { type: 'string', default: '2' },
    tree: { type: 'string' },
    /** Extra node flags, space-separated (passed on to the scan process by bin/breachdesk.js). */
    flags: { type: 'string', default: '' },
  },
});
const here = resolve(o.tree ?? new URL('../../', import.meta.url).pathname);

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
/** The pids of `pid` and all its descendants. */
function family(pid) {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    for (const tid of tasks(out[i])) {
      const kids = read(`/proc/${out[i]}/task/${tid}/children`);
      if (kids) for (const k of kids.trim().split(/\s+/).filter(Boolean)) out.push(Number(k));
    }
  }
  return out;
}
function tasks(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [];
  }
}

/** A thread's start time (clock ticks after boot: field 22 of stat, after the parenthesised name). */
function startOf(stat) {
  if (!stat) return null;
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
}

function runOnce(tree, file) {
  return new Promise((done) => {
    const child = spawn('/usr/bin/time', ['-f', '%e %U %S %M', 'node', ...o.flags.split(' ').filter(Boolean), `${tree}/bin/breachdesk.js`, 'scan', '--workers', o.workers, '--json', file], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    /** pid → tid → ns on CPU (last seen); pid order = launch order. */
    const seen = new Map();
    const poll = () => {
      for (const pid of family(child.pid)) {
        if (pid === child.pid) continue; // /usr/bin/time itself
        if (!seen.has(pid)) seen.set(pid, new Map());
        const m = seen.get(pid);
        for (const tid of tasks(pid)) {
          const s = read(`/proc/${pid}/task/${tid}/schedstat`);
          const st = m.get(tid)?.start ?? startOf(read(`/proc/${pid}/task/${tid}/stat`));
          if (s && st !== null) m.set(tid, { ns: Number(s.split(' ')[0]), start: st });
        }
      }
    };
    const timer = setInterval(poll, Number(o.every));
    child.on('exit', () => {
      clearInterval(timer);
      const [wall, u, s, rss] = stderr.trim().split('\n').pop().split(' ').map(Number);
      const pids = [...seen.keys()];
      // The launcher (bin/breachdesk.js re-runs node with the scan's heap flags) and the scan.
      const scanPid = pids.at(-1);
      const sum = (xs) => xs.reduce((a, b) => a + b, 0) / 1e9;
      const launcher = sum(pids.slice(0, -1).flatMap((p) => [...seen.get(p).values()].map((v) => v.ns)));
      const threads = [...seen.get(scanPid)].sort((a, b) => a[0] - b[0]);
      const main = threads.find(([t]) => t === scanPid)?.[1];
      // Threads started within 20 ms of the main thread: V8's platform workers, the signal
      // thread (before any script runs). Later ones: libuv's pool (first async fs call) and the
      // worker threads; those with < 20 ms of CPU are counted with the early ones as "helpers".
      const isEarly = ([t, v]) => t !== scanPid && v.start <= main.start + 2;
      const late = threads.filter(([t, v]) => t !== scanPid && !isEarly([t, v]));
      const busy = late.filter(([, v]) => v.ns >= 2e7);
      const early = sum(threads.filter((x) => isEarly(x) || (late.includes(x) && !busy.includes(x))).map(([, v]) => v.ns));
      done({ wall, cpu: u + s, rss: Math.round(rss / 1024), launcher, main: main.ns / 1e9, early, late: busy.map(([, v]) => v.ns / 1e9) });
    });
  });
}

const f2 = (x) => x.toFixed(2);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const trees = o.base ? [['base', resolve(o.base)], ['this', here]] : [['this', here]];
for (const file of files) {
  const all = Object.fromEntries(trees.map(([k]) => [k, []]));
  for (let i = 0; i < Number(o.runs); i++) {
    // Alternate which build goes first, so neither always gets the warmer page cache.
    for (const [k, tree] of i % 2 ? [...trees].reverse() : trees) {
      const r = await runOnce(tree, file);
      all[k].push(r);
      console.log(`${file} ${k}: ${f2(r.cpu)} CPU-s, ${f2(r.wall)} s wall (launcher ${f2(r.launcher)}, main ${f2(r.main)}, helpers ${f2(r.early)}, threads started later ${r.late.map(f2).join(' ')}) ${r.rss} MiB`);
    }
  }
  for (const [k] of trees) {
    const rs = all[k];
    const lateN = Math.max(...rs.map((r) => r.late.length));
    const lates = Array.from({ length: lateN }, (_, j) => f2(median(rs.map((r) => r.late[j] ?? 0))));
    console.log(`MEDIAN ${file} ${k}: ${f2(median(rs.map((r) => r.cpu)))} CPU-s, ${f2(median(rs.map((r) => r.wall)))} s wall; launcher ${f2(median(rs.map((r) => r.launcher)))}, main ${f2(median(rs.map((r) => r.main)))}, helpers ${f2(median(rs.map((r) => r.early)))}, threads started later ${lates.join(' ')}; ${median(rs.map((r) => r.rss))} MiB`);
  }
}

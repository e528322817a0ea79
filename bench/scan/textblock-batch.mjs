#!/usr/bin/env node
/**
 * A detection worker's per-line cost on a log, in process: the file cut into the reader's ≈ 512 KiB
 * `text-block`s at line ends, each run through `processBatch` (decode, split, anchors, scanText,
 * addRecord, digests) with the real detectors, as a scan's worker thread does.
 *   node bench/scan/textblock-batch.mjs FILE [DIST_DIR=dist] [ROUNDS=5] [MB=all]
 * Prints, per round, CPU µs a line (process CPU time, so it holds on a loaded machine; round 1
 * includes the detectors' warm-up), then the best and the
 * median of the later rounds and the process's CPU seconds. Each round is a new scan (its own
 * `run`), so the sent-once caches start empty as in a real scan. Pair two builds by running this
 * with each DIST_DIR alternately (bench/README.md, 2026-12-07 logs21).
 */
import { openSync, readSync, fstatSync, closeSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

const [file, dist = 'dist', roundsArg = '5', mbArg] = process.argv.slice(2);
const { processBatch } = await import(resolve(dist, 'assessment/scanner/engine/batch.js'));
const { defaultDetection } = await import(resolve(dist, 'assessment/scanner/engine/default-detection.js'));

const fd = openSync(file, 'r');
const size = Math.min(fstatSync(fd).size, mbArg ? Number(mbArg) * 1024 * 1024 : Number.POSITIVE_INFINITY);
const whole = Buffer.alloc(size);
readSync(fd, whole, 0, size, 0);
closeSync(fd);
const BLOCK = 512 * 1024;
const blocks = [];
let lines = 0;
for (let s = 0; s < whole.length; ) {
  let e = Math.min(whole.length, s + BLOCK);
  if (e < whole.length) {
    const nl = whole.indexOf(10, e);
    e = nl === -1 ? whole.length : nl + 1;
  }
  // Each block its own copy, as a worker receives it.
  blocks.push(Buffer.from(whole.subarray(s, e)));
  for (let i = whole.indexOf(10, s); i !== -1 && i < e; i = whole.indexOf(10, i + 1)) lines++;
  s = e;
}
const key = randomBytes(32);
const per = [];
let records = 0;
let values = 0;
for (let r = 0; r < Number(roundsArg); r++) {
  const run = `bench-${r}`;
  const t = process.cpuUsage();
  records = 0;
  values = 0;
  for (const buf of blocks) {
    const out = processBatch({ kind: 'text-block', key, buf, run }, defaultDetection);
    records += out.records;
    values += out.values.length / 3;
  }
  const d = process.cpuUsage(t);
  per.push((d.user + d.system) / lines);
}
const later = per.slice(1).sort((a, b) => a - b);
const u = process.cpuUsage();
console.log(
  JSON.stringify({
    file,
    dist,
    mb: +(size / 1048576).toFixed(1),
    lines,
    records,
    valuesSent: values,
    usPerLine: per.map((x) => +x.toFixed(3)),
    best: +(later[0] ?? per[0]).toFixed(3),
    median: +(later[Math.floor(later.length / 2)] ?? per[0]).toFixed(3),
    cpuSeconds: +((u.user + u.system) / 1e6).toFixed(2),
  }),
);

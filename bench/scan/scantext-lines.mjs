#!/usr/bin/env node
/**
 * scanText µs per line on a log file (one string per line, as the text reader hands them over),
 * from a built tree: node bench/scan/scantext-lines.mjs FILE [DIST_DIR=dist] [ROUNDS=5]
 * Prints the best round's µs/line, the CPU seconds of the process and the finding counts by kind.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [file, dist = 'dist', rounds = '5'] = process.argv.slice(2);
const { scanText } = await import(resolve(dist, 'assessment/scanner/detectors/text-scan.js'));
const lines = readFileSync(file, 'utf8').split('\n');
let best = Number.POSITIVE_INFINITY;
const kinds = {};
for (let r = 0; r < Number(rounds); r++) {
  const t = process.hrtime.bigint();
  for (const l of lines) {
    const f = scanText(l);
    if (r === 0) for (const e of f.elements) kinds[e.element] = (kinds[e.element] ?? 0) + 1;
  }
  best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e3 / lines.length);
}
const u = process.cpuUsage();
console.log(JSON.stringify({ file, lines: lines.length, usPerLine: +best.toFixed(3), cpuSeconds: +((u.user + u.system) / 1e6).toFixed(2), kinds }));

#!/usr/bin/env node
/**
 * A detection thread's work in one thread, for paired builds (issue 21): reads FILE with the scan's
 * reader as `--workers 2` does (CSV/SQL/text/XLSX blocks, NDJSON rows packed), builds the batches as
 * engine/scan-read.ts does (classification on the first rows, projection), then runs
 * `processBatch` over them ROUNDS times (each round a new scan id, so the sent-values cache starts
 * empty) and prints the best round's CPU µs a row, and a hash of every batch result (counts,
 * samples, every digest): two builds must print the same `sig`.
 *   node bench/scan/worker-rows.mjs DIST FILE [ROUNDS=3]      # DIST: a build's dist/ folder
 * Alternate two builds (`… base/dist F; … dist F; …`) for a paired comparison on a loaded machine.
 * Paired in one process (branch tables21b): with NEW_DIST, the tasks read once (by DIST's reader)
 * go through DIST's and NEW_DIST's `processBatch` in alternated rounds (ABBA…): both builds meet
 * the same load at the same moment, far steadier on a loaded machine than two processes minutes
 * apart. Then each build prints its best and median µs a row and its `sig` (they must be equal).
 *   node bench/scan/worker-rows.mjs BASE_DIST FILE 8 NEW_DIST
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

const [dist, file, rounds = '3', newDist] = process.argv.slice(2);
const imp = (p) => import(resolve(dist, 'assessment/scanner', p));
const { readPath } = await imp('readers/index.js');
const { processBatch } = await imp('engine/batch.js');
const { defaultDetection } = await imp('engine/default-detection.js');
const { packRows } = await imp('engine/pack.js');
const { columnIsRead } = await imp('classify/column-read.js');
const { sqlBlockRows } = await imp('readers/sql-block.js');
const { csvBlockRows } = await imp('readers/csv-block.js');
const { xlsxBlockRows } = await imp('readers/xlsx-sheet.js').catch(() => ({}));

const key = Buffer.alloc(32, 7);
const classes = new Map();
const classify = (table, columns, sample) => {
  const k = `${table}\0${columns.join('\0')}`;
  let c = classes.get(k);
  if (!c) {
    c = defaultDetection.classifyColumns(table, columns, sample.slice(0, 200));
    classes.set(k, c);
  }
  return c;
};
const project = (cls) => {
  const keep = cls.flatMap((c, j) => (columnIsRead(c) ? [j] : []));
  return keep.length < cls.length ? { classes: keep.map((j) => cls[j]), keep } : null;
};
const tasks = [];
let rows = 0;
const t0 = process.cpuUsage();
for await (const ev of readPath(file, { csvBlocks: true, sqlBlocks: true, ndjsonBlocks: true, textBlocks: true, xlsxBlocks: true })) {
  if (ev.kind === 'csv-block') {
    const cls = classify(ev.table, ev.columns, csvBlockRows(ev.buf, ev.delim, ev.columns.length, null, ev.quoted));
    const p = project(cls);
    tasks.push({ kind: 'csv-block', key, classes: p ? p.classes : cls, delim: ev.delim, width: ev.columns.length, keep: p ? p.keep : null, buf: new Uint8Array(ev.buf), quoted: ev.quoted });
    rows += ev.rows;
  } else if (ev.kind === 'sql-block') {
    const cls = classify(ev.table, ev.columns, sqlBlockRows(ev.buf, ev.mode, ev.backslash, ev.columns.length));
    const p = project(cls);
    tasks.push({ kind: 'sql-block', key, classes: p ? p.classes : cls, mode: ev.mode, backslash: ev.backslash, width: ev.columns.length, keep: p ? p.keep : null, buf: new Uint8Array(ev.buf) });
    rows += ev.rows;
  } else if (ev.kind === 'xlsx-block') {
    const width = ev.columns.length;
    const cls = classify(ev.table, ev.columns, xlsxBlockRows(ev.buf, ev.sheet, width, null, ev.rows));
    const p = project(cls);
    tasks.push({ kind: 'xlsx-block', key, classes: p ? p.classes : cls, width, keep: p ? p.keep : null, buf: new Uint8Array(ev.buf), rows: ev.rows, sheet: ev.sheet });
    rows += ev.rows;
  } else if (ev.kind === 'records') {
    const cls = classify(ev.table, ev.columns, ev.rows);
    const p = project(cls);
    tasks.push(
      p
        ? { kind: 'packed-records', key, classes: p.classes, width: p.keep.length, packed: packRows(ev.rows, p.keep, 0) }
        : { kind: 'packed-records', key, classes: cls, width: cls.length, packed: packRows(ev.rows, null, cls.length) },
    );
    rows += ev.rows.length;
  } else if (ev.kind === 'ndjson-block') {
    // Builds without NDJSON blocks (before issue 21's dump21) ignore the option and send records.
    const { ndjsonBlockRows } = await imp('readers/ndjson-block.js');
    const cls = classify(ev.table, ev.columns, ndjsonBlockRows(ev.buf, ev.source, ev.columns.length));
    const p = project(cls);
    tasks.push({ kind: 'ndjson-block', key, classes: p ? p.classes : cls, source: ev.source, width: ev.columns.length, keep: p ? p.keep : null, buf: new Uint8Array(ev.buf) });
    rows += ev.rows;
  } else if (ev.kind === 'text-block') {
    tasks.push({ kind: 'text-block', key, buf: new Uint8Array(ev.buf) });
    rows += ev.lines;
  } else if (ev.kind === 'lines') {
    tasks.push({ kind: 'lines', key, lines: ev.lines });
    rows += ev.lines.length;
  }
}
const read = process.cpuUsage(t0);
const builds = [{ dist, processBatch, detection: defaultDetection, times: [], sig: createHash('sha1') }];
if (newDist) {
  const p = (x) => import(resolve(newDist, 'assessment/scanner', x));
  builds.push({ dist: newDist, processBatch: (await p('engine/batch.js')).processBatch, detection: (await p('engine/default-detection.js')).defaultDetection, times: [], sig: createHash('sha1') });
}
for (let r = 0; r < Number(rounds); r++) {
  // ABBA: each build goes first as often as the other.
  const order = r % 4 === 0 || r % 4 === 3 ? builds : [...builds].reverse();
  for (const b of order) {
    const c0 = process.cpuUsage();
    for (const t of tasks) {
      t.run = `round${r}/${b.dist}`;
      const out = b.processBatch(t, b.detection);
      if (r === 0) {
        b.sig.update(JSON.stringify([out.records, out.withPersonal, out.elementRecords, out.combos, out.samples, out.secrets, out.hintNames]));
        for (const a of [out.values, out.meta, out.hints]) b.sig.update(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
      }
    }
    const c = process.cpuUsage(c0);
    b.times.push((c.user + c.system) / 1e3);
  }
}
const us = (ms) => +((ms * 1e3) / rows).toFixed(2);
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const head = { file: file.split('/').pop(), rows, batches: tasks.length, readCpuMs: Math.round((read.user + read.system) / 1e3) };
if (!newDist) {
  const [b] = builds;
  console.log(JSON.stringify({ dist, ...head, roundCpuMs: b.times.map(Math.round), usPerRow: us(Math.min(...b.times)), sig: b.sig.digest('hex').slice(0, 12) }));
} else {
  const each = (b) => ({ bestUs: us(Math.min(...b.times)), medianUs: us(median(b.times)), sig: b.sig.digest('hex').slice(0, 12) });
  console.log(JSON.stringify({ ...head, base: each(builds[0]), new: each(builds[1]) }));
}

#!/usr/bin/env node
/**
 * worker-rows.mjs for two builds in one process (issue 21, branch tables21b): reads FILE once with
 * BASE's reader into the tasks a detection thread gets, then runs BASE's and NEW's
 * `processBatch` over them in alternated rounds (ABBA…), each round with a new scan id (the
 * sent-values cache starts empty). Both builds see the same load at the same moment, so on a
 * loaded machine their best rounds compare far better than two processes minutes apart. Prints
 * each build's best and median CPU µs a row and a hash of every batch result of its first round
 * (counts, samples, every digest): the two `sig`s must be equal.
 *   node bench/scan/worker-rows-paired.mjs BASE_DIST NEW_DIST FILE [ROUNDS=6]
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

const [dist, newDist, file, rounds = '6'] = process.argv.slice(2);
const imp = (p) => import(resolve(dist, 'assessment/scanner', p));
const { readPath } = await imp('readers/index.js');
const { defaultDetection } = await imp('engine/default-detection.js');
const { packRows } = await imp('engine/pack.js');
const { columnIsRead } = await imp('classify/column-read.js');
const { sqlBlockRows } = await imp('readers/sql-block.js');
const { csvBlockRows } = await imp('readers/csv-block.js');

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
for await (const ev of readPath(file, { csvBlocks: true, sqlBlocks: true, textBlocks: true })) {
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
  } else if (ev.kind === 'records') {
    const cls = classify(ev.table, ev.columns, ev.rows);
    const p = project(cls);
    tasks.push(
      p
        ? { kind: 'packed-records', key, classes: p.classes, width: p.keep.length, packed: packRows(ev.rows, p.keep, 0) }
        : { kind: 'packed-records', key, classes: cls, width: cls.length, packed: packRows(ev.rows, null, cls.length) },
    );
    rows += ev.rows.length;
  } else if (ev.kind === 'text-block') {
    tasks.push({ kind: 'text-block', key, buf: new Uint8Array(ev.buf) });
    rows += ev.lines;
  } else if (ev.kind === 'lines') {
    tasks.push({ kind: 'lines', key, lines: ev.lines });
    rows += ev.lines.length;
  }
}
const read = process.cpuUsage(t0);
const builds = [];
for (const d of [dist, newDist]) {
  const p = (x) => import(resolve(d, 'assessment/scanner', x));
  builds.push({ dist: d, processBatch: (await p('engine/batch.js')).processBatch, detection: (await p('engine/default-detection.js')).defaultDetection, times: [], sig: createHash('sha1') });
}
for (let r = 0; r < Number(rounds); r++) {
  // ABBA: each build goes first as often as the other.
  const order = r % 4 === 0 || r % 4 === 3 ? builds : [builds[1], builds[0]];
  for (const b of order) {
    const c0 = process.cpuUsage();
    for (const t of tasks) {
      t.run = `round${r}${b.dist}`;
      const out = b.processBatch(t, b.detection);
      if (r < 2) {
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
console.log(JSON.stringify({
  file: file.split('/').pop(), rows, batches: tasks.length, readCpuMs: Math.round((read.user + read.system) / 1e3),
  ...Object.fromEntries(builds.map((b, i) => [i === 0 ? 'base' : 'new', { bestUs: us(Math.min(...b.times)), medianUs: us(median(b.times)), sig: b.sig.digest('hex').slice(0, 12) }])),
}));

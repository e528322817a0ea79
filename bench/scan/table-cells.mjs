#!/usr/bin/env node
/**
 * Where a table row's time goes before the engine's bookkeeping (issue 21, branch cells21): for a
 * CSV file, the row split alone (`eachBlockRow` over 512 KiB blocks, every column but the first
 * kept) and each classified column's validator alone (µs a value), for one or more builds, in
 * alternated rounds in one process (a loaded machine shifts every build alike). Best round each.
 * Then the engine's bookkeeping per row (branch engine23): `processBatch` over the rows with a
 * detection port that hands back each row's findings detected beforehand, so only addRecord, the
 * link keys, hints, the digests and the sent-values memory are timed; and `eachLinkKeyBytes` alone.
 *   node bench/scan/table-cells.mjs FILE.csv DIST [DIST…]      # DIST: a build's dist/ folder
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [file, ...dists] = process.argv.slice(2);
if (!file || dists.length === 0) throw new Error('usage: table-cells.mjs FILE.csv DIST [DIST…]');
const builds = await Promise.all(
  dists.map(async (d) => {
    const imp = (p) => import(resolve(d, 'assessment/scanner', p));
    return {
      dist: d,
      block: await imp('readers/csv-block.js'),
      detectorFor: (await imp('detectors/index.js')).detectorFor,
      detection: (await imp('engine/default-detection.js')).defaultDetection,
      processBatch: (await imp('engine/batch.js')).processBatch,
      eachLinkKeyBytes: (await imp('engine/link-key-bytes.js')).eachLinkKeyBytes,
      digests: await imp('engine/batch-digests.js'),
    };
  }),
);
const buf = readFileSync(file);
const nl = buf.indexOf(10);
const header = buf.subarray(0, nl).toString().replace(/\r$/, '').split(',');
const width = header.length;
const body = buf.subarray(nl + 1);
const blocks = [];
for (let i = 0; i < body.length; ) {
  const e = body.indexOf(10, Math.min(body.length, i + 512 * 1024) - 1) + 1 || body.length;
  blocks.push(new Uint8Array(body.subarray(i, e)));
  i = e;
}
const quoted = body.includes(34);
const rows = builds[0].block.csvBlockRows(Buffer.concat(blocks), ',', width, null, quoted);
const keep = [...Array(width).keys()].slice(1);
const best = (f) => {
  const t0 = process.cpuUsage();
  f();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1e3;
};
const ROUNDS = 8;
const table = {};
let sink = 0;
for (let r = 0; r < ROUNDS; r++) {
  for (let k = 0; k < builds.length; k++) {
    const b = builds[(r + k) % builds.length];
    const ms = best(() => {
      for (const blk of blocks) b.block.eachBlockRow(blk, ',', width, keep, quoted, (row) => (sink += row.length));
    });
    const key = `split (µs a row)`;
    table[key] ??= {};
    table[key][b.dist] = Math.min(table[key][b.dist] ?? Infinity, (ms * 1e3) / rows.length);
  }
}
const classes = builds[0].detection.classifyColumns('t', header, rows.slice(0, 200));
for (let j = 0; j < width; j++) {
  const el = classes[j].element;
  if (!el) continue;
  const values = rows.map((row) => row[j]).filter((v) => v != null);
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < builds.length; k++) {
      const b = builds[(r + k) % builds.length];
      const validate = b.detectorFor(el).validate;
      const ms = best(() => {
        for (const v of values) if (validate(v)) sink++;
      });
      const key = `${header[j]}: ${el} (µs a value)`;
      table[key] ??= {};
      table[key][b.dist] = Math.min(table[key][b.dist] ?? Infinity, (ms * 1e3) / values.length);
    }
  }
}
// A phone column as the engine reads it: each build's own class of the column (a NANP column's
// handler since branch phone23) through detectRecord, one cell a row.
for (let j = 0; j < width; j++) {
  if (classes[j].element !== 'phone') continue;
  const cells = rows.map((row) => [row[j]]).filter((r) => r[0] != null);
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < builds.length; k++) {
      const b = builds[(r + k) % builds.length];
      const one = [b.detection.classifyColumns('t', header, rows.slice(0, 200))[j]];
      const ms = best(() => {
        for (const c of cells) sink += b.detection.detectRecord(one, c).elements.length;
      });
      const key = `${header[j]}: phone column path (µs a value)`;
      table[key] ??= {};
      table[key][b.dist] = Math.min(table[key][b.dist] ?? Infinity, (ms * 1e3) / cells.length);
    }
  }
}
// The findings of every row, once (the detectors are not what this part times).
const found = rows.map((row) => builds[0].detection.detectRecord(classes, row));
const indexRows = found.map((_, i) => [String(i)]);
const key = Buffer.alloc(32, 7);
for (let r = 0; r < ROUNDS; r++) {
  for (let k = 0; k < builds.length; k++) {
    const b = builds[(r + k) % builds.length];
    const port = { ...b.detection, detectRecord: (_c, row) => found[Number(row[0])] };
    const ms = best(() => {
      // 512-row batches, a new run each round (the sent-values memory starts empty, as in a scan).
      for (let i = 0; i < indexRows.length; i += 512) sink += b.processBatch({ kind: 'records', key, run: `r${r}`, classes: [], rows: indexRows.slice(i, i + 512) }, port).values.length;
    });
    const name = 'bookkeeping: processBatch (µs a row)';
    table[name] ??= {};
    table[name][b.dist] = Math.min(table[name][b.dist] ?? Infinity, (ms * 1e3) / rows.length);
    const kd = b.digests.keyed(key, `links${r}`);
    const q = new b.digests.LinkQueue(kd, new b.digests.GrowU32(), new b.digests.GrowU32());
    const ms2 = best(() => {
      kd.batch.reset();
      q.values.n = 0;
      for (const f of found) b.eachLinkKeyBytes(f.elements, false, q);
      kd.batch.finish();
    });
    const name2 = 'bookkeeping: link keys (µs a row)';
    table[name2] ??= {};
    table[name2][b.dist] = Math.min(table[name2][b.dist] ?? Infinity, (ms2 * 1e3) / rows.length);
  }
}
for (const [k, v] of Object.entries(table)) console.log(k.padEnd(40), ...dists.map((d) => v[d].toFixed(3).padStart(8)));
if (sink < 0) console.log(sink);

#!/usr/bin/env node
/**
 * CPU cost of spooling a streamed zip or workbook (issue 18 §3: spools encrypted at rest). A file is
 * read as evidence is, a stream with no path behind it, so the reader spools it to $TMPDIR before
 * yauzl opens it:
 *   node bench/scan/spool-cost.mjs READERS_DIR FILE
 * READERS_DIR holds a build of src/assessment/scanner/readers (e.g. dist/assessment/scanner/readers,
 * or a tsc build of an older commit). Prints CPU seconds (user+system of this process), the events'
 * SHA-256 (identical before/after = same reading) and the row count, as one JSON line.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, file] = process.argv.slice(2);
if (!dir || !file) {
  console.error('usage: spool-cost.mjs READERS_DIR FILE');
  process.exit(2);
}
const { readStream } = await import(pathToFileURL(resolve(dir, 'index.js')).href);
const t0 = process.cpuUsage();
const hash = createHash('sha256');
let rows = 0;
for await (const ev of readStream(basename(file), createReadStream(file, { highWaterMark: 256 * 1024 }))) {
  if (ev.kind === 'records') rows += ev.rows.length;
  hash.update(JSON.stringify(ev));
}
const t = process.cpuUsage(t0);
console.log(JSON.stringify({ file: basename(file), cpuS: +((t.user + t.system) / 1e6).toFixed(3), rows, events: hash.digest('hex').slice(0, 16) }));

/**
 * NDJSON lines handed to the detection threads unparsed (issue 21), like CSV and SQL blocks
 * (csv-block.ts, sql-block.ts). With `ndjson-shapes.ts` the reading thread already read a line of
 * a learned shape with one RegExp instead of `JSON.parse`; it still built every cell's string,
 * padded and packed the rows (pack.ts) and structured-cloned them to a worker, which unpacked them:
 * on issue 21's `ndjson` shape the reading thread was the busiest of the three (≈ 1.0 CPU-s of
 * 3.7 for 40 MB, a third of it garbage collection). Now, when every line of a batch has the same
 * learned shape, the reading thread only *tests* each line against the shape's RegExp (no
 * captures, no strings) and sends the bytes with the RegExp's source; the worker runs the same
 * RegExp with captures and turns them into cells with the same functions (stringText,
 * scalarText), so the rows are exactly those the `records` event would carry: one column a leaf,
 * in the shape's leaf order, every row full (ndjson-block.test.ts).
 */
import { isBlank, scalarText, stringText } from './ndjson-shapes.js';

/** Compiled shapes by source, per thread: a file has at most 16 shapes (ndjson-shapes.ts). */
const compiled = new Map<string, RegExp>();
const MAX_COMPILED = 64;

function shapeRe(source: string): RegExp {
  let re = compiled.get(source);
  if (re === undefined) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    re = new RegExp(source);
    compiled.set(source, re);
  }
  return re;
}

/**
 * The rows of a block — its non-blank lines, each matched by `source` (the reader tested them) —
 * with all `width` leaves or, with `keep`, only those columns (the engine's projection), into
 * `visit`, which must not keep the array (reused for projected rows). Each line is decoded on its
 * own: a cell is a slice of its line, so a cached value keeps only its line alive (as pack.ts's
 * one string a row), not the block.
 */
export function eachNdjsonBlockRow(
  buf: Uint8Array,
  source: string,
  width: number,
  keep: number[] | null,
  visit: (row: (string | null)[]) => void,
): void {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const re = shapeRe(source);
  let slot: Int32Array | null = null;
  const out: (string | null)[] = [];
  if (keep) {
    slot = new Int32Array(width).fill(-1);
    keep.forEach((c, k) => {
      if (c < width) slot![c] = k;
    });
    for (let k = 0; k < keep.length; k++) out.push(null);
  }
  const n = b.length;
  let pos = 0;
  while (pos < n) {
    let nl = b.indexOf(10, pos);
    if (nl < 0) nl = n;
    const line = b.toString('utf8', pos, nl);
    pos = nl + 1;
    if (isBlank(line)) continue;
    const m = re.exec(line);
    if (m === null || m.length !== 2 * width + 1) throw new Error('ndjson-block: a line does not have the shape the reader tested');
    if (slot === null) {
      // Filled by push: a packed array, like every other block's rows (pack.ts explains why).
      const row: (string | null)[] = [];
      for (let i = 0; i < width; i++) {
        const str = m[2 * i + 1];
        row.push(str !== undefined ? stringText(str) : scalarText(m[2 * i + 2]));
      }
      visit(row);
    } else {
      for (let i = 0; i < width; i++) {
        const k = slot[i];
        if (k < 0) continue;
        const str = m[2 * i + 1];
        out[k] = str !== undefined ? stringText(str) : scalarText(m[2 * i + 2]);
      }
      visit(out);
    }
  }
}

/** eachNdjsonBlockRow's rows as arrays (column classification's sample, tests). */
export function ndjsonBlockRows(buf: Uint8Array, source: string, width: number): (string | null)[][] {
  const rows: (string | null)[][] = [];
  eachNdjsonBlockRow(buf, source, width, null, (r) => rows.push(r));
  return rows;
}

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

/** Compiled shapes by source and projection, per thread: a file has at most 16 shapes (ndjson-shapes.ts). */
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
 * `source` with the two captures of every leaf not in `kept` (a byte per leaf) made non-capturing:
 * the same lines match, in the same way (the shape has no backreference: keys never hold a
 * backslash, ndjson-shapes.ts `PLAIN_KEY`), but a column the engine does not read is no longer a
 * string in every match array (issue 21). Its captures are then the kept leaves', in leaf order.
 * null when the source does not have two captures a leaf (then the full shape is used).
 */
export function projectedSource(source: string, kept: Uint8Array): string | null {
  let out = '';
  let group = 0;
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const c = source[i];
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      // A character class: its `(` are characters (a `]` right after `[` or `[^` would close it: the shapes have none).
      let j = i + 1;
      while (j < n && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j;
    } else if (c === '(' && source[i + 1] !== '?') {
      out += kept[group >> 1] ? '(' : '(?:';
      group++;
    } else out += c;
  }
  return group === 2 * kept.length ? out : null;
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
  let re = shapeRe(source);
  // With a projection: slot[r] = the place in `out` of the r-th capture pair of the projected shape.
  let slot: Int32Array | null = null;
  let pairs = width;
  const out: (string | null)[] = [];
  if (keep) {
    const place = new Int32Array(width).fill(-1);
    keep.forEach((c, k) => {
      if (c < width) place[c] = k;
    });
    const kept = Uint8Array.from(place, (k) => (k >= 0 ? 1 : 0));
    const key = `${source}\0${kept.join('')}`;
    let projected = compiled.get(key);
    if (projected === undefined) {
      const p = projectedSource(source, kept);
      projected = p === null ? re : new RegExp(p);
      if (compiled.size >= MAX_COMPILED) compiled.clear();
      compiled.set(key, projected);
    }
    if (projected !== re) {
      re = projected;
      slot = Int32Array.from(place.filter((k) => k >= 0));
    } else slot = place;
    pairs = slot.length;
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
    if (m === null || m.length !== 2 * pairs + 1) throw new Error('ndjson-block: a line does not have the shape the reader tested');
    if (slot === null) {
      // Filled by push: a packed array, like every other block's rows (pack.ts explains why).
      const row: (string | null)[] = [];
      for (let i = 0; i < width; i++) {
        const str = m[2 * i + 1];
        row.push(str !== undefined ? stringText(str) : scalarText(m[2 * i + 2]));
      }
      visit(row);
    } else {
      for (let i = 0; i < pairs; i++) {
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

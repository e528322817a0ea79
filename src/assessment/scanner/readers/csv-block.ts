/**
 * CSV blocks split where they are used (the scan engine's worker threads) instead of on the
 * reading thread: on a dense CSV, turning every field into a string on the one reading thread,
 * then cloning those strings to the workers, bounded the whole scan (bench/README.md,
 * 2026-11-27). The reader hands over a block only when splitting it here gives exactly the rows
 * its own tokenizer would (csv-reader.ts): a known header, whole lines, no row wider than the
 * header, and either no quote character at all or only strict RFC 4180 quoting (a quote opens a
 * field and closes it right before a delimiter or the line end, `""` inside; none of the
 * tokenizer's lenient repairs can apply, and the block ends outside quotes).
 */
import { wasmCountRows } from './csv-rows.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Whether line [start, end) is a row: the tokenizer skips a line that is empty once a CR is dropped. */
function isRow(buf: Uint8Array, start: number, end: number): boolean {
  return end - start > 1 || (end - start === 1 && buf[start] !== CR);
}

/**
 * The row-shape check the reader runs before handing a block over: every line has at most
 * `width` fields. Returns the number of non-empty lines (rows), or -1 when some line is wider.
 * `delim` is a single ASCII byte. It runs on the reading thread over every byte of the CSV, so
 * the WebAssembly SIMD kernel (csv-rows.ts) takes it where it can; countBlockRowsJs is the
 * definition, and the fallback.
 */
export function countBlockRows(buf: Uint8Array, delim: number, width: number): number {
  return wasmCountRows(buf, delim, width) ?? countBlockRowsJs(buf, delim, width);
}

/** countBlockRows in one JavaScript pass over the bytes (≈ 250 MB/s). */
export function countBlockRowsJs(buf: Uint8Array, delim: number, width: number): number {
  let rows = 0;
  let fields = 1;
  let start = 0;
  const n = buf.length;
  // Two comparisons per byte: this runs on the reading thread over every byte of the CSV.
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (c === delim) {
      if (++fields > width) return -1;
    } else if (c === LF) {
      if (isRow(buf, start, i)) rows++;
      fields = 1;
      start = i + 1;
    }
  }
  if (isRow(buf, start, n)) rows++;
  return rows;
}

/**
 * countBlockRows for a block with quotes: the rows (non-empty logical lines; a quoted field may
 * hold line breaks), or -1 when a row is wider than `width` or the quoting is not strictly RFC 4180
 * (a quote inside an unquoted field, text after a closing quote, a CR not before LF after one, or
 * a field still open at the end) — those keep the tokenizer's own repairs and error reports.
 */
export function countQuotedBlockRows(buf: Uint8Array, delim: number, width: number): number {
  const rows = countQuotedRows(buf, delim, width, quotedCut);
  return rows >= 0 && quotedCut.end === buf.length ? rows : -1;
}

/** Where the rows counted by the last countQuotedRows call end. */
export const quotedCut = { end: 0 };

/**
 * The complete rows at the start of a block with quotes: their count, with `cut.end` set to the
 * byte after the last LF outside quotes (0 when a quoted field spans the whole block). A block
 * whose line breaks sit inside quoted cells (multi-line notes, addresses) almost never ends
 * between rows; the reader hands over its complete rows and carries the rest into the next block
 * (csv-reader.ts). -1 when anything up to the block's end, the open row included, is not strict
 * RFC 4180 (see countQuotedBlockRows) or is wider than `width`.
 */
export function countQuotedRows(buf: Uint8Array, delim: number, width: number, cut: { end: number }): number {
  const FIELD = 0; // at a field start
  const PLAIN = 1; // in an unquoted field
  const QUOTED = 2; // in a quoted field
  const AFTER = 3; // after a quote inside a quoted field: `""` or the closing quote
  let state = FIELD;
  let rows = 0;
  let start = 0;
  let fields = 1;
  const n = buf.length;
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (state === QUOTED) {
      // Inside quotes only the next quote matters: jump to it natively (prose cells are long).
      const q = buf.indexOf(QUOTE, i);
      if (q < 0) break;
      i = q;
      state = AFTER;
      continue;
    }
    if (state === AFTER) {
      if (c === QUOTE) {
        state = QUOTED;
        continue;
      }
      if (c === CR) {
        // A CR as the block's last byte cannot be judged yet: the open row is carried, not refused.
        if (i + 1 < n && buf[i + 1] !== LF) return -1;
        continue;
      }
      if (c !== delim && c !== LF) return -1;
    }
    if (c === delim) {
      if (++fields > width) return -1;
      state = FIELD;
    } else if (c === LF) {
      if (isRow(buf, start, i)) rows++;
      start = i + 1;
      fields = 1;
      state = FIELD;
    } else if (c === QUOTE) {
      if (state !== FIELD) return -1;
      state = QUOTED;
    } else state = PLAIN;
  }
  cut.end = start;
  return rows;
}

/**
 * The rows of a block, as csv-tokenizer.ts's quote-free path and RowBatcher would give them:
 * lines split on `delim`, a trailing CR dropped, empty lines skipped, each row padded with null to
 * `width` — or, with `keep`, only those columns (the engine's projection). See eachBlockRow.
 */
export function csvBlockRows(
  buf: Uint8Array,
  delim: string,
  width: number,
  keep: number[] | null = null,
  quoted = false,
): (string | null)[][] {
  const rows: (string | null)[][] = [];
  eachBlockRow(buf, delim, width, keep, quoted, (r) => rows.push(r.slice()));
  return rows;
}

/**
 * csvBlockRows one row at a time, into `visit`, which gets the same array for every row of a
 * projected or unquoted block and must not keep it: the scan's workers detect a row and drop it,
 * so a block's rows are never all alive at once. Materialised, a 1 MiB block's ≈ 6,000 rows outlived
 * several young-generation collections and were copied by each (bench/README.md, 2026-11-27).
 *
 * Each line is decoded on its own (an LF byte never sits inside a UTF-8 sequence, so this gives
 * the same text as decoding the block): a field is a slice() of its line and keeps only the line
 * alive. Sliced from one block-sized string, every field a validator caches (phone numbers,
 * names) kept its whole block in the worker's capped heap — the 1 GB CSV peaked at 514 MB.
 */
export function eachBlockRow(
  buf: Uint8Array,
  delim: string,
  width: number,
  keep: number[] | null,
  quoted: boolean,
  visit: (row: (string | null)[]) => void,
): void {
  if (quoted) {
    quotedBlockRows(buf, delim, width, keep, visit);
    return;
  }
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  // slot[c] = position of column c in a projected row, or -1.
  let slot: Int32Array | null = null;
  let r: (string | null)[] = [];
  if (keep) {
    slot = new Int32Array(width).fill(-1);
    keep.forEach((c, k) => {
      if (c < width) slot![c] = k;
    });
    // A packed array (like every other row detectRecord sees), not `new Array(n)`'s holey one.
    r = keep.map(() => null);
  }
  const n = b.length;
  let pos = 0;
  while (pos < n) {
    let nl = b.indexOf(LF, pos);
    if (nl < 0) nl = n;
    const end = nl > pos && b[nl - 1] === CR ? nl - 1 : nl;
    if (end > pos) {
      const line = b.toString('utf8', pos, end);
      if (slot) {
        // Only the kept fields become strings (the others are skipped by position): the same
        // strings split() would give, without allocating the unused half of a wide row.
        r.fill(null);
        let start = 0;
        for (let c = 0; c < width; c++) {
          let stop = line.indexOf(delim, start);
          if (stop < 0) stop = line.length;
          const k = slot[c];
          if (k >= 0) r[k] = line.slice(start, stop);
          if (stop === line.length) break;
          start = stop + delim.length;
        }
        visit(r);
      } else visit(shapeRow(line.split(delim), width, null));
    }
    pos = nl + 1;
  }
}

/**
 * The rows of a block that passed countQuotedBlockRows: each logical row (up to an LF outside
 * quotes; in strict quoting the quote parity tells) is decoded on its own and split by
 * strictRowFields, which gives the fields the reader's own tokenizer (csv-tokenizer.ts) gives a
 * strictly quoted row, but makes strings only for the columns the engine reads (`keep`), into one
 * reused row. Through the tokenizer, every field of every row was a string (a quoted one built by
 * `+=`) and each row a new padded or projected array (≈ 8 % of a detection thread on
 * customers-us, issue 21).
 */
function quotedBlockRows(buf: Uint8Array, delim: string, width: number, keep: number[] | null, visit: (row: (string | null)[]) => void): void {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  // slot[c] = position of column c in the row handed to `visit`, or -1 (not read).
  const slot = new Int32Array(width).fill(-1);
  if (keep) {
    keep.forEach((c, k) => {
      if (c < width) slot[c] = k;
    });
  } else for (let c = 0; c < width; c++) slot[c] = c;
  // A packed array (like every other row detectRecord sees), not `new Array(n)`'s holey one.
  const r: (string | null)[] = [];
  for (let k = keep ? keep.length : width; k > 0; k--) r.push(null);
  // Each line decoded on its own (an LF byte never sits inside a UTF-8 sequence: the same text
  // as decoding the row at once); a row is complete at an LF outside quotes, which in strict
  // quoting is an even number of quotes so far. The quotes are counted in the line's string
  // (String indexOf, a builtin): counting them in the bytes took a Buffer indexOf, a call into
  // C++, per quote (≈ 3 % of a worker on customers-us, issue 21).
  let open = false;
  let pending = '';
  let from = 0;
  for (;;) {
    const nl = b.indexOf(LF, from);
    if (nl < 0) break;
    const line = b.toString('utf8', from, nl + 1);
    from = nl + 1;
    for (let q = line.indexOf('"'); q !== -1; q = line.indexOf('"', q + 1)) open = !open;
    if (open) pending += line;
    else if (pending === '') {
      if (strictRowFields(line, delim, slot, r)) visit(r);
    } else {
      // A quoted cell with line breaks: its row is its lines joined.
      const row = pending + line;
      pending = '';
      if (strictRowFields(row, delim, slot, r)) visit(r);
    }
  }
}

/**
 * One strictly quoted row `s` (its LF last; countQuotedRows checked the quoting: a quote only
 * opens a field and closes it right before the delimiter, the LF or a CR LF, `""` inside) into
 * `r`: field c at r[slot[c]] when slot[c] ≥ 0, absent fields null. The fields are parseCsvText's:
 * a quoted field's text with `""` read as `"`, an unquoted one up to the delimiter (the last one
 * without its CR), a row that is only a CR or nothing skipped (returns false).
 */
export function strictRowFields(s: string, delim: string, slot: Int32Array, r: (string | null)[]): boolean {
  const d = delim.charCodeAt(0);
  // The row's end: its LF, and a CR before it (dropped from an unquoted last field, as the tokenizer does).
  let end = s.length - 1;
  if (end > 0 && s.charCodeAt(end - 1) === CR) end--;
  if (end === 0) return false;
  r.fill(null);
  const width = slot.length;
  let i = 0;
  for (let c = 0; c < width; c++) {
    const k = slot[c];
    let next: number;
    if (s.charCodeAt(i) === QUOTE) {
      // Quoted: up to the quote not followed by another; `""` is one quote.
      let q = s.indexOf('"', i + 1);
      let val = k >= 0 ? s.slice(i + 1, q) : '';
      while (s.charCodeAt(q + 1) === QUOTE) {
        const q2 = s.indexOf('"', q + 2);
        if (k >= 0) val += `"${s.slice(q + 2, q2)}`;
        q = q2;
      }
      if (k >= 0) r[k] = val;
      next = q + 1;
    } else {
      // Unquoted: no quote, no LF inside, so the next delimiter ends it, or the row's end.
      next = s.indexOf(delim, i);
      if (next < 0) next = end;
      if (k >= 0) r[k] = s.slice(i, next);
    }
    // After a field: the delimiter, or the row's end (LF or CR LF).
    if (next >= end || s.charCodeAt(next) !== d) break;
    i = next + 1;
  }
  return true;
}

/** A row as RowBatcher gives it: padded with null to `width`; with `keep`, only those columns. */
function shapeRow(f: (string | null)[], width: number, keep: number[] | null): (string | null)[] {
  if (keep) return keep.map((c) => f[c] ?? null);
  while (f.length < width) f.push(null);
  return f;
}

/**
 * Quote-free CSV blocks, split where they are used (the scan engine's worker threads) instead of
 * on the reading thread: on a dense CSV, turning every field into a string on the one reading
 * thread, then cloning those strings to the workers, bounded the whole scan (bench/README.md,
 * 2026-11-27). The reader hands over a block only when splitting it here gives exactly the rows
 * its own tokenizer would (csv-reader.ts): no quote character, a known header, whole lines, no
 * row wider than the header.
 */

const LF = 10;
const CR = 13;

/**
 * The row-shape check the reader runs before handing a block over: every line has at most
 * `width` fields. Returns the number of non-empty lines (rows), or -1 when some line is wider.
 * One pass over the bytes; `delim` is a single ASCII byte.
 */
export function countBlockRows(buf: Uint8Array, delim: number, width: number): number {
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
      // A line holding only "\r" is empty, like the tokenizer's CRLF handling.
      if (i - start > 1 || (i - start === 1 && buf[start] !== CR)) rows++;
      fields = 1;
      start = i + 1;
    }
  }
  if (n - start > 1 || (n - start === 1 && buf[start] !== CR)) rows++;
  return rows;
}

/**
 * The rows of a block, as csv-tokenizer.ts's quote-free path and RowBatcher would give them:
 * lines split on `delim`, a trailing CR dropped, empty lines skipped, each row padded with null to
 * `width` — or, with `keep`, only those columns (the engine's projection).
 *
 * Each line is decoded on its own (an LF byte never sits inside a UTF-8 sequence, so this gives
 * the same text as decoding the block): a field is a slice() of its line and keeps only the line
 * alive. Sliced from one block-sized string, every field a validator caches (phone numbers,
 * names) kept its whole block in the worker's capped heap — the 1 GB CSV peaked at 514 MB.
 */
export function csvBlockRows(buf: Uint8Array, delim: string, width: number, keep: number[] | null = null): (string | null)[][] {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const rows: (string | null)[][] = [];
  // slot[c] = position of column c in a projected row, or -1.
  let slot: Int32Array | null = null;
  if (keep) {
    slot = new Int32Array(width).fill(-1);
    keep.forEach((c, k) => {
      if (c < width) slot![c] = k;
    });
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
        const r = new Array<string | null>(keep!.length).fill(null);
        let start = 0;
        for (let c = 0; c < width; c++) {
          let stop = line.indexOf(delim, start);
          if (stop < 0) stop = line.length;
          const k = slot[c];
          if (k >= 0) r[k] = line.slice(start, stop);
          if (stop === line.length) break;
          start = stop + delim.length;
        }
        rows.push(r);
      } else {
        const f: (string | null)[] = line.split(delim);
        while (f.length < width) f.push(null);
        rows.push(f);
      }
    }
    pos = nl + 1;
  }
  return rows;
}

/**
 * Record batches cross to detection worker threads packed: per row, one string holding its cells
 * end to end, plus one Int32Array of where each cell ends. Structured clone copies a few thousand
 * row strings and one typed array; the unpacked batch (an array of arrays of small strings) cost a
 * serialise per cell on the main thread and a deserialise per cell in the worker — 2× the time
 * (bench/README.md, 2026-11-27).
 *
 * One string per row, not per batch: a cell taken with slice() keeps its parent string alive, and
 * validator caches keep cells for the whole scan; a per-batch parent made every cached phone
 * number pin its whole batch (hundreds of KB) in the worker's capped heap. Log lines are sent as
 * they are: a few thousand long strings clone faster than they pack.
 */

/**
 * `rows[i]` holds row i's cells; `ends[i * width + c]` is where cell c ends in it, and a null
 * cell is stored as `-1 - end` (it has no characters, so its end is the previous cell's).
 */
export interface PackedRows {
  rows: string[];
  ends: Int32Array;
}

/** Rows (only the columns in `keep`, or all `width` columns) → PackedRows, `keep.length` cells a row. */
export function packRows(rows: (string | null)[][], keep: number[] | null, width: number): PackedRows {
  const w = keep ? keep.length : width;
  const ends = new Int32Array(rows.length * w);
  const out = new Array<string>(rows.length);
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let s = '';
    for (let c = 0; c < w; c++) {
      const v = row[keep ? keep[c] : c] ?? null;
      if (v === null) ends[k++] = -1 - s.length;
      else {
        s += v;
        ends[k++] = s.length;
      }
    }
    out[i] = s;
  }
  return { rows: out, ends };
}

export function unpackRows(p: PackedRows, width: number): (string | null)[][] {
  const n = p.rows.length;
  const rows = new Array<(string | null)[]>(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const s = p.rows[i];
    // Filled by push, not `new Array(width)`: a packed array, the same kind as the rows of CSV
    // blocks, so the optimised detectRecord sees one array shape (a holey one here threw its code
    // away on the first block; bench/README.md, issue 21, branch start21b).
    const row: (string | null)[] = [];
    let start = 0;
    for (let c = 0; c < width; c++) {
      const e = p.ends[k++];
      if (e < 0) row.push(null);
      else {
        row.push(s.slice(start, e));
        start = e;
      }
    }
    rows[i] = row;
  }
  return rows;
}

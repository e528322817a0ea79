/**
 * Batches cross to detection worker threads packed: one string holding every cell (or line) end
 * to end plus an Int32Array of where each ends. Structured clone copies a flat string and a typed
 * array with two memcpys; an array of thousands of small strings (the unpacked batch) costs a
 * serialise on the main thread and a deserialise in the worker per string — measured as ≈10 % of
 * the main thread and ≈5 % of each worker on a dense CSV (bench/README.md, 2026-11-27).
 */

/**
 * `ends[i]` is where cell i ends in `text`; a null cell is stored as `-1 - end` (it has no
 * characters, so its end is the previous cell's).
 */
export interface Packed {
  text: string;
  ends: Int32Array;
}

/** Rows (only the columns in `keep`, or all `width` columns) → Packed, `keep.length` cells a row. */
export function packRows(rows: (string | null)[][], keep: number[] | null, width: number): Packed {
  const w = keep ? keep.length : width;
  const ends = new Int32Array(rows.length * w);
  const parts: string[] = [];
  let at = 0;
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let c = 0; c < w; c++) {
      const v = row[keep ? keep[c] : c] ?? null;
      if (v === null) ends[k++] = -1 - at;
      else {
        parts.push(v);
        at += v.length;
        ends[k++] = at;
      }
    }
  }
  return { text: parts.join(''), ends };
}

export function unpackRows(p: Packed, width: number): (string | null)[][] {
  const n = width > 0 ? p.ends.length / width : 0;
  const rows = new Array<(string | null)[]>(n);
  let start = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const row = new Array<string | null>(width);
    for (let c = 0; c < width; c++) {
      const e = p.ends[k++];
      if (e < 0) row[c] = null;
      else {
        row[c] = p.text.slice(start, e);
        start = e;
      }
    }
    rows[i] = row;
  }
  return rows;
}

export function packLines(lines: string[]): Packed {
  const ends = new Int32Array(lines.length);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    at += lines[i].length;
    ends[i] = at;
  }
  return { text: lines.join(''), ends };
}

export function unpackLines(p: Packed): string[] {
  const lines = new Array<string>(p.ends.length);
  let start = 0;
  for (let i = 0; i < p.ends.length; i++) {
    lines[i] = p.text.slice(start, p.ends[i]);
    start = p.ends[i];
  }
  return lines;
}

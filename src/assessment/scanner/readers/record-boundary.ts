/**
 * Where a byte range of a delimited or line file may start (issue 18 §2: a big CSV/NDJSON/log file
 * split into ranges that workers read in parallel). A range must start where the whole file's
 * reader starts a record. For lines (NDJSON, logs) that is after any LF. For CSV it is after an LF
 * that is not inside a quoted field (RFC 4180 §2.6 lets quoted fields hold line breaks), which a
 * window taken from the middle of the file cannot see directly: the window's first LF is read
 * under both hypotheses — a record starts after it, or a quoted field is open across it — with the
 * tokenizer's own rules (csv-tokenizer.ts: a quote is special only at a field's start, `""` is a
 * literal quote, text after a closing quote is kept unless the field spanned lines, which the
 * reader reports as an unbalanced quote). A hypothesis that leads to such a report is false; when
 * both survive, a record start they share is the boundary (from there on they read alike); when
 * none is shared within the window the answer is "unknown" and the caller does not cut there.
 *
 * A wrong answer cannot change a report: the range before a wrong cut ends inside an open quoted
 * field, its reader reports an unbalanced quote, and the distributed scan then reads the file as
 * one shard (scan-shards.ts) — this function only makes that rare.
 */

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** The offset in `buf` just after its first LF: a line file's record start; -1 if it has none. */
export function lineStart(buf: Uint8Array): number {
  const i = buf.indexOf(LF);
  return i < 0 ? -1 : i + 1;
}

/**
 * Record starts (offsets just after an LF that ends a row) reading `buf` from `pos` under a
 * hypothesis: at a row's start, or inside a quoted field that already spans a line. Null when the
 * hypothesis breaks (text after a closing quote of a field that spanned lines). Stops at the end
 * of `buf` (whatever is open there is not judged) or after `max` record starts.
 */
export function recordStarts(buf: Uint8Array, pos: number, delim: number, openQuote: boolean, max = 64): number[] | null {
  const n = buf.length;
  const starts: number[] = [];
  let i = pos;
  let inQuote = openQuote;
  let spans = openQuote;
  let fieldStart = !openQuote;
  while (i < n && starts.length < max) {
    if (inQuote) {
      const q = buf.indexOf(QUOTE, i);
      if (q < 0) return starts;
      if (buf.subarray(i, q).indexOf(LF) !== -1) spans = true;
      if (q + 1 >= n) return starts;
      if (buf[q + 1] === QUOTE) {
        i = q + 2;
        continue;
      }
      inQuote = false;
      // Text after the closing quote up to the delimiter or LF (a CR before the LF is not text).
      let k = q + 1;
      while (k < n && buf[k] !== delim && buf[k] !== LF) k++;
      if (k >= n) return starts;
      const extra = k > q + 1 && !(k === q + 2 && buf[q + 1] === CR);
      if (extra && spans) return null;
      i = k;
      continue;
    }
    const c = buf[i];
    if (fieldStart && c === QUOTE) {
      inQuote = true;
      spans = false;
      fieldStart = false;
      i++;
      continue;
    }
    if (c === delim) fieldStart = true;
    else if (c === LF) {
      fieldStart = true;
      starts.push(i + 1);
    } else fieldStart = false;
    i++;
  }
  return starts;
}

/**
 * The offset in `buf` (bytes from the middle of a CSV file, not at its start) of the first
 * record start both readings agree on, or -1 when it cannot be told within `buf`.
 */
export function csvRecordStart(buf: Uint8Array, delim: number): number {
  const first = lineStart(buf);
  if (first < 0) return -1;
  const outside = recordStarts(buf, first, delim, false);
  const inside = recordStarts(buf, first, delim, true);
  if (outside && !inside) return first;
  if (inside && !outside) return inside[0] ?? -1;
  if (!outside || !inside) return -1;
  // Both readings hold so far: the first record start they share (outside's first is `first`).
  const shared = new Set(inside);
  for (const s of [first, ...outside]) if (shared.has(s)) return s;
  return -1;
}

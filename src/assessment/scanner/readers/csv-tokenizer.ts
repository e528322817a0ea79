/**
 * RFC 4180 tokenizer over strings: fields separated by a one-character delimiter, rows by LF or
 * CRLF, fields optionally enclosed in double quotes with `""` for a literal quote and line breaks
 * allowed inside quotes. Rows without a quote take a fast path (`String.prototype.split`, native
 * speed); rows with one go through a quote-aware scanner. Lenient like most producers: a quote
 * inside an unquoted field is literal, text after a closing quote is appended.
 */

export interface ParsedRow {
  fields: string[];
  /** Line the row starts on. */
  line: number;
}

export type ParseOutcome =
  /** All complete rows parsed; `rest` is the tail that starts an incomplete row. */
  | { done: true; rest: string; restLine: number }
  /** An incomplete quoted field: `openLine` is where its quote opened. */
  | { done: false; rest: string; restLine: number; openLine: number; broken: boolean };

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Set by parseQuotedRow when a quoted field is provably unbalanced (index of its opening quote). */
let brokenAt = -1;

/** Parse one row that contains a quote starting at `pos`. Returns end index, or -(openIndex + 1) when a quote is not closed in s. */
function parseQuotedRow(s: string, pos: number, d: number, eof: boolean, out: string[]): number {
  const n = s.length;
  let i = pos;
  for (;;) {
    let val: string;
    if (s.charCodeAt(i) === QUOTE) {
      const open = i;
      let j = i + 1;
      val = '';
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) return -(open + 1);
        val += s.slice(j, q);
        if (s.charCodeAt(q + 1) === QUOTE) {
          val += '"';
          j = q + 2;
          continue;
        }
        if (q + 1 >= n && !eof) return -(open + 1); // cannot tell `"` from `""` yet
        i = q + 1;
        break;
      }
      // Text after the closing quote up to the next delimiter/newline is kept (lenient).
      let k = i;
      while (k < n) {
        const c = s.charCodeAt(k);
        if (c === d || c === LF) break;
        k++;
      }
      if (k > i) {
        let extra = s.slice(i, k);
        if (extra.endsWith('\r')) extra = extra.slice(0, -1);
        // Text after a closing quote that spanned lines: the quote was never really closed (it
        // paired with a quote of a later row). Report it now instead of swallowing rows.
        if (extra.length && val.includes('\n')) {
          brokenAt = open;
          return -(open + 1);
        }
        val += extra;
      }
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = s.charCodeAt(k);
        if (c === d || c === LF) break;
        k++;
      }
      val = s.slice(i, k);
      if (k < n && s.charCodeAt(k) === LF && val.endsWith('\r')) val = val.slice(0, -1);
      i = k;
    }
    out.push(val);
    if (i >= n) {
      if (eof) return n;
      return -(n + 1); // row not finished in s; caller retries with more text
    }
    const c = s.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n && !eof) return -(n + 1);
      if (i >= n) {
        out.push('');
        return n;
      }
      continue;
    }
    return i + 1; // LF
  }
}

/**
 * Parse rows from s. Rows are passed to `emit`. When not at end of input, a trailing partial row
 * is returned in `rest` to be prepended to the next text.
 */
export function parseCsvText(
  s: string,
  delim: string,
  firstLine: number,
  eof: boolean,
  emit: (fields: string[], line: number) => void,
): ParseOutcome {
  const d = delim.charCodeAt(0);
  const n = s.length;
  let pos = 0;
  let line = firstLine;
  let q = s.indexOf('"');
  while (pos < n) {
    let nl = s.indexOf('\n', pos);
    if (nl < 0) {
      if (!eof) return { done: true, rest: s.slice(pos), restLine: line };
      nl = n;
    }
    if (q !== -1 && q < pos) q = s.indexOf('"', pos);
    if (q === -1 || q > nl) {
      const end = nl > pos && s.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      if (end > pos) emit(s.slice(pos, end).split(delim), line);
      line++;
      pos = nl + 1;
      continue;
    }
    const fields: string[] = [];
    brokenAt = -1;
    const r = parseQuotedRow(s, pos, d, eof, fields);
    if (r < 0) {
      const open = -r - 1;
      if (open >= n) return { done: true, rest: s.slice(pos), restLine: line };
      return { done: false, rest: s.slice(pos), restLine: line, openLine: line + countNl(s, pos, open), broken: brokenAt === open };
    }
    emit(fields, line);
    line += countNl(s, pos, r);
    pos = r;
  }
  return { done: true, rest: '', restLine: line };
}

function countNl(s: string, from: number, to: number): number {
  let k = 0;
  let i = s.indexOf('\n', from);
  while (i !== -1 && i < to) {
    k++;
    i = s.indexOf('\n', i + 1);
  }
  return k;
}

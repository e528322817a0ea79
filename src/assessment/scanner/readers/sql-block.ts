/**
 * SQL dump rows handed over unsplit, like CSV blocks (csv-block.ts): on a mysqldump, parsing every
 * value into a string on the one reading thread, batching rows and cloning them to the workers
 * bounded the whole scan and its memory (bench/README.md, issue 21). The reading thread only
 * checks where rows end and that they have the strict shape below; the detection threads split
 * them, each row decoded on its own so a cached value keeps only its row alive.
 *
 * Strict shapes, for which splitting here gives exactly the values sql-reader.ts's own tokenizer
 * gives (anything else stays on that path, with its repairs and error reports):
 * - `values`: rows `(v, …)` of an INSERT's VALUES list, at most `width` values each, separated by
 *   whitespace and at most one `,`; a value is a quoted string `'…'` (`''` inside, and backslash
 *   escapes when `backslash`: MySQL, https://dev.mysql.com/doc/refman/8.0/en/string-literals.html)
 *   or a bare token (number, NULL) without `(`, `'` or `;` — no introducers (`_binary '…'`,
 *   `X'…'`, `E'…'`), function calls, or empty values;
 * - `copy`: lines of a PostgreSQL `COPY … FROM stdin` block in text format
 *   (https://www.postgresql.org/docs/current/sql-copy.html), at most `width` tab-separated fields,
 *   not empty, not the `\.` end marker, not longer than maxLineBytes.
 */
import { unescapeCopy, unescapeSql } from './sql-statements.js';

export const TAB = 9;
export const LF = 10;
export const CR = 13;
const SPACE = 32;
export const QUOTE = 39;
export const LPAREN = 40;
export const RPAREN = 41;
export const COMMA = 44;
export const SEMI = 59;
export const BACKSLASH = 92;
export const UNDERSCORE = 95;

/** The tokenizer's white space (sql-reader.ts WS). */
export const isWs = (c: number) => c === SPACE || c === LF || c === CR || c === TAB;

export type SqlBlockMode = 'values' | 'copy';

/** A run of strict rows found in a text: it ends before `end`; `rows` of them. */
export interface StrictRun {
  end: number;
  rows: number;
}

/**
 * From `pos`, between two rows of a VALUES list (after the statement head or a row's `)`), the
 * longest run (of at most `maxRows`) of complete strict rows within `s`. `rows` is 0 when the next row is not strict or
 * not complete in `s` (the tokenizer then reads it).
 */
export function strictValueRows(s: string, pos: number, backslash: boolean, width: number, maxRows = Number.POSITIVE_INFINITY): StrictRun {
  const n = s.length;
  let end = pos;
  let rows = 0;
  let i = pos;
  // Index of the next backslash at or after some earlier point (-1: none left): found once and
  // reused, or every quoted value would search to the end of the text.
  let nextBs = backslash ? -2 : -1;
  while (rows < maxRows) {
    while (i < n && isWs(s.charCodeAt(i))) i++;
    if (i < n && s.charCodeAt(i) === COMMA) {
      i++;
      while (i < n && isWs(s.charCodeAt(i))) i++;
    }
    if (i >= n || s.charCodeAt(i) !== LPAREN) break;
    i++;
    let values = 0;
    let closed = false;
    for (;;) {
      while (i < n && isWs(s.charCodeAt(i))) i++;
      if (i >= n) break;
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        let j = i + 1;
        let close = -1;
        for (;;) {
          const q = s.indexOf("'", j);
          if (q < 0) break;
          if (nextBs !== -1) {
            if (nextBs < j) nextBs = s.indexOf('\\', j);
            if (nextBs !== -1 && nextBs < q) {
              j = nextBs + 2;
              continue;
            }
          }
          if (s.charCodeAt(q + 1) === QUOTE) {
            j = q + 2;
            continue;
          }
          close = q;
          break;
        }
        // A quote that is the text's last character may be the first of `''`: not complete.
        if (close < 0 || close + 1 >= n) break;
        i = close + 1;
      } else {
        if (c === RPAREN || c === COMMA || c === LPAREN || c === SEMI || c === UNDERSCORE) break;
        if (c >= 0x80 && s.slice(i, i + 1).trim() === '') break; // Unicode space: may trim to empty
        let k = i + 1;
        for (; k < n; k++) {
          const ch = s.charCodeAt(k);
          if (ch === COMMA || ch === RPAREN || ch === LPAREN || ch === QUOTE || ch === SEMI) break;
        }
        if (k >= n || s.charCodeAt(k) === LPAREN || s.charCodeAt(k) === QUOTE || s.charCodeAt(k) === SEMI) break;
        i = k;
      }
      if (++values > width) break;
      while (i < n && isWs(s.charCodeAt(i))) i++;
      if (i >= n) break;
      const sep = s.charCodeAt(i);
      if (sep === COMMA) {
        i++;
        continue;
      }
      if (sep === RPAREN) {
        i++;
        closed = true;
      }
      break;
    }
    if (!closed) break;
    end = i;
    rows++;
  }
  return { end, rows };
}

/**
 * From `pos`, at a line start inside a COPY block, the longest run (of at most `maxRows`) of whole
 * strict lines within `s` (the run ends after a line's LF).
 */
export function strictCopyLines(s: string, pos: number, width: number, maxLine: number, maxRows = Number.POSITIVE_INFINITY): StrictRun {
  let rows = 0;
  let i = pos;
  while (rows < maxRows) {
    const nl = s.indexOf('\n', i);
    if (nl < 0) break;
    const stop = nl > i && s.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    if (stop === i || nl - i > maxLine) break;
    if (stop - i === 2 && s.charCodeAt(i) === BACKSLASH && s.charCodeAt(i + 1) === 46) break; // `\.`
    let fields = 1;
    let t = s.indexOf('\t', i);
    while (t !== -1 && t < stop) {
      if (++fields > width) break;
      t = s.indexOf('\t', t + 1);
    }
    if (fields > width) break;
    i = nl + 1;
    rows++;
  }
  return { end: i, rows };
}

/**
 * The rows of a block, each padded with null to `width` or, with `keep`, only those columns (the
 * engine's projection), into `visit`, which must not keep the array (it is reused for projected
 * rows). `backslash`: MySQL's backslash escapes in quoted strings (values mode).
 */
export function eachSqlBlockRow(
  buf: Uint8Array,
  mode: SqlBlockMode,
  backslash: boolean,
  width: number,
  keep: number[] | null,
  visit: (row: (string | null)[]) => void,
): void {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let slot: Int32Array | null = null;
  let out: (string | null)[] = [];
  if (keep) {
    slot = new Int32Array(width).fill(-1);
    keep.forEach((c, k) => {
      if (c < width) slot![c] = k;
    });
    out = nulls(keep.length);
  }
  const n = b.length;
  let pos = 0;
  // Next `)`, quote and backslash at or after the last place looked (-1: none left); 0: not looked yet.
  let nextParen = 0;
  let nextQuote = 0;
  let nextSlash = 0;
  while (pos < n) {
    const c = b[pos];
    if (mode === 'copy') {
      let nl = b.indexOf(LF, pos);
      if (nl < 0) nl = n;
      const stop = nl > pos && b[nl - 1] === CR ? nl - 1 : nl;
      const line = b.toString('utf8', pos, stop);
      if (slot) out.fill(null);
      else out = nulls(width);
      let start = 0;
      for (let f = 0; ; f++) {
        let t = line.indexOf('\t', start);
        if (t < 0) t = line.length;
        // A column the engine does not read (`slot` −1) gets no string: put would drop it.
        if (slot === null || (f < width && slot[f] >= 0)) put(out, slot, width, f, unescapeCopy(line.slice(start, t)));
        if (t === line.length) break;
        start = t + 1;
      }
      visit(out);
      pos = nl + 1;
      continue;
    }
    if (c !== LPAREN) {
      pos++; // whitespace and the `,` between rows
      continue;
    }
    // The row's `)`: the first one outside quotes (strict rows have no parentheses in bare tokens).
    // Found by native indexOf jumps between quotes, backslashes and `)`, not a JavaScript loop over
    // every byte (≈ 5 % of a worker on mysqldump, issue 21); each next-position only moves forward.
    let j = pos + 1;
    for (;;) {
      if (nextParen !== -1 && nextParen < j) nextParen = b.indexOf(RPAREN, j);
      if (nextQuote !== -1 && nextQuote < j) nextQuote = b.indexOf(QUOTE, j);
      if (nextParen === -1) {
        j = n;
        break;
      }
      if (nextQuote === -1 || nextParen < nextQuote) {
        j = nextParen;
        break;
      }
      // A quoted string from nextQuote: its end is the next quote not escaped by a backslash
      // (MySQL) and not doubled.
      let k = nextQuote + 1;
      for (;;) {
        if (nextQuote !== -1 && nextQuote < k) nextQuote = b.indexOf(QUOTE, k);
        if (nextQuote === -1) {
          k = n;
          break;
        }
        if (backslash) {
          if (nextSlash !== -1 && nextSlash < k) nextSlash = b.indexOf(BACKSLASH, k);
          if (nextSlash !== -1 && nextSlash < nextQuote) {
            k = nextSlash + 2;
            continue;
          }
        }
        if (b[nextQuote + 1] === QUOTE) {
          k = nextQuote + 2;
          continue;
        }
        k = nextQuote + 1;
        break;
      }
      j = k;
      if (j >= n) break;
    }
    if (slot) out.fill(null);
    else out = nulls(width);
    rowValues(b.toString('utf8', pos + 1, j), backslash, out, slot, width);
    visit(out);
    pos = j + 1;
  }
}

/**
 * Value `v` of field `c` into the row `out`: at `c`, or with a projection (`slot`: field → place,
 * -1 dropped) at its place. A function of its arguments, not a closure made per block: a closure
 * per call was a new call target for every block, and each thread threw away the optimised
 * rowValues and eachSqlBlockRow once for it (`--trace-deopt`: "wrong call target", issue 21).
 */
function put(out: (string | null)[], slot: Int32Array | null, width: number, c: number, v: string | null): void {
  if (slot !== null) {
    if (c < width && slot[c] >= 0) out[slot[c]] = v;
  } else out[c] = v;
}

/** The values of one strict row's inside (between its parentheses), as the tokenizer gives them, into `out` (see put). */
function rowValues(row: string, backslash: boolean, out: (string | null)[], slot: Int32Array | null, width: number): void {
  const n = row.length;
  let i = 0;
  // The next backslash at or after some earlier point (-1: none left; -2: not looked for yet).
  let nextBs = backslash ? -2 : -1;
  for (let f = 0; i < n; f++) {
    while (i < n && isWs(row.charCodeAt(i))) i++;
    // Reads past the end are guarded here and below (`q + 1 < n`: a row's last value quoted): one
    // unguarded charCodeAt out of bounds threw each thread's optimised code away (`--trace-deopt`,
    // "out of bounds", issue 21).
    if (i < n && row.charCodeAt(i) === QUOTE) {
      // The closing quote by native indexOf jumps (strict rows close every string), not a
      // JavaScript loop over every character (≈ 8 % of a worker on mysqldump, issue 21); only a
      // string that held an escape or a doubled quote goes through unescapeSql.
      let j = i + 1;
      let escaped = false;
      for (;;) {
        const q = row.indexOf("'", j);
        if (nextBs !== -1 && nextBs < j) nextBs = row.indexOf('\\', j);
        if (nextBs !== -1 && (q === -1 || nextBs < q)) {
          j = nextBs + 2;
          escaped = true;
          continue;
        }
        if (q === -1) {
          j = n;
          break;
        }
        if (q + 1 < n && row.charCodeAt(q + 1) === QUOTE) {
          j = q + 2;
          escaped = true;
          continue;
        }
        j = q;
        break;
      }
      const inner = row.slice(i + 1, j);
      put(out, slot, width, f, escaped ? unescapeSql(inner, backslash) : inner);
      i = j + 1;
    } else {
      let k = row.indexOf(',', i);
      if (k < 0) k = n;
      const tok = row.slice(i, k).trim();
      put(out, slot, width, f, tok.length === 4 && /^null$/i.test(tok) ? null : tok);
      i = k;
    }
    while (i < n && row.charCodeAt(i) !== COMMA) i++;
    i++;
  }
}

/** eachSqlBlockRow's rows as arrays (column classification's sample, tests). */
export function sqlBlockRows(buf: Uint8Array, mode: SqlBlockMode, backslash: boolean, width: number): (string | null)[][] {
  const rows: (string | null)[][] = [];
  eachSqlBlockRow(buf, mode, backslash, width, null, (r) => rows.push(r.slice()));
  return rows;
}

/**
 * `n` nulls in a packed array: `new Array(n).fill(null)` is a holey one, and rows of two array
 * kinds (the first rows come packed, pack.ts) threw the optimised detectRecord away once a thread
 * (bench/README.md, issue 21, branch start21b).
 */
function nulls(n: number): (string | null)[] {
  const a: (string | null)[] = [];
  for (let i = 0; i < n; i++) a.push(null);
  return a;
}

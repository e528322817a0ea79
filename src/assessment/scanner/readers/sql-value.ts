/**
 * One value of an `INSERT … VALUES` row tuple, as sql-reader.ts's scanner meets it: a quoted
 * string (`''` doubled, MySQL backslash escapes, introducers such as `_binary '…'`, `E'…'`) or a
 * bare token (number, NULL, `0x…`, a function call up to its `,` or `)` outside parentheses).
 */
import { INTRODUCER } from './sql-heads.js';
import { unescapeSql } from './sql-statements.js';

export type ValueScan =
  /** The value and where it ends. */
  | { kind: 'value'; val: string | null; end: number }
  /** The text ends inside a quoted string that opened at `q`. */
  | { kind: 'open-string'; q: number }
  /** The text ends inside a bare token. */
  | { kind: 'open-token' };

/** The next backslash at or after a position, cached across calls within one text (−2: not looked yet, −1: none left). */
export interface BackslashCache {
  next: number;
}

/** Scans the value at s[pos] (not white space); `c` is its first character code. */
export function scanValue(s: string, pos: number, c: number, eof: boolean, backslash: boolean, bs: BackslashCache): ValueScan {
  const n = s.length;
  let q = pos;
  if (c === 95 /* _charset introducer, e.g. _binary */ || ((c === 69 || c === 101 || c === 88 || c === 120 || c === 66 || c === 98 || c === 78 || c === 110) && s.charCodeAt(pos + 1) === 39)) {
    INTRODUCER.lastIndex = pos;
    if (INTRODUCER.test(s)) q = INTRODUCER.lastIndex - 1;
  }
  if (s.charCodeAt(q) === 39) {
    const esc = backslash || c === 69 || c === 101;
    let j = q + 1;
    let closed = -1;
    let escaped = false;
    for (;;) {
      const qq = s.indexOf("'", j);
      if (qq < 0) break;
      if (esc) {
        if (bs.next !== -1 && bs.next < j) bs.next = s.indexOf('\\', j);
        if (bs.next !== -1 && bs.next < qq) {
          j = bs.next + 2;
          escaped = true;
          continue;
        }
      }
      if (s.charCodeAt(qq + 1) === 39) {
        j = qq + 2;
        escaped = true;
        continue;
      }
      if (qq + 1 >= n && !eof) break;
      closed = qq;
      break;
    }
    if (closed < 0) return { kind: 'open-string', q };
    return { kind: 'value', val: escaped ? unescapeSql(s.slice(q + 1, closed), esc) : s.slice(q + 1, closed), end: closed + 1 };
  }
  let depth = 0;
  let k = pos;
  for (; k < n; k++) {
    const ch = s.charCodeAt(k);
    if (ch === 40) depth++;
    else if (ch === 41) {
      if (depth === 0) break;
      depth--;
    } else if (ch === 44 && depth === 0) break;
    else if (ch === 59 || ch === 39) break;
  }
  if (k >= n && !eof) return { kind: 'open-token' };
  const tok = s.slice(pos, k).trim();
  return { kind: 'value', val: /^null$/i.test(tok) ? null : tok, end: k };
}

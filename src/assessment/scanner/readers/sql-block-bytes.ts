/**
 * sql-block.ts's strict VALUES rows found on the UTF-8 bytes of a dump, not on its decoded text (a port
 * of strictValueRows, byte for character; sql-byte-scanner.test.ts checks the two agree):
 * on a mysqldump the reading thread decoded every chunk, checked the rows on the text and encoded
 * them again for the detection threads, ≈ 60 % of its time (bench/README.md, issue 21, dump21b).
 * A row's structure is all ASCII (`(`, `)`, `,`, `'`, `\`, `;`, white space), and every byte of a
 * multi-byte UTF-8 character is ≥ 0x80, so a quote, a backslash or a parenthesis found on the
 * bytes is the one found on the text; skipping the character after a backslash skips its first
 * byte, and the bytes after it are never structural. One difference, on the safe side: a bare
 * token that starts with a non-ASCII byte is not taken here (on the text, only a Unicode space
 * there is refused: it may trim to an empty value); the tokenizer reads that row as before.
 */
import { BACKSLASH, COMMA, isWs, LPAREN, QUOTE, RPAREN, SEMI, type StrictRun, UNDERSCORE } from './sql-block.js';

/** A strict run on bytes; `more`: it stopped because the bytes ended (the next row may be strict once complete). */
export interface ByteRun extends StrictRun {
  more: boolean;
}

/**
 * strictValueRows (sql-block.ts) on bytes: from `pos`, between two rows of a VALUES list, the longest
 * run of at most `maxRows` complete strict rows within `b`.
 */
export function strictValueBytes(b: Uint8Array, pos: number, backslash: boolean, width: number, maxRows: number): ByteRun {
  const n = b.length;
  let end = pos;
  let rows = 0;
  let i = pos;
  let more = false;
  while (rows < maxRows) {
    while (i < n && isWs(b[i])) i++;
    if (i < n && b[i] === COMMA) {
      i++;
      while (i < n && isWs(b[i])) i++;
    }
    if (i >= n) {
      more = true;
      break;
    }
    if (b[i] !== LPAREN) break;
    i++;
    let values = 0;
    let closed = false;
    for (;;) {
      while (i < n && isWs(b[i])) i++;
      if (i >= n) {
        more = true;
        break;
      }
      const c = b[i];
      if (c === QUOTE) {
        let k = i + 1;
        let close = -1;
        while (k < n) {
          const ch = b[k];
          if (ch === BACKSLASH && backslash) k += 2;
          else if (ch !== QUOTE) k++;
          // A quote that is the bytes' last may be the first of `''`: not complete.
          else if (k + 1 >= n) break;
          else if (b[k + 1] === QUOTE) k += 2;
          else {
            close = k;
            break;
          }
        }
        if (close < 0) {
          more = true;
          break;
        }
        i = close + 1;
      } else {
        if (c === RPAREN || c === COMMA || c === LPAREN || c === SEMI || c === UNDERSCORE || c >= 0x80) break;
        let k = i + 1;
        for (; k < n; k++) {
          const ch = b[k];
          if (ch === COMMA || ch === RPAREN || ch === LPAREN || ch === QUOTE || ch === SEMI) break;
        }
        if (k >= n) {
          more = true;
          break;
        }
        const ch = b[k];
        if (ch === LPAREN || ch === QUOTE || ch === SEMI) break;
        i = k;
      }
      if (++values > width) break;
      while (i < n && isWs(b[i])) i++;
      if (i >= n) {
        more = true;
        break;
      }
      const sep = b[i];
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
  return { end, rows, more };
}

/** Index of the first byte at or after `i` that is not white space (the tokenizer's WS). */
export function skipWs(b: Uint8Array, i: number): number {
  while (i < b.length && isWs(b[i])) i++;
  return i;
}

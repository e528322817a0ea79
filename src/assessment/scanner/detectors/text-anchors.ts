/**
 * Anchors of a block of log lines, found on the block's bytes (issue 21). scanText looks for
 * keywords with a table test at every character of a line (text-keywords.ts) and for name
 * candidates with a RegExp jump (text-names.ts); on a log, where every line is scanned, both
 * walk each line's string character by character. Here one pass over the block's UTF-8 bytes
 * finds, for every line made only of ASCII characters, the positions both would stop at:
 *  - keyword candidates: where text-keywords.ts's first-characters table test passes
 *    (`KeywordFinder.tables`);
 *  - name candidates: where `/[A-Z\u00C0-\u00DE\u0100-\u024F](?:[a-z\u00DF-\u024F]|\.? )/`
 *    (text-names.ts CANDIDATE) matches: on ASCII, an A–Z letter before a–z, a space or ". ".
 * In an ASCII line each character is one byte, so a byte offset is a character offset, and a
 * test that reads characters i … i + 3 reads bytes i … i + 3. Lines with any byte ≥ 128 (or a
 * length that does not match) are not marked: scanText walks their strings as before.
 * text-anchors.test.ts checks, on random log-like blocks, that scanText gives the same findings
 * with and without the anchors.
 */
import { isAscii } from 'node:buffer';
import { FOLD, type KeywordFinder, quadSlot } from './text-keywords.js';

export interface TextAnchors {
  /** Per line: 1 when the line is marked (ASCII, its characters are its bytes). */
  readonly ascii: Uint8Array;
  /** Keyword candidates of line i: kw[kwAt[i] … kwAt[i + 1]), offsets in the line, ascending. */
  readonly kwAt: Int32Array;
  readonly kw: Int32Array;
  /** Name candidates of line i: name[nameAt[i] … nameAt[i + 1]). */
  readonly nameAt: Int32Array;
  readonly name: Int32Array;
}

/**
 * One walk over an ASCII line's bytes buf[s … s + n): its keyword candidates (text-keywords.ts's
 * table test, the same arithmetic on bytes as `next` does on character codes) into kw from kwN,
 * and its name candidates (A–Z, then a–z, a space, or ". ") into name from nameN. Returns the
 * new ends in ENDS (kw, name).
 */
const ENDS = new Int32Array(2);
function markLine(buf: Uint8Array, s: number, n: number, g: KeywordFinder['tables'], kw: Int32Array, kwN: number, name: Int32Array, nameN: number): void {
  const { bigrams, trigrams, quads } = g;
  let b = n > 0 ? FOLD[buf[s]] : 0;
  for (let i = 0; i + 1 < n; i++) {
    const c = buf[s + i];
    const d = buf[s + i + 1];
    if (c >= 65 && c <= 90 && ((d >= 97 && d <= 122) || d === 32 || (d === 46 && i + 2 < n && buf[s + i + 2] === 32))) name[nameN++] = i;
    b = ((b << 7) & 0x3fff) | FOLD[d];
    if (i + 2 >= n || bigrams[b] !== 1) continue;
    const t = (b << 7) | FOLD[buf[s + i + 2]];
    const kind = trigrams[t];
    if (kind === 1 || (kind === 2 && i + 3 < n && quads[quadSlot(t, FOLD[buf[s + i + 3]])] === 1)) kw[kwN++] = i;
  }
  ENDS[0] = kwN;
  ENDS[1] = nameN;
}

/**
 * The anchors of `lines` = textBlockLines(buf) (split at '\n', a trailing '\r' dropped, no empty
 * entry after a final '\n'), or null when the lines do not line up with the bytes.
 */
export function textAnchors(buf: Uint8Array, lines: readonly string[], keywords: KeywordFinder): TextAnchors | null {
  const count = lines.length;
  const ascii = new Uint8Array(count);
  const kwAt = new Int32Array(count + 1);
  const nameAt = new Int32Array(count + 1);
  // At most one candidate of each kind a byte.
  let kw: Int32Array = new Int32Array(1024);
  let name: Int32Array = new Int32Array(1024);
  let nk = 0;
  let nn = 0;
  let s = 0;
  const tables = keywords.tables;
  // Logs are mostly ASCII: one native test of the block spares a test a line.
  const allAscii = isAscii(buf);
  for (let i = 0; i < count; i++) {
    kwAt[i] = nk;
    nameAt[i] = nn;
    if (s > buf.length) return null;
    let nl = buf.indexOf(10, s);
    if (nl === -1) nl = buf.length;
    let e = nl;
    if (e > s && buf[e - 1] === 13) e--;
    const n = e - s;
    if (lines[i].length === n && (allAscii || isAscii(buf.subarray(s, e)))) {
      if (kw.length - nk < n) kw = grow(kw, nk + n);
      if (name.length - nn < n) name = grow(name, nn + n);
      ascii[i] = 1;
      markLine(buf, s, n, tables, kw, nk, name, nn);
      nk = ENDS[0];
      nn = ENDS[1];
    }
    s = nl + 1;
  }
  // Every byte belongs to a line: the last line ends at the block's end (or its final '\n').
  if (s < buf.length) return null;
  kwAt[count] = nk;
  nameAt[count] = nn;
  return { ascii, kwAt, kw, nameAt, name };
}

function grow(a: Int32Array, min: number): Int32Array {
  const b = new Int32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

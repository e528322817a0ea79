/**
 * The rows of an `xlsx-block`, read on a detection thread straight from the bytes (issue 21): a
 * cell of the forms Excel, LibreOffice and exceljs write — `<c r="B2" s="1" t="s"><v>12</v></c>`
 * (attributes exactly r, then optionally s and t) and the inline string
 * `<c r="B2" t="inlineStr"><is><t>text</t></is></c>` (ECMA-376 Part 1 §18.3.1.4, §18.3.1.53) — is
 * read by a byte walk, its value made by SheetRows.value, the function the string parser uses; a
 * row with anything else (a formula, rich text, a comment, another attribute order) is parsed
 * whole by SheetRows (xlsx-sheet.ts). Same rows as `xlsxBlockRows`: xlsx-block-rows.test.ts.
 */
import { decodeEntities } from './xml-scanner.js';
import { SstView } from './xlsx-shared-strings.js';
import { fitRow, MAX_COL, SheetRows, type SheetStyle } from './xlsx-sheet.js';

type Bytes = Buffer & { utf8Slice(start: number, end: number): string; latin1Slice(start: number, end: number): string };

const LT = 60;
const GT = 62;
const QUOTE = 34;

/** `</v></c>` (a Buffer like the other sequences: `at` stays monomorphic, ≈ a quarter of fastRow when it was not) */
const V_CLOSE = Buffer.from('</v></c>');
/** `<is><t>` and `<is><t xml:space="preserve">` */
const IS_OPEN = Buffer.from('<is><t>');
const IS_OPEN_PRESERVE = Buffer.from('<is><t xml:space="preserve">');
/** `</t></is></c>` */
const IS_CLOSE = Buffer.from('</t></is></c>');
/** `</row>` */
const ROW_CLOSE = Buffer.from('</row>');

function at(b: Uint8Array, i: number, seq: Buffer): boolean {
  if (i + seq.length > b.length) return false;
  for (let k = 0; k < seq.length; k++) if (b[i + k] !== seq[k]) return false;
  return true;
}

/** The cell's `t` as a string (the usual ones without allocating). */
function typeOf(b: Bytes, s: number, e: number): string {
  const len = e - s;
  if (len === 1) {
    const c = b[s];
    if (c === 115) return 's';
    if (c === 110) return 'n';
    if (c === 98) return 'b';
    if (c === 101) return 'e';
    if (c === 100) return 'd';
  } else if (len === 3 && b[s] === 115 && b[s + 1] === 116 && b[s + 2] === 114) return 'str';
  else if (len === 9 && b[s] === 105 && b[s + 1] === 110) {
    const t = b.latin1Slice(s, e);
    if (t === 'inlineStr') return 'inlineStr';
    return t;
  }
  return b.latin1Slice(s, e);
}

/**
 * Calls onRow with each row of the block that has cells, fitted to the batch (fitRow). Throws
 * when their number is not `rows` (the reader counted them: a difference is a bug).
 */
export function eachXlsxBlockRow(buf: Uint8Array, style: SheetStyle, width: number, keep: number[] | null, rows: number, onRow: (r: (string | null)[]) => void): void {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) as Bytes;
  let parsed: (string | null)[] | null = null;
  const p = new SheetRows(new SstView(style.sst), style.dateStyles, style.date1904, (r) => {
    parsed = r;
  });
  const n = b.length;
  let count = 0;
  let i = 0;
  while (true) {
    while (i < n && b[i] !== LT) i++;
    if (i >= n) break;
    let row = fastRow(b, i, p);
    let end: number;
    if (row !== null) end = fastEnd;
    else {
      // Anything else in the row: the string parser, on this row alone (SheetRows resets at <row>).
      end = tagRunEnd(b, i);
      parsed = null;
      p.feed(b.utf8Slice(i, end));
      row = parsed as (string | null)[] | null;
    }
    i = end;
    if (row === null || row.length === 0) continue;
    count++;
    onRow(fitRow(row, width, keep));
  }
  if (count !== rows) throw new Error(`XLSX block: ${count} rows parsed, ${rows} counted`);
}

/** Where the row read by the last successful fastRow ends. */
let fastEnd = 0;

/**
 * The row at b[i] (`<row …>` then cells of the two plain forms, white space between them, and
 * `</row>`), or null for anything else. Sets fastEnd.
 */
function fastRow(b: Bytes, i: number, p: SheetRows): (string | null)[] | null {
  const n = b.length;
  if (!(b[i + 1] === 114 && b[i + 2] === 111 && b[i + 3] === 119 && (b[i + 4] === 32 || b[i + 4] === GT))) return null;
  let k = i + 4;
  while (k < n && b[k] !== GT) k++;
  if (k >= n || b[k - 1] === 47 /* self-closing */) return null;
  k++;
  const row: (string | null)[] = [];
  while (true) {
    while (k < n && b[k] <= 32) k++;
    if (at(b, k, ROW_CLOSE)) {
      fastEnd = k + ROW_CLOSE.length;
      return row;
    }
    // `<c r="`
    if (!(b[k] === LT && b[k + 1] === 99 && b[k + 2] === 32 && b[k + 3] === 114 && b[k + 4] === 61 && b[k + 5] === QUOTE)) return null;
    k += 6;
    // r: [A-Z]{1,3}[1-9][0-9]*
    let col = 0;
    const ls = k;
    while (k < n && b[k] >= 65 && b[k] <= 90 && k - ls < 3) col = col * 26 + (b[k++] - 64);
    if (k === ls || !(b[k] >= 49 && b[k] <= 57)) return null;
    k++;
    while (k < n && b[k] >= 48 && b[k] <= 57) k++;
    if (b[k] !== QUOTE) return null;
    k++;
    // s: [0-9]{1,9}
    let style = 0;
    if (b[k] === 32 && b[k + 1] === 115 && b[k + 2] === 61 && b[k + 3] === QUOTE) {
      k += 4;
      const ds = k;
      while (k < n && b[k] >= 48 && b[k] <= 57 && k - ds < 9) style = style * 10 + (b[k++] - 48);
      if (k === ds || b[k] !== QUOTE) return null;
      k++;
    }
    // t: [a-zA-Z]{1,9}
    let type = 'n';
    if (b[k] === 32 && b[k + 1] === 116 && b[k + 2] === 61 && b[k + 3] === QUOTE) {
      k += 4;
      const ts = k;
      while (k < n && ((b[k] >= 65 && b[k] <= 90) || (b[k] >= 97 && b[k] <= 122)) && k - ts < 9) k++;
      if (k === ts || b[k] !== QUOTE) return null;
      type = typeOf(b, ts, k);
      k++;
    }
    if (b[k] !== GT) return null;
    k++;
    let close: Buffer;
    if (b[k] === LT && b[k + 1] === 118 && b[k + 2] === GT) {
      // `<v>`
      k += 3;
      close = V_CLOSE;
    } else if (type === 'inlineStr' && at(b, k, IS_OPEN)) {
      k += IS_OPEN.length;
      close = IS_CLOSE;
    } else if (type === 'inlineStr' && at(b, k, IS_OPEN_PRESERVE)) {
      k += IS_OPEN_PRESERVE.length;
      close = IS_CLOSE;
    } else return null;
    const vs = k;
    let amp = false;
    while (k < n && b[k] !== LT) {
      if (b[k] === 38) amp = true;
      k++;
    }
    const ve = k;
    if (!at(b, k, close)) return null;
    k += close.length;
    col -= 1;
    if (col > MAX_COL) continue;
    let v: string | null;
    const len = ve - vs;
    if (type === 's' && len > 0 && len < 10 && !amp) {
      // Number(raw) of a run of ASCII digits, without the string.
      let idx = 0;
      let q = vs;
      while (q < ve && b[q] >= 48 && b[q] <= 57) idx = idx * 10 + (b[q++] - 48);
      v = q === ve ? p.shared(idx) : p.value(type, style, b.utf8Slice(vs, ve));
    } else {
      const raw = len === 0 ? '' : amp ? decodeEntities(b.utf8Slice(vs, ve)) : b.utf8Slice(vs, ve);
      v = p.value(type, style, raw);
    }
    while (row.length < col) row.push(null);
    row[col] = v;
  }
}

/** The end of the row starting at b[i], as XmlScanner's tags run (`<` to the next `>`): after its `</row>`. */
function tagRunEnd(b: Uint8Array, i: number): number {
  const n = b.length;
  let k = i;
  while (k < n && b[k] !== GT) k++;
  // A self-closing <row/> is the whole row.
  if (k >= n || b[k - 1] === 47) return Math.min(n, k + 1);
  while (k < n) {
    while (k < n && b[k] !== LT) k++;
    if (k >= n) return n;
    if (at(b, k, ROW_CLOSE)) return k + ROW_CLOSE.length;
    while (k < n && b[k] !== GT) k++;
    k++;
  }
  return n;
}

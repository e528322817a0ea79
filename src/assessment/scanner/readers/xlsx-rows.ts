/**
 * Finds a worksheet's rows in its UTF-8 bytes without parsing their cells, for the reading thread
 * (issue 21): where each `<row>` element starts and ends, its number, and its width — one more than
 * the highest column of a cell SheetRows (xlsx-sheet.ts) would store, so 0 for a row SheetRows
 * drops. With that the reader batches rows exactly as it would parsed ones and hands whole batches
 * of bytes to the detection threads, which parse them there.
 *
 * It follows the tokenisation of XmlScanner (a tag runs from `<` to the next `>`) and reads a
 * strict subset of SpreadsheetML: unprefixed tag names, `</name>` end tags. Anything else — a
 * comment, CDATA or processing instruction inside a row, a namespace prefix, a `<row>` inside a row —
 * stops it (`scan` returns an `abort` position, a row start or a tag outside rows), and the reader
 * parses the rest of the sheet from there on its own thread, as it did before.
 */
import { attr } from './xml-scanner.js';
import { colIndex, MAX_COL } from './xlsx-sheet.js';

export interface RowSpan {
  /** Where `<row` starts and where `</row>` ends, in the buffer given to `scan`. */
  start: number;
  end: number;
  width: number;
  rowNo: number;
  /** The row number before this row's (SheetRows numbers a row without `r` from it). */
  before: number;
}

export type ScanStop = { kind: 'more'; from: number } | { kind: 'abort'; at: number };

const LT = 60;
const MAX_TAG_BYTES = 256 * 1024;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;

export class RowScanner {
  /** The last row's number, as SheetRows counts it. */
  rowNo = 0;

  /**
   * Reads b from `from`, calling `onRow` for each complete row. Returns where to resume once more
   * bytes are appended (`more`: the start of an incomplete tag or row), or where the strict subset
   * ended (`abort`).
   */
  scan(b: Uint8Array, from: number, onRow: (r: RowSpan) => void): ScanStop {
    let i = from;
    let inRow = false;
    let rowStart = 0;
    let width = 0;
    let col = -1;
    let rowNo = this.rowNo;
    let before = rowNo;
    const n = b.length;
    while (true) {
      // Byte loops, not indexOf: tags and values here are a few bytes apart, and a native call
      // a tag cost more than the loop (≈ 12 M tags in a 63 MB sheet).
      let lt = i;
      while (lt < n && b[lt] !== LT) lt++;
      if (lt === n) return { kind: 'more', from: inRow ? rowStart : n };
      const lim = Math.min(n, lt + MAX_TAG_BYTES + 1);
      let end = lt + 1;
      while (end < lim && b[end] !== GT) end++;
      if (end === lim) {
        // A tag this long is left to XmlScanner, which calls a sheet with one over 1 MB malformed.
        if (n - lt > MAX_TAG_BYTES) return { kind: 'abort', at: inRow ? rowStart : lt };
        return { kind: 'more', from: inRow ? rowStart : lt };
      }
      const c1 = b[lt + 1];
      if (c1 === 33 /* ! */) return { kind: 'abort', at: inRow ? rowStart : lt };
      if (c1 === 63 /* ? */) {
        if (inRow) return { kind: 'abort', at: rowStart };
      } else if (c1 === SLASH) {
        if (inRow) {
          const len = end - lt - 2;
          if (len === 3 && b[lt + 2] === 114 && b[lt + 3] === 111 && b[lt + 4] === 119) {
            // </row>
            inRow = false;
            this.rowNo = rowNo;
            onRow({ start: rowStart, end: end + 1, width, rowNo, before });
          } else if (len === 1 && b[lt + 2] === 99) {
            // </c>
            if (col >= 0 && col <= MAX_COL && col + 1 > width) width = col + 1;
          } else if (!plainName(b, lt + 2, end)) return { kind: 'abort', at: rowStart };
        } else if (!plainName(b, lt + 2, end)) return { kind: 'abort', at: lt };
      } else {
        const self = b[end - 1] === SLASH;
        const bodyEnd = self ? end - 1 : end;
        let ne = lt + 1;
        while (ne < bodyEnd && b[ne] > 32) {
          if (b[ne] === 58 /* : */) return { kind: 'abort', at: inRow ? rowStart : lt };
          ne++;
        }
        const nameLen = ne - lt - 1;
        if (nameLen === 3 && c1 === 114 && b[lt + 2] === 111 && b[lt + 3] === 119) {
          // <row …>
          if (inRow) return { kind: 'abort', at: rowStart };
          const r = rowNumber(b, ne, bodyEnd);
          before = rowNo;
          rowNo = Number.isInteger(r) && r > 0 ? r : rowNo + 1;
          if (self) this.rowNo = rowNo;
          else {
            inRow = true;
            rowStart = lt;
            width = 0;
            col = -1;
          }
        } else if (inRow && nameLen === 1 && c1 === 99) {
          // <c …>: its column, as SheetRows takes it from `r` (or one after the cell before)
          col = cellColumn(b, ne, bodyEnd, col);
          if (self && col >= 0 && col <= MAX_COL && col + 1 > width) width = col + 1;
          else if (!self && b[end + 1] === LT && b[end + 2] === 118 && b[end + 3] === GT) {
            // `<v>value</v></c>`, the cell as Excel and exceljs write it: stepped over at once,
            // as the loop would read its plain tags one by one (a third of the loops a cell).
            let q = end + 4;
            while (q < n && b[q] !== LT) q++;
            if (q + 8 <= n && b[q + 1] === SLASH && b[q + 2] === 118 && b[q + 3] === GT && b[q + 4] === LT && b[q + 5] === SLASH && b[q + 6] === 99 && b[q + 7] === GT) {
              if (col >= 0 && col <= MAX_COL && col + 1 > width) width = col + 1;
              i = q + 8;
              continue;
            }
          }
        }
      }
      i = end + 1;
    }
  }
}

/** A close tag's name is plain: no prefix, no white space (SheetRows would trim and strip it). */
function plainName(b: Uint8Array, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let k = from; k < to; k++) if (b[k] <= 32 || b[k] === 58) return false;
  return true;
}

/** `Number(attr(attrs, 'r'))` of a `<row` tag's attributes in b[from, to). */
function rowNumber(b: Uint8Array, from: number, to: number): number {
  if (from === to) return 0;
  // ` r="123"` first: the common form.
  if (b[from] === 32 && b[from + 1] === 114 && b[from + 2] === 61 && b[from + 3] === QUOTE) {
    let k = from + 4;
    let v = 0;
    while (k < to && b[k] >= 48 && b[k] <= 57 && k - from < 14) v = v * 10 + (b[k++] - 48);
    if (k > from + 4 && k < to && b[k] === QUOTE) return v;
  }
  return Number(attr(Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('utf8'), 'r'));
}

/** The column SheetRows gives a `<c` tag with attributes b[from, to), after a cell at `prev`. */
function cellColumn(b: Uint8Array, from: number, to: number, prev: number): number {
  if (from === to) return prev + 1;
  if (b[from] === 32 && b[from + 1] === 114 && b[from + 2] === 61 && b[from + 3] === QUOTE) {
    let q = from + 4;
    while (q < to && b[q] !== QUOTE) q++;
    if (q < to) {
      // colIndex of the value: its leading capital letters (an entity goes the long way)
      let v = 0;
      let letters = true;
      let amp = false;
      for (let k = from + 4; k < q; k++) {
        const c = b[k];
        if (c === 38 /* & */) {
          amp = true;
          break;
        }
        if (letters && c >= 65 && c <= 90) v = v * 26 + (c - 64);
        else letters = false;
      }
      if (!amp) return q === from + 4 ? prev + 1 : v - 1;
    }
  }
  const ref = attr(Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('utf8'), 'r');
  return ref ? colIndex(ref) : prev + 1;
}

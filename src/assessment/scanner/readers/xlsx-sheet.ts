/**
 * A worksheet's cells → rows (ECMA-376 Part 1 §18.3.1.73 `row`, §18.3.1.4 `c`, §18.3.1.96 `v`,
 * §18.4 inline and shared strings): the value of each cell by its type and style, rows as arrays
 * indexed by column. Used on the reading thread (xlsx-reader.ts) and, for blocks of whole rows, on
 * the detection threads (`xlsxBlockRows`, issue 21): both parse with this one class, so a row reads
 * the same wherever it is parsed.
 *
 * Everything a row's value depends on is reset at its `<row>` start tag, so a block of whole rows
 * parses the same alone as within its sheet (a `<v>` left open across `</row>`, which well-formed
 * XML cannot have, used to leak into the next row).
 */
import { MAX_CELL_CHARS, serialToIsoDate, xlsxFast } from './xlsx-parts.js';
import { type SstHandle, SstView } from './xlsx-shared-strings.js';
import { XmlScanner, attr, decodeEntities } from './xml-scanner.js';

/**
 * `<c r="B2" s="1" t="s"><v>12</v></c>`: a cell whose attributes are exactly r, then optionally s
 * and t, in that order, with plain values, and whose only content is one `<v>`. The general path
 * reads it the same way (open c, open v, one text, close v, close c), with ≈ 5 tag tokens and 3
 * attribute RegExps a cell.
 */
const CELL = /<c r="([A-Z]{1,3})[1-9][0-9]*"(?: s="([0-9]{1,9})")?(?: t="([a-zA-Z]{1,9})")?><v>([^<]*)<\/v><\/c>/y;

/** `AB12` → 27 (0-based column index). */
export function colIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** XLSX has at most 16,384 columns (XFD). */
export const MAX_COL = 16_383;

export type SstLookup = { at(i: number): string | undefined } | string[];

export class SheetRows {
  /** The last row's number (its `r`, else one more than the row before). */
  rowNo = 0;
  private row: (string | null)[] | null = null;
  private col = -1;
  private type = '';
  private style = 0;
  private inV = false;
  private inT = false;
  private buf: string[] = [];
  private bufLen = 0;
  readonly scanner: XmlScanner;
  constructor(
    private readonly sst: SstLookup,
    private readonly dateStyles: boolean[],
    private readonly date1904: boolean,
    /** Each row with at least one cell, with its number. */
    private readonly onRow: (r: (string | null)[], rowNo: number) => void,
  ) {
    const fast = xlsxFast.on ? (s: string, lt: number) => this.fastCell(s, lt) : undefined;
    this.scanner = new XmlScanner(
      {
        fast,
        open: (tag, attrs, self) => {
          if (tag === 'row') {
            const r = Number(attr(attrs, 'r'));
            this.rowNo = Number.isInteger(r) && r > 0 ? r : this.rowNo + 1;
            this.row = self ? null : [];
            this.col = -1;
            this.type = '';
            this.style = 0;
            this.inV = false;
            this.inT = false;
            this.buf = [];
            this.bufLen = 0;
          } else if (tag === 'c' && this.row) {
            const ref = attr(attrs, 'r');
            this.col = ref ? colIndex(ref) : this.col + 1;
            this.type = attr(attrs, 't') ?? 'n';
            this.style = Number(attr(attrs, 's') ?? 0);
            this.buf = [];
            this.bufLen = 0;
          } else if (tag === 'v' && !self) this.inV = true;
          else if (tag === 't' && !self && this.type === 'inlineStr') this.inT = true;
        },
        close: (tag) => {
          if (tag === 'v' || tag === 't') {
            this.inV = false;
            this.inT = false;
          } else if (tag === 'c' && this.row) {
            const raw = decodeEntities(this.buf.join(''));
            this.buf = [];
            this.cell(raw);
          } else if (tag === 'row' && this.row) {
            const r = this.row;
            this.row = null;
            if (r.length !== 0) this.onRow(r, this.rowNo);
          }
        },
        text: (t) => {
          if ((this.inV || this.inT) && this.bufLen < MAX_CELL_CHARS) {
            this.buf.push(t);
            this.bufLen += t.length;
          }
        },
      },
      1024 * 1024,
    );
  }

  /** Returns false when the XML is not sane (a tag over 1 MB). */
  feed(text: string): boolean {
    return this.scanner.feed(text);
  }

  private put(v: string | null): void {
    const row = this.row;
    const col = this.col;
    if (!row || col < 0 || col > MAX_COL) return;
    while (row.length < col) row.push(null);
    row[col] = v;
  }

  /** A cell's decoded text → its value in the row, by the cell's type and style. */
  private cell(raw: string): void {
    this.put(this.value(this.type, this.style, raw));
  }

  /** The value of a cell of `type` and `style` whose decoded text is `raw`. */
  value(type: string, style: number, raw: string): string | null {
    if (type === 's') {
      const i = Number(raw);
      return (Number.isInteger(i) && i >= 0 ? this.sst.at(i) : undefined) ?? null;
    }
    if (type === 'inlineStr' || type === 'str' || type === 'd') return raw;
    if (type === 'b') return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : null;
    if (type === 'e' || raw === '') return null;
    return this.dateStyles[style] ? (serialToIsoDate(Number(raw), this.date1904) ?? raw) : raw;
  }

  /** Item i of the shared strings, or null (a shared-string cell whose index is i). */
  shared(i: number): string | null {
    return this.sst.at(i) ?? null;
  }

  private fastCell(s: string, lt: number): number {
    if (this.row === null || s.charCodeAt(lt + 1) !== 99 /* c */) return -1;
    CELL.lastIndex = lt;
    const m = CELL.exec(s);
    if (m === null) return -1;
    // What open c, open v, text, close v and close c leave behind on the general path.
    this.col = colIndex(m[1]);
    this.type = m[3] ?? 'n';
    this.style = m[2] === undefined ? 0 : Number(m[2]);
    this.inV = false;
    this.inT = false;
    this.buf = [];
    this.bufLen = m[4].length;
    this.cell(decodeEntities(m[4]));
    return CELL.lastIndex;
  }
}

/** What a detection thread needs to read a block of a sheet's rows (an `xlsx-block` event's sheet). */
export interface SheetStyle {
  sst: SstHandle;
  dateStyles: boolean[];
  date1904: boolean;
}

/**
 * The rows of an `xlsx-block` (whole `<row>` elements, UTF-8), padded with null to `width` cells, or
 * only the columns in `keep`, parsed as one string by SheetRows. Detection threads use the byte
 * walk of xlsx-block-rows.ts, which gives the same rows (xlsx-block-rows.test.ts); this is the
 * reference, and the reading thread's way when it needs a block's rows (classification).
 */
export function xlsxBlockRows(buf: Uint8Array, style: SheetStyle, width: number, keep: number[] | null, rows: number): (string | null)[][] {
  const out: (string | null)[][] = [];
  const p = new SheetRows(new SstView(style.sst), style.dateStyles, style.date1904, (r) => out.push(fitRow(r, width, keep)));
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (!p.feed(b.toString('utf8')) || out.length !== rows) throw new Error(`XLSX block: ${out.length} rows parsed, ${rows} counted`);
  return out;
}

/** A parsed row as a batch of `width` columns carries it (padded with null), or its `keep` columns. */
export function fitRow(r: (string | null)[], width: number, keep: number[] | null): (string | null)[] {
  // The reader put no row wider than its batch in a block (xlsx-rows.ts): one would be a bug there.
  if (r.length > width) throw new Error(`XLSX block: a row of ${r.length} cells in a batch of ${width}`);
  if (keep) return keep.map((j) => r[j] ?? null);
  while (r.length < width) r.push(null);
  return r;
}

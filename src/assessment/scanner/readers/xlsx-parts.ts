/**
 * Parsers for the small SpreadsheetML parts of an XLSX (ECMA-376 Part 1): workbook (sheet names,
 * date1904), relationships, styles (which cell styles are dates) and the shared-strings table.
 */
import { XmlScanner, attr, decodeEntities } from './xml-scanner.js';

/**
 * Excel holds at most 32,767 characters per cell; text beyond 4× that (escaped XML) is dropped so a
 * hostile 200 MB string never sits in memory.
 */
export const MAX_CELL_CHARS = 4 * 32_767;

export interface SheetRef {
  name: string;
  /** Zip entry name, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

export function parseWorkbook(workbookXml: string, relsXml: string): { sheets: SheetRef[]; date1904: boolean } {
  const rels = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const sheets: SheetRef[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attr(m[1], 'name') ?? `Sheet${sheets.length + 1}`;
    const rid = attr(m[1], 'id');
    const part = rid ? rels.get(rid) : undefined;
    if (part) sheets.push({ name, part });
  }
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbookXml);
  const d1904 = pr ? attr(pr[1], 'date1904') : null;
  return { sheets, date1904: d1904 === '1' || d1904 === 'true' };
}

/** Built-in number formats that are dates (ECMA-376 Part 1 §18.8.30). */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** For each cellXfs index: is it a date style? */
export function parseDateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, boolean>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const id = Number(attr(m[1], 'numFmtId'));
    custom.set(id, isDateFormat(attr(m[1], 'formatCode') ?? ''));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml);
  if (!xfs) return [];
  const out: boolean[] = [];
  for (const m of xfs[1].matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    out.push(custom.get(id) ?? BUILTIN_DATE.has(id));
  }
  return out;
}

/** Serial day number → ISO date (1900 system counts from 1899-12-30 because of the 1900 leap-year bug). */
export function serialToIsoDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial > 2_958_465) return null;
  // Serials 1–59 precede Excel's fictitious 1900-02-29 (serial 60), so they count from 1899-12-31.
  const base = date1904 ? Date.UTC(1904, 0, 1) : serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Fast paths for the common forms of a shared string (here) and a cell (xlsx-reader.ts), as Excel
 * and exceljs write them; tests turn them off to compare with the general tokenizer's path.
 */
export const xlsxFast = { on: true };
/** `<si><t>text</t></si>`: one plain run, read as open si, open t, text, close t, close si would. */
const SI = /<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>/y;

/** Characters of shared strings joined into one flat chunk string. */
const SST_CHUNK_CHARS = 1 << 20;

/**
 * Streaming shared-strings parser: `<si>` items, rich-text runs concatenated, phonetic runs
 * (`<rPh>`) skipped. Stops adding text past maxChars (hostile tables) and says so.
 *
 * The table is kept as flat chunk strings of ≈ 1 M characters and offsets (issue 21), not one
 * string per item: a workbook's shared strings are read before its sheets and live until the last
 * row, and held as a million small strings every full garbage collection of the reading thread
 * walked them all (≈ 20 % of that thread on a 17 MB workbook), while each item, sliced from the
 * inflated XML, kept a whole XML chunk alive. `at(i)` slices item i out of its chunk.
 */
export class SharedStrings {
  truncated = false;
  private cur: string[] | null = null;
  private inT = false;
  private inPh = 0;
  private curLen = 0;
  private chars = 0;
  /** Items added, and how many of them are in `chunks`. */
  private n = 0;
  private flushed = 0;
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly chunks: string[] = [];
  /** Per item: its chunk and where it starts there (it ends where the next item of its chunk starts, or at the chunk's end). */
  private chunkOf = new Uint32Array(1024);
  private starts = new Uint32Array(1024);
  readonly scanner: XmlScanner;
  constructor(private readonly maxChars: number) {
    this.scanner = new XmlScanner(
      {
        open: (name, _a, self) => {
          if (self) return;
          if (name === 'si') {
            this.cur = [];
            this.curLen = 0;
          }
          else if (name === 'rPh') this.inPh++;
          else if (name === 't' && this.cur && !this.inPh) this.inT = true;
        },
        fast: (s, lt) => {
          if (this.inPh !== 0 || s.charCodeAt(lt + 1) !== 115 /* s */ || !xlsxFast.on) return -1;
          SI.lastIndex = lt;
          const m = SI.exec(s);
          if (m === null) return -1;
          // What open si, open t, text, close t and close si leave behind on the general path.
          this.inT = false;
          this.add(decodeEntities(m[1]));
          return SI.lastIndex;
        },
        close: (name) => {
          if (name === 'si' && this.cur) this.add(decodeEntities(this.cur.join('')));
          else if (name === 'rPh') this.inPh = Math.max(0, this.inPh - 1);
          else if (name === 't') this.inT = false;
        },
        text: (raw) => {
          if (this.inT && this.cur && this.curLen < MAX_CELL_CHARS) {
            this.cur.push(raw);
            this.curLen += raw.length;
          }
        },
      },
      1024 * 1024,
    );
  }

  private add(s: string): void {
    this.chars += s.length;
    if (this.chars > this.maxChars) this.truncated = true;
    this.cur = null;
    const v = this.truncated ? '' : s;
    if (this.n === this.starts.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.chunkOf = grow(this.chunkOf);
    }
    this.chunkOf[this.n] = this.chunks.length;
    this.starts[this.n] = this.pendingChars;
    this.n++;
    this.pending.push(v);
    this.pendingChars += v.length;
    if (this.pendingChars >= SST_CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.flushed === this.n) return;
    this.chunks.push(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
    this.flushed = this.n;
  }

  /** Number of items. */
  get length(): number {
    return this.n;
  }

  /** Item i, or undefined past the end (like an array's index; i a non-negative integer). */
  at(i: number): string | undefined {
    if (!(i >= 0 && i < this.n)) return undefined;
    if (i >= this.flushed) this.flush();
    const c = this.chunkOf[i];
    const chunk = this.chunks[c];
    const end = i + 1 < this.n && this.chunkOf[i + 1] === c ? this.starts[i + 1] : chunk.length;
    return chunk.slice(this.starts[i], end);
  }

  /** Every item (tests). */
  get strings(): string[] {
    return Array.from({ length: this.n }, (_, i) => this.at(i) as string);
  }
}

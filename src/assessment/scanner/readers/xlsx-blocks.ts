/**
 * A worksheet read for detection threads (ReadOptions.xlsxBlocks, issue 21): the reading thread
 * finds rows in the sheet's bytes (xlsx-rows.ts) and batches them exactly as RowBatcher batches
 * parsed rows; a batch whose columns were already handed out as `records` (so classified) goes out
 * unparsed, as an `xlsx-block` of its rows' bytes, and a detection thread parses it
 * (xlsx-sheet.ts `xlsxBlockRows`) with the shared-strings table in shared memory. The first
 * batch of each column set, and everything after a construct RowScanner leaves alone, is parsed
 * here as before. Same rows, same batches, same columns: the same report.
 */
import { StringDecoder } from 'node:string_decoder';
import { columnNames, type RowBatcher } from './csv-reader.js';
import type { BodyEvent } from './reader-context.js';
import { BATCH_ROWS, errorEvent } from './reader-context.js';
import { findHeaderRow } from './sniff.js';
import type { SharedStrings, SstHandle } from './xlsx-shared-strings.js';
import { RowScanner, type RowSpan } from './xlsx-rows.js';
import { SheetRows } from './xlsx-sheet.js';

const HEADER_SAMPLE = 20;
/** Bytes of one unfinished row held before the rest of the sheet is left to the tokenizer. */
const MAX_PENDING_ROW = 4 << 20;

/** What the first rows of a sheet decide: the header row (findHeaderRow) and rows above it. */
export class HeaderSample {
  private sample: { r: (string | null)[]; n: number }[] | null = [];
  constructor(private readonly batch: Pick<RowBatcher, 'add' | 'flush' | 'header'>) {}
  get deciding(): boolean {
    return this.sample !== null;
  }
  add(r: (string | null)[], n: number): void {
    if (this.sample) {
      this.sample.push({ r, n });
      if (this.sample.length >= HEADER_SAMPLE) this.end();
    } else this.batch.add(r, n);
  }
  /** Decides on the rows seen so far (at most HEADER_SAMPLE), once. */
  end(): void {
    const s = this.sample;
    if (s === null) return;
    this.sample = null;
    const k = findHeaderRow(s.map((x) => x.r));
    // A title or note above the header: its own batch, read as unknown columns.
    for (let i = 0; i < k; i++) this.batch.add(s[i].r, s[i].n);
    this.batch.flush();
    if (k >= 0) this.batch.header = s[k].r.map((c) => c ?? '');
    for (let i = k + 1; i < s.length; i++) this.batch.add(s[i].r, s[i].n);
  }
}

interface Raw {
  start: number;
  end: number;
  width: number;
}

/** RowBatcher's batches, of parsed rows and of rows still as bytes (`addRaw`). */
class SheetBatcher {
  header: string[] | null = null;
  readonly ready: BodyEvent[] = [];
  private entries: ((string | null)[] | Raw)[] = [];
  private raws = 0;
  private width = 0;
  private firstLine = 0;
  private bytes = new Uint8Array(1 << 21);
  private used = 0;
  /** Column sets handed out as `records` (classified by the scan before any block of them). */
  private readonly known = new Set<string>();
  private readonly one: SheetRows;
  private parsed: (string | null)[] | null = null;
  constructor(
    private readonly path: string,
    private readonly table: string,
    private readonly sheet: { sst: SharedStrings; handle: SstHandle; dateStyles: boolean[]; date1904: boolean },
  ) {
    this.one = new SheetRows(sheet.sst, sheet.dateStyles, sheet.date1904, (r) => {
      this.parsed = r;
    });
  }

  add(row: (string | null)[], line: number): void {
    this.widthJump(row.length);
    this.push(row, row.length, line);
  }

  addRaw(b: Uint8Array, r: RowSpan): void {
    this.widthJump(r.width);
    const len = r.end - r.start;
    if (this.used + len > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + len));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    this.bytes.set(b.subarray(r.start, r.end), this.used);
    const e: Raw = { start: this.used, end: this.used + len, width: r.width };
    this.used += len;
    this.raws++;
    this.push(e, r.width, r.rowNo);
  }

  /** RowBatcher.add: a row far wider or narrower than the batch starts a new one. */
  private widthJump(w: number): void {
    if (this.entries.length > 0 && (w > this.width * 2 + 64 || this.width > w * 2 + 64)) this.flush();
  }

  /** The rest of RowBatcher.add. */
  private push(e: (string | null)[] | Raw, w: number, line: number): void {
    if (this.entries.length === 0) this.firstLine = line;
    if (w > this.width) this.width = w;
    this.entries.push(e);
    if (this.entries.length >= BATCH_ROWS) this.flush();
  }

  /** RowBatcher.flush: the batch as `records`, or as an `xlsx-block` when its columns are known. */
  flush(): void {
    const n = this.entries.length;
    if (n === 0) return;
    const width = Math.max(this.width, this.header?.length ?? 0);
    const columns = columnNames(width, this.header);
    const key = columns.join('\0');
    if (this.raws === n && this.known.has(key)) {
      const { handle: sst, dateStyles, date1904 } = this.sheet;
      this.ready.push({ kind: 'xlsx-block', path: this.path, table: this.table, columns, buf: this.bytes.slice(0, this.used), rows: n, sheet: { sst, dateStyles, date1904 } });
    } else {
      const rows = this.entries.map((e) => (Array.isArray(e) ? e : this.parse(e)));
      for (const r of rows) while (r.length < width) r.push(null);
      this.ready.push({ kind: 'records', path: this.path, table: this.table, columns, rows, firstLocation: { unit: 'row', n: this.firstLine } });
      this.known.add(key);
    }
    this.entries = [];
    this.raws = 0;
    this.used = 0;
    this.width = 0;
  }

  private parse(e: Raw): (string | null)[] {
    this.parsed = null;
    this.one.feed(Buffer.from(this.bytes.buffer, e.start, e.end - e.start).toString('utf8'));
    const r = this.parsed as (string | null)[] | null;
    // RowScanner and SheetRows disagreeing would be a bug: say so rather than batch differently.
    if (r === null || r.length !== e.width) throw new Error(`XLSX row of ${e.width} cells parsed as ${r?.length ?? 0}`);
    return r;
  }
}

/**
 * One worksheet's rows as batches, from its bytes: `xlsx-block` events where a detection thread
 * can parse them, `records` where this thread must (see the file comment).
 */
export async function* readSheetBlocks(
  path: string,
  name: string,
  chunks: AsyncIterable<Buffer>,
  sheet: { sst: SharedStrings; handle: SstHandle; dateStyles: boolean[]; date1904: boolean },
): AsyncGenerator<BodyEvent> {
  const batch = new SheetBatcher(path, name, sheet);
  const head = new HeaderSample(batch);
  const rows = new SheetRows(sheet.sst, sheet.dateStyles, sheet.date1904, (r, n) => head.add(r, n));
  const scanner = new RowScanner();
  let win: Buffer = Buffer.alloc(0);
  let from = 0;
  /** Set once the rest of the sheet is parsed here (a construct RowScanner leaves alone). */
  let text: StringDecoder | null = null;
  let malformed = false;
  const onRow = (r: RowSpan) => {
    if (head.deciding) {
      // The first rows are parsed here: the header is decided on their values.
      rows.rowNo = r.before;
      rows.feed(win.toString('utf8', r.start, r.end));
    } else if (r.width > 0) batch.addRaw(win, r);
  };
  const tokenize = (s: string) => {
    if (!rows.feed(s)) malformed = true;
  };
  for await (const chunk of chunks) {
    if (text) tokenize(text.write(chunk));
    else {
      win = from < win.length ? Buffer.concat([win.subarray(from), chunk]) : chunk;
      const stop = scanner.scan(win, 0, onRow);
      const at = stop.kind === 'abort' ? stop.at : win.length - stop.from > MAX_PENDING_ROW ? stop.from : -1;
      if (stop.kind === 'more' && at < 0) from = stop.from;
      else {
        text = new StringDecoder('utf8');
        rows.rowNo = scanner.rowNo;
        tokenize(text.write(win.subarray(at)));
        win = Buffer.alloc(0);
      }
    }
    if (malformed) {
      yield errorEvent(path, `sheet ${name}: malformed XML; rest of sheet skipped`, `sheet ${name} row ${rows.rowNo}`);
      break;
    }
    if (batch.ready.length) yield* batch.ready.splice(0);
  }
  if (text && !malformed) {
    tokenize(text.end());
    if (malformed) yield errorEvent(path, `sheet ${name}: malformed XML; rest of sheet skipped`, `sheet ${name} row ${rows.rowNo}`);
  }
  head.end();
  batch.flush();
  yield* batch.ready.splice(0);
}

/**
 * Delimited text (CSV, TSV, `;`, `|`): whole-line blocks → rows → `records` batches. The first
 * row is a header when looksLikeHeader says so, or a later one under a short preamble (findHeaderRow);
 * otherwise columns are `column_1…`. An unbalanced
 * quote is reported with the line where it opened as soon as it is provable (its "closing" quote is
 * followed by text, i.e. it paired with a quote of a later row), or when the open field passes
 * min(maxLineBytes, QUOTED_FIELD_CAP), or at end of input; the lines it swallowed are then re-read
 * with that quote taken literally, so nothing is lost.
 */
import { countLf, type LineBlock } from './line-splitter.js';
import { countBlockRows, countQuotedRows, quotedCut } from './csv-block.js';
import { parseCsvText } from './csv-tokenizer.js';
import type { BodyEvent, ErrorEvent } from './reader-context.js';
import { BATCH_ROWS, errorEvent } from './reader-context.js';
import { findHeaderRow } from './sniff.js';

const HEADER_SAMPLE = 50;
/** Longest quoted field (bytes, spanning lines) before its quote is judged unbalanced. */
export const QUOTED_FIELD_CAP = 1024 * 1024;
/** Most fields kept per row (Excel's limit, 16,384): a line of delimiters must not become millions of columns. */
export const MAX_COLUMNS = 16_384;

export function columnNames(width: number, header: string[] | null): string[] {
  const cols: string[] = [];
  const seen = new Set<string>();
  for (let j = 0; j < width; j++) {
    let c = header?.[j]?.trim() || `column_${j + 1}`;
    if (seen.has(c)) c = `${c}_${j + 1}`;
    seen.add(c);
    cols.push(c);
  }
  return cols;
}

/** Accumulates rows into batches whose columns are the header plus `column_k` for extra fields. */
export class RowBatcher {
  private rows: (string | null)[][] = [];
  private firstLine = 0;
  private width = 0;
  header: string[] | null = null;
  /** Full batches waiting to be yielded. */
  readonly ready: BodyEvent[] = [];
  constructor(
    private readonly path: string,
    private readonly table: string,
    private readonly unit: 'line' | 'row' | 'record' = 'line',
  ) {}
  get size(): number {
    return this.rows.length;
  }
  add(row: (string | null)[], line: number): void {
    // Rows are padded to the batch width: a row far wider or narrower than the batch starts a new
    // one, so one hostile wide row never inflates thousands of others.
    const w = row.length;
    if (this.rows.length > 0 && (w > this.width * 2 + 64 || this.width > w * 2 + 64)) this.flush();
    if (this.rows.length === 0) this.firstLine = line;
    if (row.length > this.width) this.width = row.length;
    this.rows.push(row);
    if (this.rows.length >= BATCH_ROWS) this.flush();
  }
  /** Close the current batch (if any) into `ready`. */
  flush(): void {
    const ev = this.take();
    if (ev) this.ready.push(ev);
  }
  take(): BodyEvent | null {
    if (this.rows.length === 0) return null;
    const width = Math.max(this.width, this.header?.length ?? 0);
    for (const r of this.rows) while (r.length < width) r.push(null);
    const ev: BodyEvent = {
      kind: 'records',
      path: this.path,
      table: this.table,
      columns: columnNames(width, this.header),
      rows: this.rows,
      firstLocation: { unit: this.unit, n: this.firstLine },
    };
    this.rows = [];
    this.width = 0;
    return ev;
  }
}

export async function* readCsv(
  path: string,
  table: string,
  delim: string,
  blocks: AsyncIterable<LineBlock | ErrorEvent>,
  maxLineBytes: number,
  /** Hand quote-free blocks over unsplit as `csv-block` events (ReadOptions.csvBlocks). */
  rawBlocks = false,
  /** A later byte range of the file (ReadOptions.range): the whole file's header, decided already. */
  preset?: { header: string[] | null },
  /** Told the header once it is decided (ReadOptions.onCsvHeader). */
  onHeader?: (header: string[] | null) => void,
): AsyncGenerator<BodyEvent> {
  const batch = new RowBatcher(path, table);
  if (preset) batch.header = preset.header;
  // An open quoted field is buffered (and re-scanned per block) until it closes; cap it well below
  // maxLineBytes so a stray quote costs at most QUOTED_FIELD_CAP of re-reading.
  const quotedMax = Math.min(maxLineBytes, QUOTED_FIELD_CAP);
  let sample: { f: string[]; line: number }[] | null = preset ? null : [];
  let pending = '';
  let pendingLine = 1;
  const errors: ErrorEvent[] = [];

  let wide = false;
  const emit = (f: string[], line: number) => {
    if (f.length > MAX_COLUMNS) {
      if (!wide) errors.push(errorEvent(path, `line ${line} has more than ${MAX_COLUMNS} fields; the extra fields were dropped`, `line ${line}`));
      wide = true;
      f.length = MAX_COLUMNS;
    }
    if (sample) {
      sample.push({ f, line });
      if (sample.length >= HEADER_SAMPLE) decideHeader();
    } else batch.add(f, line);
  };
  const decideHeader = () => {
    const s = sample ?? [];
    sample = null;
    const k = findHeaderRow(s.map((r) => r.f));
    // A preamble above the header (a title, an export date) is a batch of its own, without the
    // header's column names: its lines are still read, as unknown columns.
    for (let i = 0; i < k; i++) batch.add(s[i].f, s[i].line);
    batch.flush();
    if (k >= 0) batch.header = s[k].f;
    const start = k + 1;
    onHeader?.(batch.header);
    for (let i = start; i < s.length; i++) batch.add(s[i].f, s[i].line);
  };

  /** Parse `text` (after pending); on an unclosed quote past the limit or at EOF, recover. */
  const run = (text: string, line: number, eof: boolean) => {
    let s = pending + text;
    let l = pending ? pendingLine : line;
    for (;;) {
      const r = parseCsvText(s, delim, l, eof, emit);
      pending = r.rest;
      pendingLine = r.restLine;
      if (r.done || (!eof && !r.broken && pending.length <= quotedMax)) return;
      // Unbalanced quote: report, take the lines up to the opening one literally, re-read the rest.
      errors.push(
        errorEvent(path, `unbalanced quote opened on line ${r.openLine}; that line was read without quote handling`, `line ${r.openLine}`),
      );
      let cut = 0;
      for (let k = r.restLine; k <= r.openLine; k++) {
        const nl = pending.indexOf('\n', cut);
        const end = nl < 0 ? pending.length : nl;
        const raw = pending.slice(cut, end).replace(/\r$/, '');
        if (raw.length) emit(raw.split(delim), k);
        cut = nl < 0 ? pending.length : nl + 1;
      }
      s = pending.slice(cut);
      l = r.openLine + 1;
      pending = '';
      if (s.length === 0) return;
    }
  };

  const delimByte = delim.length === 1 && delim.charCodeAt(0) < 0x80 ? delim.charCodeAt(0) : -1;
  /**
   * The open row at the end of the last block handed over (its bytes and first line): a block of
   * a CSV whose quoted cells hold line breaks almost always ends inside one, so the block's
   * complete rows go over and the rest waits for the next block, where the tokenizer's path would
   * have kept it as `pending` text. Never longer than quotedMax bytes (as many characters or
   * more), so the tokenizer would have reported nothing about it yet.
   */
  let carry: Buffer | null = null;
  let carryLine = 0;
  /**
   * A block goes over unsplit only when splitting it elsewhere gives exactly the rows the path
   * below would: the header is decided and present (so the columns are the header's), nothing is
   * pending from the previous block, it is whole lines, it holds no quote character or only
   * strict RFC 4180 quoting (csv-block.ts), and no row has more fields than the header (a wider
   * row would add `column_k` columns). With quotes, its complete rows go over and the open row
   * at its end is carried (`'carried'` when that is the whole block).
   */
  const rawBlock = (buf: Buffer, firstLine: number): BodyEvent | 'carried' | null => {
    if (!rawBlocks || delimByte < 0 || sample || !batch.header || pending !== '') return null;
    if (buf.length === 0 || buf[buf.length - 1] !== 10) return null;
    const width = batch.header.length;
    const quoted = buf.indexOf(34) !== -1;
    let rows: number;
    let head = buf;
    if (quoted) {
      rows = countQuotedRows(buf, delimByte, width, quotedCut);
      if (rows < 0) return null;
      const end = quotedCut.end;
      if (buf.length - end > quotedMax) return null;
      if (rows === 0) {
        // No complete row yet (a cell longer than the block, or only empty lines before one).
        if (buf.length > quotedMax) return null;
        carry = buf;
        carryLine = firstLine;
        return 'carried';
      }
      if (end < buf.length) {
        head = buf.subarray(0, end);
        carry = buf.subarray(end);
        carryLine = firstLine + countLf(head);
      }
    } else rows = countBlockRows(buf, delimByte, width);
    if (rows <= 0) return null;
    return {
      kind: 'csv-block',
      path,
      table,
      columns: columnNames(width, batch.header),
      delim,
      buf: head,
      quoted,
      rows,
      firstLocation: { unit: 'line', n: firstLine },
    };
  };

  for await (const b of blocks) {
    if (b.kind === 'error') {
      yield b;
      continue;
    }
    let buf = b.buf;
    let firstLine = b.firstLine;
    if (pending !== '' && rawBlocks && !sample && batch.header) {
      // The tokenizer's open row (the header's block, or a block refused below) is carried as
      // bytes instead, so one refused block does not keep every later one on this path. It
      // starts a row and re-encodes to the text it was decoded as.
      carry = Buffer.from(pending, 'utf8');
      carryLine = pendingLine;
      pending = '';
    }
    if (carry) {
      buf = Buffer.concat([carry, buf]);
      firstLine = carryLine;
      carry = null;
    }
    const raw = rawBlock(buf, firstLine);
    if (raw === 'carried') continue;
    if (raw) {
      // Rows already batched come first: records keep their order.
      batch.flush();
      yield* batch.ready.splice(0);
      yield raw;
      continue;
    }
    run(buf.toString('utf8'), firstLine, false);
    yield* errors.splice(0);
    if (!sample) batch.flush();
    yield* batch.ready.splice(0);
  }
  // The input ended inside (or right after) the carried row: the tokenizer decides it, as it would have.
  if (carry) run((carry as Buffer).toString('utf8'), carryLine, false);
  if (pending) run('', pendingLine, true);
  yield* errors.splice(0);
  if (sample) decideHeader();
  batch.flush();
  yield* batch.ready.splice(0);
}

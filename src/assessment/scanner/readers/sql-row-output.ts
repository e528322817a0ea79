/**
 * Where sql-reader.ts's scanner puts what it reads: rows into RowBatcher batches, strict rows into
 * `sql-block` events (sql-block-sink.ts), errors in order between them. The scanner (the
 * tokenizer) extends this class; keeping the two apart keeps each under the 400-line rule.
 */
import { RowBatcher } from './csv-reader.js';
import type { BodyEvent } from './reader-context.js';
import { errorEvent } from './reader-context.js';
import type { SqlBlockMode } from './sql-block.js';
import { SqlBlockSink } from './sql-block-sink.js';

const sameColumns = (a: string[] | null, b: string[] | null) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((c, i) => c === b[i]));

export class SqlRowOutput {
  readonly events: BodyEvent[] = [];
  /** MySQL escapes; turned off for pg_dump (standard_conforming_strings) and COPY. */
  protected backslash = true;
  protected line = 1;
  protected readonly sink: SqlBlockSink;
  private batchTable = '';
  private readonly tables = new Map<string, string[]>();
  private cols: string[] | null = null;
  private batch: RowBatcher | null = null;
  constructor(
    protected readonly path: string,
    /** Hand strict rows over unsplit as `sql-block` events. */
    blocks: boolean,
  ) {
    this.sink = new SqlBlockSink(path, blocks);
  }

  /** Columns of a `CREATE TABLE`, for INSERTs without a column list. */
  protected defineTable(table: string, cols: string[]): void {
    this.tables.set(table.toLowerCase(), cols);
  }

  protected err(message: string, line: number): void {
    this.flushBatch();
    this.events.push(errorEvent(this.path, message, `line ${line}`));
  }

  protected flushBatch(): void {
    this.emitBlock();
    if (!this.batch) return;
    this.batch.flush();
    this.drain();
  }

  private drain(): void {
    if (this.batch?.ready.length) this.events.push(...this.batch.ready.splice(0));
  }

  private emitBlock(): void {
    const ev = this.sink.take();
    if (ev) this.events.push(ev);
  }

  /**
   * Whether strict rows may go into a block now: the table's columns are known and no row of the
   * current batch was batched as a row (blocks start where batches start: sql-block-sink.ts).
   */
  protected blockable(mode: SqlBlockMode): boolean {
    if (!this.sink.open || (this.batch?.size ?? 0) > 0) return false;
    if (this.sink.differs(mode, this.backslash)) {
      this.unblock();
      return false;
    }
    return true;
  }

  /** Strict rows s[from, to) of the current table (its text or UTF-8 bytes) into the pending block. */
  protected toBlock(mode: SqlBlockMode, s: string | Buffer, from: number, to: number, rows: number): void {
    const ev = this.sink.add(mode, this.backslash, typeof s === 'string' ? s.slice(from, to) : s.subarray(from, to), rows, this.line);
    if (ev) this.events.push(ev);
  }

  /** The pending block's rows back into the batch (a row that cannot join it comes next). */
  private unblock(): void {
    const back = this.sink.takeRows();
    if (!back || !this.batch) return;
    for (const r of back.rows) this.batch.add(r, back.line);
    this.drain();
  }

  protected begin(table: string, cols: string[] | null): void {
    const next = cols?.length ? cols : (this.tables.get(table.toLowerCase()) ?? null);
    // One INSERT per row (mysqldump --skip-extended-insert, pg_dump --inserts): keep filling the
    // same batch while table and columns stay the same.
    if (this.batch && this.batchTable === table && sameColumns(this.cols, next)) return;
    this.flushBatch();
    this.cols = next;
    this.batchTable = table;
    this.batch = new RowBatcher(this.path, table);
    this.batch.header = this.cols;
    this.sink.begin(table, next);
  }

  protected addRow(row: (string | null)[], line: number): void {
    this.unblock();
    this.batch?.add(row, line);
    this.drain();
  }
}

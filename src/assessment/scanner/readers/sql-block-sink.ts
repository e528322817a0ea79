/**
 * Collects the strict rows of a SQL dump (sql-block.ts) into `sql-block` events for sql-reader.ts's
 * scanner. A block is exactly one of the row batches the scanner would otherwise make (RowBatcher:
 * BATCH_ROWS rows, or fewer where the scanner flushes), so that its rows get the same columns: a
 * batch's columns widen to its widest row (`column_5`…), and a block only holds rows no wider than
 * the table's columns. A row that cannot go into a block while a block is pending takes the
 * block's rows back (`takeRows`) into the scanner's batch, which then goes on as without blocks.
 */
import type { BodyEvent } from './reader-context.js';
import { BATCH_ROWS } from './reader-context.js';
import { columnNames } from './csv-reader.js';
import { type SqlBlockMode, sqlBlockRows } from './sql-block.js';

interface Pending {
  mode: SqlBlockMode;
  backslash: boolean;
  /** Text or UTF-8 bytes (sql-byte-scanner.ts); a block's bytes are their UTF-8 bytes in order. */
  parts: (string | Buffer)[];
  rows: number;
  line: number;
}

export class SqlBlockSink {
  private table = '';
  private columns: string[] = [];
  /** Rows of the current table may go into blocks (its columns are known). */
  open = false;
  private pending: Pending | null = null;
  constructor(
    private readonly path: string,
    private readonly enabled: boolean,
  ) {}

  /** The scanner's current table and its columns (null: unknown, never in blocks). */
  begin(table: string, cols: string[] | null): void {
    this.table = table;
    this.columns = cols?.length ? columnNames(cols.length, cols) : [];
    this.open = this.enabled && this.columns.length > 0;
  }

  /** Width of the current table's rows in blocks. */
  get width(): number {
    return this.columns.length;
  }

  /** Rows the pending block can still take before it is a full batch. */
  get room(): number {
    return BATCH_ROWS - (this.pending?.rows ?? 0);
  }

  /** Whether rows in `mode` under `backslash` cannot join the pending block. */
  differs(mode: SqlBlockMode, backslash: boolean): boolean {
    const p = this.pending;
    return p !== null && (p.mode !== mode || p.backslash !== backslash);
  }

  /** Adds `rows` strict rows (their text) to the pending block; returns it once it is a full batch. */
  add(mode: SqlBlockMode, backslash: boolean, text: string | Buffer, rows: number, line: number): BodyEvent | null {
    this.pending ??= { mode, backslash, parts: [], rows: 0, line };
    const p = this.pending;
    p.parts.push(text);
    p.rows += rows;
    return p.rows >= BATCH_ROWS ? this.take() : null;
  }

  /** The pending block's rows, parsed here, and its first line; the block is dropped. */
  takeRows(): { rows: (string | null)[][]; line: number } | null {
    const p = this.pending;
    if (!p) return null;
    this.pending = null;
    return { rows: sqlBlockRows(bytesOf(p.parts), p.mode, p.backslash, this.columns.length), line: p.line };
  }

  /** The pending block as an event (null when none). */
  take(): BodyEvent | null {
    const p = this.pending;
    if (!p) return null;
    this.pending = null;
    return {
      kind: 'sql-block',
      path: this.path,
      table: this.table,
      columns: this.columns,
      mode: p.mode,
      backslash: p.backslash,
      buf: bytesOf(p.parts),
      rows: p.rows,
      firstLocation: { unit: 'line', n: p.line },
    };
  }
}

/** The parts' UTF-8 bytes, one Buffer (a copy: a part may be a view of the reader's chunk). */
function bytesOf(parts: (string | Buffer)[]): Buffer {
  if (parts.every((p) => typeof p === 'string')) return Buffer.from(parts.join(''), 'utf8');
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

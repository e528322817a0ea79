/**
 * SQL dumps from mysqldump and pg_dump, read as a stream by a quote-aware state machine (full SQL
 * parsers cannot take multi-GB INSERT lines). Rows come from `INSERT … VALUES (…),(…);` (one value
 * at a time, so a statement may be any length) and from `COPY t (cols) FROM stdin;` blocks. Column
 * names come from the INSERT/COPY column list, else from the table's `CREATE TABLE`.
 */
import type { BodyEvent } from './reader-context.js';
import { strictCopyLines, strictValueRows } from './sql-block.js';
import { LOOKAHEAD, matchHead, type SkipState, skipToSemicolon, standardStrings } from './sql-heads.js';
import { SqlRowOutput } from './sql-row-output.js';
import { createTableColumns, unescapeCopy } from './sql-statements.js';
import { type BackslashCache, scanValue } from './sql-value.js';

type State = 'top' | 'values' | 'copy' | 'skip';

/** An INSERT head's text (through `VALUES` and the white space after it) and what it means. */
export class LastHead {
  text = '';
  bytes: Buffer | null = null;
  table = '';
  cols: string[] | null = null;
  matched(text: string, table: string, cols: string[] | null): void {
    if (text === this.text && table === this.table && cols === this.cols) return;
    this.text = text;
    this.bytes = null;
    this.table = table;
    this.cols = cols;
  }
}

const WS = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** The tokenizer; where its rows and errors go is SqlRowOutput's part (sql-row-output.ts). */
export class SqlScanner extends SqlRowOutput {
  protected state: State = 'top';
  protected carry = '';
  protected dialectChecked = false;
  private copySkip = false;
  protected row: (string | null)[] | null = null;
  /** The tokenizer hands back to the byte path (sql-byte-scanner.ts) at the next strict row. */
  protected mayYield = false;
  /** This feed stopped at a strict row for the byte path. */
  protected yielded = false;
  /** The last INSERT head read here, for the byte path; null: not recorded. */
  protected head: LastHead | null = null;
  private rowLine = 0;
  private readonly skip: SkipState = { quote: 0, esc: false };
  private readonly heads = new Map<string, { table: string; cols: string[] | null }>();
  constructor(
    path: string,
    protected readonly max: number,
    /** Hand strict rows over unsplit as `sql-block` events. */
    blocks = false,
  ) {
    super(path, blocks);
  }

  feed(text: string, eof: boolean): void {
    const s = this.carry + text;
    if (!this.dialectChecked && (s.length >= 4096 || eof)) {
      this.dialectChecked = true;
      // Statements wait for LOOKAHEAD text at top level, so this runs before the first one.
      if (standardStrings(s)) this.backslash = false;
    }
    const n = s.length;
    let pos = 0;
    // Next newline at or after pos, cached: a statement line can be MBs long, so counting
    // newlines by searching from pos on every token would be quadratic.
    let nextNl = s.indexOf('\n');
    const advance = (to: number) => {
      while (nextNl !== -1 && nextNl < to) {
        this.line++;
        nextNl = s.indexOf('\n', nextNl + 1);
      }
      pos = to;
    };
    const bs: BackslashCache = { next: -2 };
    const stop = () => {
      this.carry = s.slice(pos);
    };
    this.carry = '';
    while (pos < n) {
      if (this.state === 'skip') {
        const end = skipToSemicolon(s, pos, this.skip, this.backslash);
        if (end < 0) {
          advance(n);
          return;
        }
        advance(end + 1);
        this.state = 'top';
        continue;
      }
      if (this.state === 'copy') {
        if (!this.copySkip && this.blockable('copy')) {
          const run = strictCopyLines(s, pos, this.sink.width, this.max, this.sink.room);
          if (run.rows > 0) {
            this.toBlock('copy', s, pos, run.end, run.rows);
            advance(run.end);
            continue;
          }
        }
        const nl = s.indexOf('\n', pos);
        if (this.copySkip) {
          // Dropping an over-long COPY line up to its newline; the block goes on after it.
          advance(nl < 0 ? n : nl + 1);
          if (nl >= 0) this.copySkip = false;
          continue;
        }
        if (nl < 0 && !eof) {
          if (n - pos > this.max) {
            this.err(`COPY line ${this.line} longer than maxLineBytes (${this.max}); skipped`, this.line);
            this.copySkip = true;
            continue;
          }
          stop();
          return;
        }
        const end = nl < 0 ? n : nl;
        if (end - pos > this.max) {
          this.err(`COPY line ${this.line} longer than maxLineBytes (${this.max}); skipped`, this.line);
          advance(nl < 0 ? n : nl + 1);
          continue;
        }
        let ln = s.slice(pos, end);
        if (ln.endsWith('\r')) ln = ln.slice(0, -1);
        const at = this.line;
        advance(nl < 0 ? n : nl + 1);
        if (ln === '\\.') {
          this.flushBatch();
          this.state = 'top';
        } else this.addRow(ln.split('\t').map(unescapeCopy), at);
        continue;
      }
      const c = s.charCodeAt(pos);
      if (WS(c)) {
        advance(pos + 1);
        continue;
      }
      if (this.state === 'top') {
        if (c === 59) {
          pos++;
          continue;
        }
        if ((c === 45 && s.charCodeAt(pos + 1) === 45) || c === 35 || (c === 47 && s.charCodeAt(pos + 1) === 42)) {
          const block = c === 47;
          const end = block ? s.indexOf('*/', pos + 2) : s.indexOf('\n', pos);
          if (end < 0) {
            if (!eof) {
          stop();
          return;
        }
            advance(n);
            return;
          }
          advance(end + (block ? 2 : 1));
          continue;
        }
        if (!eof && n - pos < LOOKAHEAD) {
          stop();
          return;
        }
        if (this.statement(s, pos, eof, advance)) {
          stop();
          return;
        }
        continue;
      }
      // state === 'values'
      if (!this.row) {
        if ((c === 40 || c === 44) && this.blockable('values')) {
          if (this.mayYield && this.dialectChecked && strictValueRows(s, pos, this.backslash, this.sink.width, 1).rows > 0) {
            // A strict row: feedBytes takes the rows from here on the bytes.
            this.yielded = true;
            stop();
            return;
          }
          const run = strictValueRows(s, pos, this.backslash, this.sink.width, this.sink.room);
          if (run.rows > 0) {
            this.toBlock('values', s, pos, run.end, run.rows);
            advance(run.end);
            continue;
          }
        }
        if (c === 40) {
          this.row = [];
          this.rowLine = this.line;
          advance(pos + 1);
        } else if (c === 44) advance(pos + 1);
        else if (c === 59) {
          advance(pos + 1);
          this.state = 'top';
        } else if (!eof && n - pos < 16) {
          stop(); // too little text to tell a trailer keyword from garbage
          return;
        } else if (/^(?:ON|RETURNING)\s/i.test(s.slice(pos, pos + 10))) {
          // Trailer after the rows (ON DUPLICATE KEY UPDATE …, ON CONFLICT DO NOTHING, RETURNING …).
          this.state = 'skip';
        } else {
          this.err(`malformed SQL VALUES on line ${this.line}; rest of statement skipped`, this.line);
          this.state = 'skip';
        }
        continue;
      }
      // A value inside a row tuple.
      const v = scanValue(s, pos, c, eof, this.backslash, bs);
      if (v.kind === 'open-string') {
        if (eof) {
          this.err(`unterminated SQL string starting on line ${this.line}`, this.line);
          this.row = null;
          this.state = 'top';
          advance(n);
          return;
        }
        if (n - pos > this.max) {
          this.err(`SQL value on line ${this.line} longer than maxLineBytes (${this.max}); rest of statement skipped`, this.line);
          this.row = null;
          this.state = 'skip';
          this.skip.quote = 39;
          this.skip.esc = false;
          advance(v.q + 1);
          continue;
        }
        stop();
        return;
      }
      if (v.kind === 'open-token') {
        if (n - pos > this.max) {
          this.err(`malformed SQL value on line ${this.line}; rest of statement skipped`, this.line);
          this.row = null;
          this.state = 'skip';
          continue;
        }
        stop();
        return;
      }
      const { val, end } = v;
      this.row.push(val);
      // After a value: `,` next value, `)` end of row.
      let k = end;
      while (k < n && WS(s.charCodeAt(k))) k++;
      if (k >= n && !eof) {
        this.row.pop();
        stop();
          return;
      }
      const sep = s.charCodeAt(k);
      if (sep === 44) advance(k + 1);
      else if (sep === 41) {
        const row = this.row;
        this.row = null;
        this.addRow(row, this.rowLine);
        advance(k + 1);
      } else {
        this.err(`malformed SQL VALUES on line ${this.line}; rest of statement skipped`, this.line);
        this.row = null;
        advance(k);
        this.state = 'skip';
      }
    }
  }

  /** Dispatch a statement at pos (enough lookahead is in s). Returns true when more text is needed. */
  private statement(s: string, pos: number, eof: boolean, advance: (to: number) => void): boolean {
    const h = matchHead(s, pos, this.heads);
    if (h.kind === 'insert' || h.kind === 'copy') {
      if (h.kind === 'copy') this.backslash = false;
      else this.head?.matched(s.slice(pos, h.end), h.table, h.cols);
      this.begin(h.table, h.cols);
      advance(h.end);
      this.state = h.kind === 'insert' ? 'values' : 'copy';
      return false;
    }
    if (h.kind === 'create') {
      const end = skipToSemicolon(s, h.bodyStart, this.skip, this.backslash);
      this.skip.quote = 0;
      if (end < 0) {
        if (!eof && s.length - pos <= this.max) return true;
        this.err(`CREATE TABLE on line ${this.line} not terminated; skipped`, this.line);
        this.state = 'skip';
        return false;
      }
      this.defineTable(h.table, createTableColumns(s.slice(h.bodyStart, s.lastIndexOf(')', end))));
      advance(end + 1);
      return false;
    }
    if (h.kind === 'other' && h.insert) this.err(`malformed SQL INSERT on line ${this.line}; statement skipped`, this.line);
    this.state = 'skip';
    return false;
  }

  end(): void {
    if (this.carry) this.feed('', true);
    if (this.state === 'values' && this.row) this.err(`SQL dump ended inside a VALUES row (line ${this.rowLine})`, this.rowLine);
    else if (this.state === 'copy') this.err('SQL dump ended inside a COPY block (no \\.)', this.line);
    this.flushBatch();
  }
}

export async function* readSql(path: string, chunks: AsyncIterable<Buffer>, maxLineBytes: number, blocks = false): AsyncGenerator<BodyEvent> {
  const sc = new SqlScanner(path, maxLineBytes, blocks);
  for await (const c of chunks) {
    sc.feed(c.toString('utf8'), false);
    yield* sc.events.splice(0);
  }
  sc.end();
  yield* sc.events.splice(0);
}

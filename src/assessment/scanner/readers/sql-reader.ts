/**
 * SQL dumps from mysqldump and pg_dump, read as a stream by a quote-aware state machine (full SQL
 * parsers cannot take multi-GB INSERT lines). Rows come from `INSERT … VALUES (…),(…);` (one value
 * at a time, so a statement may be any length) and from `COPY t (cols) FROM stdin;` blocks. Column
 * names come from the INSERT/COPY column list, else from the table's `CREATE TABLE`.
 */
import { RowBatcher } from './csv-reader.js';
import type { BodyEvent } from './reader-context.js';
import { errorEvent } from './reader-context.js';
import { columnList, createTableColumns, tableName, unescapeCopy, unescapeSql } from './sql-statements.js';

const PART = String.raw`(?:\x60[^\x60]+\x60|"[^"]+"|\[[^\]]+\]|[\w$]+)`;
const NAME = String.raw`((?:${PART}\.){0,2}${PART})`;
const INSERT_RE = new RegExp(
  String.raw`(?:INSERT|REPLACE)\s+(?:(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|IGNORE)\s+)*INTO\s+${NAME}\s*(?:\(([^)]*)\))?\s*VALUES?\s*`,
  'iy',
);
const COPY_RE = new RegExp(String.raw`COPY\s+${NAME}\s*(?:\(([^)]*)\))?\s+FROM\s+stdin[^;\n]*;[^\n]*\n`, 'iy');
const CREATE_RE = new RegExp(String.raw`CREATE\s+(?:(?:GLOBAL|LOCAL|TEMPORARY|TEMP|UNLOGGED)\s+)*TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${NAME}\s*\(`, 'iy');
const STMT_START = /INSERT|REPLACE|COPY|CREATE/iy;
/** `_binary '…'`, `_utf8mb4'…'`, `X'…'`, `E'…'`, `N'…'`, `b'…'`: prefix before a quoted literal. */
const INTRODUCER = /_?\w*\s*'/y;
/** Text kept ahead before a statement head is matched (heads with long column lists). */
const LOOKAHEAD = 64 * 1024;

type State = 'top' | 'values' | 'copy' | 'skip';

const WS = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

const sameColumns = (a: string[] | null, b: string[] | null) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((c, i) => c === b[i]));

export class SqlScanner {
  readonly events: BodyEvent[] = [];
  private state: State = 'top';
  private carry = '';
  private line = 1;
  private backslash = true; // MySQL escapes; turned off for pg_dump (standard_conforming_strings)
  private dialectChecked = false;
  private copySkip = false;
  private batchTable = '';
  private readonly heads = new Map<string, { table: string; cols: string[] | null }>();
  private readonly tables = new Map<string, string[]>();
  private cols: string[] | null = null;
  private batch: RowBatcher | null = null;
  private row: (string | null)[] | null = null;
  private rowLine = 0;
  private skipQuote = 0;
  private skipEsc = false;
  constructor(
    private readonly path: string,
    private readonly max: number,
  ) {}

  private err(message: string, line: number): void {
    this.flushBatch();
    this.events.push(errorEvent(this.path, message, `line ${line}`));
  }

  private flushBatch(): void {
    if (!this.batch) return;
    this.batch.flush();
    this.events.push(...this.batch.ready.splice(0));
  }

  private begin(table: string, cols: string[] | null): void {
    const next = cols?.length ? cols : (this.tables.get(table.toLowerCase()) ?? null);
    // One INSERT per row (mysqldump --skip-extended-insert, pg_dump --inserts): keep filling the
    // same batch while table and columns stay the same.
    if (this.batch && this.batchTable === table && sameColumns(this.cols, next)) return;
    this.flushBatch();
    this.cols = next;
    this.batchTable = table;
    this.batch = new RowBatcher(this.path, table);
    this.batch.header = this.cols;
  }

  private addRow(row: (string | null)[], line: number): void {
    this.batch?.add(row, line);
    if (this.batch?.ready.length) this.events.push(...this.batch.ready.splice(0));
  }

  feed(text: string, eof: boolean): void {
    const s = this.carry + text;
    if (!this.dialectChecked && (s.length >= 4096 || eof)) {
      this.dialectChecked = true;
      // Statements wait for LOOKAHEAD text at top level, so this runs before the first one.
      if (/PostgreSQL database dump|pg_dump|standard_conforming_strings|^PRAGMA |BEGIN TRANSACTION;/m.test(s.slice(0, 4096))) {
        this.backslash = false;
      }
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
    let nextBs = -2; // cached index of the next backslash (−1: none left)
    const stop = () => {
      this.carry = s.slice(pos);
    };
    this.carry = '';
    while (pos < n) {
      if (this.state === 'skip') {
        const end = this.skipToSemicolon(s, pos);
        if (end < 0) {
          advance(n);
          return;
        }
        advance(end + 1);
        this.state = 'top';
        continue;
      }
      if (this.state === 'copy') {
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
      let val: string | null;
      let end: number;
      let q = pos;
      if (c === 95 /* _charset introducer, e.g. _binary */ || ((c === 69 || c === 101 || c === 88 || c === 120 || c === 66 || c === 98 || c === 78 || c === 110) && s.charCodeAt(pos + 1) === 39)) {
        INTRODUCER.lastIndex = pos;
        if (INTRODUCER.test(s)) q = INTRODUCER.lastIndex - 1;
      }
      if (s.charCodeAt(q) === 39) {
        const esc = this.backslash || c === 69 || c === 101;
        let j = q + 1;
        let closed = -1;
        let escaped = false;
        for (;;) {
          const qq = s.indexOf("'", j);
          if (qq < 0) break;
          if (esc) {
            if (nextBs !== -1 && nextBs < j) nextBs = s.indexOf('\\', j);
            if (nextBs !== -1 && nextBs < qq) {
              j = nextBs + 2;
              escaped = true;
              continue;
            }
          }
          if (s.charCodeAt(qq + 1) === 39) {
            j = qq + 2;
            escaped = true;
            continue;
          }
          if (qq + 1 >= n && !eof) break;
          closed = qq;
          break;
        }
        if (closed < 0) {
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
            this.skipQuote = 39;
            this.skipEsc = false;
            advance(q + 1);
            continue;
          }
          stop();
          return;
        }
        val = escaped ? unescapeSql(s.slice(q + 1, closed), esc) : s.slice(q + 1, closed);
        end = closed + 1;
      } else {
        // Bare token: number, NULL, 0x…, function call. Ends at , or ) outside parentheses.
        let depth = 0;
        let k = pos;
        for (; k < n; k++) {
          const ch = s.charCodeAt(k);
          if (ch === 40) depth++;
          else if (ch === 41) {
            if (depth === 0) break;
            depth--;
          } else if (ch === 44 && depth === 0) break;
          else if (ch === 59 || ch === 39) break;
        }
        if (k >= n && !eof) {
          if (n - pos > this.max) {
            this.err(`malformed SQL value on line ${this.line}; rest of statement skipped`, this.line);
            this.row = null;
            this.state = 'skip';
            continue;
          }
          stop();
          return;
        }
        const tok = s.slice(pos, k).trim();
        val = /^null$/i.test(tok) ? null : tok;
        end = k;
      }
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
    STMT_START.lastIndex = pos;
    if (!STMT_START.test(s)) {
      this.state = 'skip';
      return false;
    }
    INSERT_RE.lastIndex = pos;
    let m = INSERT_RE.exec(s);
    if (m) {
      // One-row-per-INSERT dumps repeat the same head: cache its parse.
      const headKey = m[2] ? `${m[1]}\0${m[2]}` : m[1];
      let head = this.heads.get(headKey);
      if (!head) {
        head = { table: tableName(m[1]), cols: m[2] ? columnList(m[2]) : null };
        if (this.heads.size < 1000) this.heads.set(headKey, head);
      }
      this.begin(head.table, head.cols);
      advance(INSERT_RE.lastIndex);
      this.state = 'values';
      return false;
    }
    COPY_RE.lastIndex = pos;
    m = COPY_RE.exec(s);
    if (m) {
      this.backslash = false;
      this.begin(tableName(m[1]), m[2] ? columnList(m[2]) : null);
      advance(COPY_RE.lastIndex);
      this.state = 'copy';
      return false;
    }
    CREATE_RE.lastIndex = pos;
    m = CREATE_RE.exec(s);
    if (m) {
      const bodyStart = CREATE_RE.lastIndex;
      const end = this.skipToSemicolon(s, bodyStart);
      this.skipQuote = 0;
      if (end < 0) {
        if (!eof && s.length - pos <= this.max) return true;
        this.err(`CREATE TABLE on line ${this.line} not terminated; skipped`, this.line);
        this.state = 'skip';
        return false;
      }
      const body = s.slice(bodyStart, s.lastIndexOf(')', end));
      this.tables.set(tableName(m[1]).toLowerCase(), createTableColumns(body));
      advance(end + 1);
      return false;
    }
    if (/^(?:INSERT|REPLACE)/i.test(s.slice(pos, pos + 7))) this.err(`malformed SQL INSERT on line ${this.line}; statement skipped`, this.line);
    this.state = 'skip';
    return false;
  }

  /** Index of the next `;` outside quotes, resuming the quote state of the previous call. */
  private skipToSemicolon(s: string, from: number): number {
    let q = this.skipQuote;
    let esc = this.skipEsc;
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (q) {
        if (esc) esc = false;
        else if (c === 92 && this.backslash && q === 39) esc = true;
        else if (c === q) q = 0;
        continue;
      }
      if (c === 39 || c === 34 || c === 96) q = c;
      else if (c === 59) {
        this.skipQuote = 0;
        this.skipEsc = false;
        return i;
      }
    }
    this.skipQuote = q;
    this.skipEsc = esc;
    return -1;
  }

  end(): void {
    if (this.carry) this.feed('', true);
    if (this.state === 'values' && this.row) this.err(`SQL dump ended inside a VALUES row (line ${this.rowLine})`, this.rowLine);
    else if (this.state === 'copy') this.err('SQL dump ended inside a COPY block (no \\.)', this.line);
    this.flushBatch();
  }
}

export async function* readSql(path: string, chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<BodyEvent> {
  const sc = new SqlScanner(path, maxLineBytes);
  for await (const c of chunks) {
    sc.feed(c.toString('utf8'), false);
    yield* sc.events.splice(0);
  }
  sc.end();
  yield* sc.events.splice(0);
}

/**
 * Statement heads of SQL dumps: `INSERT … INTO t (cols) VALUES`, `COPY t (cols) FROM stdin;`,
 * `CREATE TABLE t (`, matched at a statement start with sticky regexes (the scanner keeps enough
 * lookahead for long column lists); the dialect sniff; and the quote-aware skip to a statement's
 * `;`. Used by sql-reader.ts's scanner.
 */
import { columnList, tableName } from './sql-statements.js';

const PART = String.raw`(?:\x60[^\x60]+\x60|"[^"]+"|\[[^\]]+\]|[\w$]+)`;
const NAME = String.raw`((?:${PART}\.){0,2}${PART})`;
const INSERT_RE = new RegExp(
  String.raw`(?:INSERT|REPLACE)\s+(?:(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|IGNORE)\s+)*INTO\s+${NAME}\s*(?:\(([^)]*)\))?\s*VALUES?\s*`,
  'iy',
);
const COPY_RE = new RegExp(String.raw`COPY\s+${NAME}\s*(?:\(([^)]*)\))?\s+FROM\s+stdin[^;\n]*;[^\n]*\n`, 'iy');
const CREATE_RE = new RegExp(
  String.raw`CREATE\s+(?:(?:GLOBAL|LOCAL|TEMPORARY|TEMP|UNLOGGED)\s+)*TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${NAME}\s*\(`,
  'iy',
);
const STMT_START = /INSERT|REPLACE|COPY|CREATE/iy;
/** `_binary '…'`, `_utf8mb4'…'`, `X'…'`, `E'…'`, `N'…'`, `b'…'`: prefix before a quoted literal. */
export const INTRODUCER = /_?\w*\s*'/y;
/** Text kept ahead before a statement head is matched (heads with long column lists). */
export const LOOKAHEAD = 64 * 1024;

/**
 * Whether a dump's first 4 KiB say PostgreSQL or SQLite (standard_conforming_strings: a backslash
 * is an ordinary character in '…'), not MySQL (backslash escapes).
 */
export function standardStrings(head: string): boolean {
  return /PostgreSQL database dump|pg_dump|standard_conforming_strings|^PRAGMA |BEGIN TRANSACTION;/m.test(head.slice(0, 4096));
}

/** Quote state carried between calls of skipToSemicolon (a statement may span chunks). */
export interface SkipState {
  quote: number;
  esc: boolean;
}

/** Index of the next `;` outside quotes from `from`, resuming and updating `st`; -1 when none. */
export function skipToSemicolon(s: string, from: number, st: SkipState, backslash: boolean): number {
  let q = st.quote;
  let esc = st.esc;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (q) {
      if (esc) esc = false;
      else if (c === 92 && backslash && q === 39) esc = true;
      else if (c === q) q = 0;
      continue;
    }
    if (c === 39 || c === 34 || c === 96) q = c;
    else if (c === 59) {
      st.quote = 0;
      st.esc = false;
      return i;
    }
  }
  st.quote = q;
  st.esc = esc;
  return -1;
}

export type Head =
  /** `end`: where the rows begin (after VALUES, or after the COPY line's LF). */
  | { kind: 'insert' | 'copy'; table: string; cols: string[] | null; end: number }
  /** `bodyStart`: after the `(` that opens the column definitions. */
  | { kind: 'create'; table: string; bodyStart: number }
  /** Some other statement, to be skipped (`insert`: one that starts like an INSERT but is not one). */
  | { kind: 'other'; insert: boolean };

/**
 * The head of the statement at `pos`. `heads` caches INSERT heads by their text: one-row-per-INSERT
 * dumps (mysqldump --skip-extended-insert, pg_dump --inserts) repeat the same head.
 */
export function matchHead(s: string, pos: number, heads: Map<string, { table: string; cols: string[] | null }>): Head {
  STMT_START.lastIndex = pos;
  if (!STMT_START.test(s)) return { kind: 'other', insert: false };
  INSERT_RE.lastIndex = pos;
  let m = INSERT_RE.exec(s);
  if (m) {
    const headKey = m[2] ? `${m[1]}\0${m[2]}` : m[1];
    let head = heads.get(headKey);
    if (!head) {
      head = { table: tableName(m[1]), cols: m[2] ? columnList(m[2]) : null };
      if (heads.size < 1000) heads.set(headKey, head);
    }
    return { kind: 'insert', table: head.table, cols: head.cols, end: INSERT_RE.lastIndex };
  }
  COPY_RE.lastIndex = pos;
  m = COPY_RE.exec(s);
  if (m) return { kind: 'copy', table: tableName(m[1]), cols: m[2] ? columnList(m[2]) : null, end: COPY_RE.lastIndex };
  CREATE_RE.lastIndex = pos;
  m = CREATE_RE.exec(s);
  if (m) return { kind: 'create', table: tableName(m[1]), bodyStart: CREATE_RE.lastIndex };
  return { kind: 'other', insert: /^(?:INSERT|REPLACE)/i.test(s.slice(pos, pos + 7)) };
}

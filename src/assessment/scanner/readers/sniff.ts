/**
 * Format, encoding and delimiter sniffing from the first bytes of a file (the header row: header-row.ts). Magic numbers:
 * ZIP local header `PK\3\4` (APPNOTE 4.3.7), gzip `1f 8b` (RFC 1952 §2.3.1), POSIX ustar
 * `ustar` at offset 257 (POSIX.1-1988 tar header), BOMs per Unicode §23.8.
 */
import { isUtf8 } from 'node:buffer';
import type { FileFormat } from '../types.js';
import { HEADER_WORD, looksLikeHeader } from './header-row.js';

export { findHeaderRow, looksLikeHeader } from './header-row.js';

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'latin1';

/** Bytes of head read before sniffing. */
export const SNIFF_BYTES = 64 * 1024;

/** Index where a trailing incomplete UTF-8 sequence starts (length if the buffer ends cleanly). */
export function utf8CompleteEnd(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = buf[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

export function sniffEncoding(head: Buffer): TextEncoding {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8-bom';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  // BOM-less UTF-16: ASCII text leaves a NUL in every other byte.
  if (head.length >= 8) {
    let evenNul = 0;
    let oddNul = 0;
    const n = Math.min(head.length, 4096) & ~1;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenNul++;
      if (head[i + 1] === 0) oddNul++;
    }
    if (oddNul > n * 0.4 && evenNul === 0) return 'utf16le';
    if (evenNul > n * 0.4 && oddNul === 0) return 'utf16be';
  }
  return isUtf8(head.subarray(0, utf8CompleteEnd(head))) ? 'utf8' : 'latin1';
}

/**
 * Bytes that are not UTF-8 are read as Windows-1252, as the WHATWG Encoding Standard reads every
 * `latin1`/`iso-8859-1` label: the same as ISO 8859-1 except 0x80–0x9F, which are C1 controls
 * there and `€ ‚ „ … Š Œ Ž ‘ ’ “ ” – — š œ ž Ÿ` in Excel's Windows CSV exports. Read as ISO
 * 8859-1, `Šárka` became a control character + `árka` and `Žofie` `ofie`.
 */
export function decodeLatin1(b: Uint8Array): string {
  const s = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
  // Node 20's TextDecoder('windows-1252') decodes as ISO 8859-1: the 32 differing bytes by table
  // (iconv-lite's win1252 gives the same, but it loads only when an archive needs it: dispatch.ts).
  return /[\x80-\x9f]/.test(s) ? s.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_80_9F[c.charCodeAt(0) - 0x80])) : s;
}
/** WHATWG index-windows-1252, bytes 0x80–0x9F (the five unassigned keep their C1 code point). */
const CP1252_80_9F = [0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178];

export function decodeHead(head: Buffer, enc: TextEncoding): string {
  switch (enc) {
    case 'utf8':
      return head.subarray(0, utf8CompleteEnd(head)).toString('utf8');
    case 'utf8-bom':
      return head.subarray(3, utf8CompleteEnd(head)).toString('utf8');
    case 'utf16le':
    case 'utf16be':
      return new TextDecoder(enc === 'utf16le' ? 'utf-16le' : 'utf-16be').decode(head.subarray(0, head.length & ~1));
    case 'latin1':
      return decodeLatin1(head);
  }
}

function isBinary(head: Buffer, enc: TextEncoding): boolean {
  if (enc === 'utf16le' || enc === 'utf16be') return false;
  const n = Math.min(head.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) ctrl++;
  }
  return ctrl > n * 0.1;
}

const EXT_FORMAT: Record<string, FileFormat> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  sql: 'sql',
  txt: 'text',
  log: 'text',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  zip: 'zip',
  tar: 'tar',
  tgz: 'gzip',
  gz: 'gzip',
};

function extension(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('!')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const SQL_HINT = /^(?:--|\/\*|#)|^\s*(?:INSERT\s+INTO|CREATE\s+TABLE|COPY\s+\S+.*FROM\s+stdin|SET\s|DROP\s+TABLE|LOCK\s+TABLES)/im;

/**
 * Does `t` (starting with '[') open a JSON array? Its first element must start like a JSON value
 * (RFC 8259 §5): an INI or TOML section (`[default]` of an AWS credentials file, `[pypi]` of a
 * .pypirc, `[[servers]]`) or a log line's `[2024-01-01 10:00:00]` does not, and was read as one
 * malformed JSON record: no record, and the keys under it never scanned.
 */
function opensJsonArray(t: string): boolean {
  const m = /^[\s[]*/.exec(t)![0].length;
  const rest = t.slice(m, m + 40);
  if (rest === '' || /^[{"\]]/.test(rest)) return true;
  return /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)\s*(?:[,\]]|$)/.test(rest);
}

/** JSON array or pretty object → 'json'; one object per line → 'ndjson'. */
function sniffJson(text: string): FileFormat | null {
  const t = text.trimStart();
  if (t.startsWith('[')) return opensJsonArray(t) ? 'json' : null;
  if (!t.startsWith('{')) return null;
  const nl = t.indexOf('\n');
  const first = (nl < 0 ? t : t.slice(0, nl)).trim();
  try {
    JSON.parse(first);
    // One object per line; a file that is a single one-line object is a document ({"users":[…]}).
    return nl >= 0 && t.slice(nl).trim().length > 0 ? 'ndjson' : 'json';
  } catch {
    return 'json';
  }
}

/**
 * Whether a zip's own top-level entries are a workbook's (ECMA-376 Part 2: `[Content_Types].xml`
 * at the package root, the workbook part under `xl/`). Only the archive's own local file headers
 * count (APPNOTE 4.3.7: signature, then sizes at 18, name length at 26, extra length at 28, name
 * at 30): a zip that *holds* a stored .xlsx has those names inside its member's bytes, and taking
 * it for a workbook would skip every other member. The walk stops at the first header whose size
 * is only in a data descriptor (bit 3), or at the end of what was sniffed.
 */
const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function zipLooksLikeWorkbook(head: Buffer): boolean {
  let p = 0;
  for (let n = 0; n < 64 && p + 30 <= head.length && head.readUInt32LE(p) === 0x04034b50; n++) {
    const nameLen = head.readUInt16LE(p + 26);
    const extraLen = head.readUInt16LE(p + 28);
    if (p + 30 + nameLen > head.length) return false;
    const name = head.toString('latin1', p + 30, p + 30 + nameLen);
    if (name === '[Content_Types].xml' || name === 'xl/workbook.xml' || name === 'xl/workbook.bin') return true;
    const size = head.readUInt32LE(p + 18);
    if ((head.readUInt16LE(p + 6) & 0x08) !== 0 && size === 0) {
      // A streaming writer's deflated entry: its end is unknown here, but deflated bytes hold no
      // plain header names, so the next signature found is the next entry's.
      const next = head.indexOf(LOCAL_HEADER, p + 30 + nameLen + extraLen);
      if (next < 0) return false;
      p = next;
      continue;
    }
    p += 30 + nameLen + extraLen + size;
  }
  return false;
}

/**
 * Decide a file's format from its name and first bytes (up to SNIFF_BYTES). Content wins over the
 * extension for containers and binaries; the extension decides between text formats.
 */
export function sniffFormat(name: string, head: Buffer): FileFormat {
  const ext = extension(name);
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) {
    if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
    return zipLooksLikeWorkbook(head) ? 'xlsx' : 'zip';
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  const enc = sniffEncoding(head);
  if (isBinary(head, enc)) return 'binary';
  const text = decodeHead(head, enc);
  const byExt = EXT_FORMAT[ext];
  if (byExt === 'csv' || byExt === 'tsv') {
    const d = sniffDelimiter(text);
    return d === '\t' ? 'tsv' : d ? 'csv' : byExt;
  }
  if (byExt === 'text' && ext === 'txt') {
    // A `.txt` is also what `SELECT … INTO OUTFILE`, `mysql -B`, `bcp` and many export dialogs
    // write for a delimited table; read as prose, its columns lost their meaning (a state column
    // stopped placing people in their state: every US resident of a pipe-delimited `.txt` export
    // was counted in `US`, none in a state). Only a strictly regular table is read as one.
    const d = strictDelimiter(text);
    if (d) return d === '\t' ? 'tsv' : 'csv';
  }
  if (byExt === 'text' && ext === 'log') {
    // An application's CSV log (`audit.log`: a header row, then quoted fields) read as text lost
    // its columns' meaning; access logs, syslog and JSON lines have no header row naming columns
    // and quote mid-field (`"GET / HTTP/1.1"` between spaces), so they stay text (outside review 4).
    const d = headedCsvLog(text);
    if (d) return d === '\t' ? 'tsv' : 'csv';
  }
  if (byExt === 'ndjson' || byExt === 'sql' || byExt === 'text') return byExt;
  if (ext === 'json') return sniffJson(text) ?? 'json';
  const json = sniffJson(text);
  if (json) return json;
  if (SQL_HINT.test(text.slice(0, 8192)) && /INSERT\s+INTO|CREATE\s+TABLE|COPY\s/i.test(text)) return 'sql';
  const delim = sniffDelimiter(text);
  if (delim) return delim === '\t' ? 'tsv' : 'csv';
  return 'text';
}

const DELIMS = [',', ';', '\t', '|'] as const;

/** Split the first lines of text naively (quoted delimiters are rare enough in a sample). */
function sampleLines(text: string, max = 50): string[] {
  const lines = text.split('\n', max + 1);
  if (lines.length > max) lines.pop(); // last piece may be cut mid-line
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l.length > 0);
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQ = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQ = !inQ;
    else if (c === d && !inQ) n++;
  }
  return n;
}

/** The most frequent non-zero count of `d` per line (the larger count on a tie), and on how many lines. */
function delimiterMode(lines: string[], d: string): { mode: number; modeCount: number } {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const c = countOutsideQuotes(l, d);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let modeCount = 0;
  let mode = 0;
  for (const [c, k] of counts) {
    if (c > 0 && (k > modeCount || (k === modeCount && c > mode))) {
      mode = c;
      modeCount = k;
    }
  }
  return { mode, modeCount };
}

/**
 * Delimiter whose per-line count is the most consistent (same count on most lines, ≥ 1), as
 * Python's csv.Sniffer does; null when no candidate splits the lines into ≥ 2 fields consistently.
 */
export function sniffDelimiter(text: string): string | null {
  return delimiterOf(sampleLines(text));
}

function delimiterOf(lines: string[]): string | null {
  if (lines.length === 0) return null;
  let best: string | null = null;
  let bestScore = 0;
  for (const d of DELIMS) {
    const { mode, modeCount } = delimiterMode(lines, d);
    if (mode === 0) continue;
    const consistency = modeCount / lines.length;
    if (consistency < 0.6) continue;
    const score = consistency * 1000 + Math.min(mode, 100);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Lines a `.txt` must have, sampled, before its regularity can say it is a table. */
const STRICT_MIN_LINES = 5;
const STRICT_CONSISTENCY = 0.9;

/** Share of sampled lines with a tab above which tabs, not another delimiter, lay the text out. */
const TAB_LAYOUT_SHARE = 0.5;
/** Share of indented one-field lines (`\t\t\ttext`) above which a "TSV" is indented prose. */
const TAB_INDENT_SHARE = 0.2;

/**
 * Tabs that align text instead of delimiting fields (outside review 4: a vim help file, 1 of 772
 * real `.txt` files, was read as a table). Two layouts: tabs on most lines while another
 * delimiter was picked (`|tag|\t\t\tdescription`: the pipes are link markup, the tabs put the
 * descriptions in a column) — a `|` or `,` table has no use for tabs on most of its lines; and,
 * for tab itself, one line in five indented by tabs with a single piece of text after them (prose
 * wrapped under a hanging indent). A real TSV's empty fields are runs of tabs *between* filled
 * ones at the same positions on every line (PostgreSQL's `sql_features.txt`), never that.
 */
function tabLaidOut(lines: string[], d: string): boolean {
  let tabbed = 0;
  let indented = 0;
  for (const l of lines) {
    if (l.indexOf('\t') === -1) continue;
    tabbed++;
    if (l.charCodeAt(0) === 9 && /^\t+[^\t]*[^\t\s][^\t]*\t*$/.test(l)) indented++;
  }
  if (d !== '\t') return tabbed >= TAB_LAYOUT_SHARE * lines.length;
  return indented >= TAB_INDENT_SHARE * lines.length;
}

/**
 * The delimiter of text that is unmistakably a table: sniffDelimiter's pick, found the same
 * number of times on ≥ 90 % of ≥ 5 sampled lines, and either ≥ 3 fields a line or a first line
 * that names its columns, and no tab layout (tabLaidOut). Prose, lists and logs are not that
 * regular (a wrapped paragraph's commas vary line to line; a one-comma list needs a header to count).
 */
export function strictDelimiter(text: string): string | null {
  const lines = sampleLines(text);
  if (lines.length < STRICT_MIN_LINES) return null;
  const d = delimiterOf(lines);
  if (!d) return null;
  const { mode, modeCount } = delimiterMode(lines, d);
  if (modeCount < STRICT_CONSISTENCY * lines.length) return null;
  if (tabLaidOut(lines, d)) return null;
  if (mode >= 2) return d;
  const head = lines[0].split(d);
  return head.every((h) => HEADER_WORD.test(h.trim().replace(/^"|"$/g, ''))) ? d : null;
}

/** A header cell of a log's CSV: an identifier (`timestamp`, `user_email`, `Client IP`), no data. */
const LOG_HEADER_CELL = /^[A-Za-z_][A-Za-z0-9_ .-]{0,63}$/;

/**
 * The fields of a CSV line under RFC 4180 quoting (a quoted field is quoted whole, inner quotes
 * doubled), or null when a quote stands anywhere else — as in an access log's `"GET / HTTP/1.1"`
 * split at commas, or a stray `"` in prose.
 */
function strictFields(line: string, d: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q === -1) return null;
        v += line.slice(i, q);
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out.push(v);
      if (i === line.length) return out;
      if (line[i] !== d) return null;
      i++;
    } else {
      const e = line.indexOf(d, i);
      const v = e === -1 ? line.slice(i) : line.slice(i, e);
      if (v.includes('"')) return null;
      out.push(v);
      if (e === -1) return out;
      i = e + 1;
    }
  }
}

/**
 * The delimiter of a `.log` that is a CSV with a header: strictly regular (strictDelimiter), every
 * sampled line quoted by RFC 4180 with the header's number of fields (≥ 3), and a first line of
 * column names that looksLikeHeader votes for. Else null: the file stays text.
 */
export function headedCsvLog(text: string): string | null {
  const d = strictDelimiter(text);
  if (!d) return null;
  const rows: string[][] = [];
  for (const line of sampleLines(text)) {
    const f = strictFields(line, d);
    if (f === null) return null;
    rows.push(f);
  }
  const head = rows[0];
  if (head.length < 3 || !head.every((h) => LOG_HEADER_CELL.test(h.trim()))) return null;
  if (!rows.every((r) => r.length === head.length)) return null;
  return looksLikeHeader(rows) ? d : null;
}

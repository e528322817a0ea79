/**
 * Small helpers for SQL dump statements: identifier unquoting, column lists, CREATE TABLE bodies,
 * and the string-literal escapes of MySQL (https://dev.mysql.com/doc/refman/8.0/en/string-literals.html,
 * table 11.1) and PostgreSQL COPY text format (https://www.postgresql.org/docs/current/sql-copy.html,
 * "Text Format").
 */

/** `public.users`, `"public"."users"`, `` `db`.`users` `` → `users`. */
export function tableName(raw: string): string {
  const parts = raw.trim().match(/`[^`]*`|"[^"]*"|\[[^\]]*\]|[^.]+/g) ?? [raw];
  return unquoteIdent(parts[parts.length - 1]);
}

export function unquoteIdent(s: string): string {
  const t = s.trim();
  const f = t[0];
  if ((f === '`' || f === '"' || f === '[') && t.length >= 2) return t.slice(1, -1);
  return t;
}

export function columnList(raw: string): string[] {
  return splitTopLevel(raw).map(unquoteIdent).filter((c) => c.length > 0);
}

/** Split on commas outside quotes and parentheses. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let q = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = '';
      continue;
    }
    if (c === "'" || c === '"' || c === '`') q = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim());
}

const NOT_A_COLUMN = /^(?:PRIMARY|KEY|UNIQUE|CONSTRAINT|INDEX|FOREIGN|CHECK|FULLTEXT|SPATIAL|EXCLUDE|LIKE|PERIOD)\b/i;

/** Column names of a `CREATE TABLE name ( … )` statement body (text between the outer parentheses). */
export function createTableColumns(body: string): string[] {
  const cols: string[] = [];
  for (const item of splitTopLevel(body)) {
    if (!item || NOT_A_COLUMN.test(item)) continue;
    const m = item.match(/^(`[^`]+`|"[^"]+"|\[[^\]]+\]|[^\s(]+)/);
    if (m) cols.push(unquoteIdent(m[1]));
  }
  return cols;
}

const MYSQL_ESC: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };

/** Decode the inside of a quoted SQL string: `''` → `'`, and backslash escapes when enabled. */
export function unescapeSql(s: string, backslash: boolean): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 && backslash && i + 1 < s.length) {
      const e = s[i + 1];
      // \% and \_ keep their backslash: they are only special in LIKE patterns.
      out += s.slice(last, i) + (e === '%' || e === '_' ? `\\${e}` : (MYSQL_ESC[e] ?? e));
      i++;
      last = i + 1;
    } else if (c === 39 && s.charCodeAt(i + 1) === 39) {
      out += s.slice(last, i) + "'";
      i++;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

const COPY_ESC: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** One field of PostgreSQL COPY text format. */
export function unescapeCopy(s: string): string | null {
  if (s === '\\N') return null;
  if (!s.includes('\\')) return s;
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|[\s\S])/g, (_m, e: string) => {
    if (e.length > 1 && e[0] === 'x') return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(Number.parseInt(e, 8));
    return COPY_ESC[e] ?? e;
  });
}

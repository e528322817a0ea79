/**
 * One CSV field per RFC 4180 §2 (quote when it holds a comma, quote, CR or LF; double the quotes).
 *
 * Formula guard (OWASP "CSV Injection"): a cell a spreadsheet would run — one starting with = + - @,
 * a tab, CR or LF, also after leading spaces — gets a leading ' so it is shown as text. Only a plain
 * number keeps its sign: "-5" stays a number, but "-1+cmd|…" (a formula that starts like a number,
 * issue 19 §5) is guarded.
 */
const FORMULA_START = /^(?:\s*[=+\-@]|[\t\r\n])/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

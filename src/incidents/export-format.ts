/**
 * CSV and Markdown writers for timeline and register exports (pure).
 */
import { csvField } from '../platform/csv-field.js';

export { csvField };

/** CSV with a header row and CRLF line ends (RFC 4180 §2.1). */
export function toCsv<T extends Record<string, unknown>>(columns: (keyof T & string)[], rows: T[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Escapes text for a Markdown table cell (pipes, line breaks). */
export function mdCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/**
 * A CRM export whose notes are RFC 4180 quoted fields with commas, doubled quotes and line breaks
 * (issue 18 §2: byte ranges of a CSV must start at records, not inside a quoted note).
 */
import { writeFileSync } from 'node:fs';
import { csvLine } from './writers.js';

/** Writes `rows` customers; with `brokenAt` (0–1) an unbalanced quote that far into the file. */
export function writeQuotedCsv(path: string, rows: number, brokenAt = 0): string {
  const lines = [csvLine(['id', 'full_name', 'email', 'phone', 'note'])];
  for (let i = 0; i < rows; i++) {
    const note = i % 3 === 0 ? `called back,\nsaid "not me"\nref ${i}` : i % 3 === 1 ? `plain ${i}` : '';
    lines.push(csvLine([i + 1, `Person ${i}`, `person.${i}@example.com`, `+1 415 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`, note]));
  }
  if (brokenAt) lines.splice(Math.floor(rows * brokenAt), 0, `${rows + 1},"Unclosed,x@example.com,,`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

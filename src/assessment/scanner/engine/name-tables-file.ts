/**
 * The file the build writes the name lists' tables to (detectors/name-tables.ts), beside the
 * compiled engine and the detection bundle (`dist/assessment/scanner/engine/name-tables.bin`): made
 * once by `npm run build` (scripts/bundle-scan-worker.mjs), read by each detection thread on its
 * first free text instead of building the tables again. A missing, unreadable or stale file reads
 * as null, and the detectors build the tables themselves (name-tables.ts refuses any bytes not made
 * from the lists they look words up in).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeWordTables, NAME_LISTS } from '../detectors/name-tables.js';
import { WordTable } from '../detectors/word-table.js';

export const NAME_TABLES_FILE = fileURLToPath(new URL('./name-tables.bin', import.meta.url));

/** The file's bytes, or null without one. */
export function readNameTablesFile(file = NAME_TABLES_FILE): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** Build time: the tables built from the lists, written to `file` whole (a temporary file renamed over it). Returns its size. */
export function writeNameTablesFile(file = NAME_TABLES_FILE): number {
  const bytes = encodeWordTables(NAME_LISTS, NAME_LISTS.map((list) => new WordTable(list)));
  writeFileSync(`${file}.tmp`, bytes, { mode: 0o644 });
  renameSync(`${file}.tmp`, file);
  return bytes.length;
}

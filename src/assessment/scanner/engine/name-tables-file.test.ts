import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeWordTables, encodeWordTables, NAME_LISTS } from '../detectors/name-tables.js';
import { WordTable } from '../detectors/word-table.js';
import { readNameTablesFile, writeNameTablesFile } from './name-tables-file.js';

const dir = mkdtempSync(join(tmpdir(), 'name-tables-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the build’s name tables file (name-tables-file.ts)', () => {
  it('holds the tables built from the lists, readable by every user, written whole', () => {
    const file = join(dir, 'name-tables.bin');
    const size = writeNameTablesFile(file);
    expect(statSync(file).size).toBe(size);
    expect(statSync(file).mode & 0o777).toBe(0o644);
    const bytes = readNameTablesFile(file)!;
    expect(decodeWordTables(bytes, NAME_LISTS)).not.toBeNull();
    const built = encodeWordTables(NAME_LISTS, NAME_LISTS.map((l) => new WordTable(l)));
    expect(Buffer.from(bytes).equals(built)).toBe(true);
    expect(() => statSync(`${file}.tmp`)).toThrow();
  });

  it('reads as null when missing, and a garbage file is refused by the decoder', () => {
    expect(readNameTablesFile(join(dir, 'none.bin'))).toBeNull();
    const junk = join(dir, 'junk.bin');
    writeFileSync(junk, 'not tables');
    expect(decodeWordTables(readNameTablesFile(junk)!, NAME_LISTS)).toBeNull();
  });
});

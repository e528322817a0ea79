import { describe, expect, it } from 'vitest';
import type { ValueFinding } from '../types.js';
import { decodeWordTables, encodeWordTables, NAME_LISTS } from './name-tables.js';
import { nameTablesFrom, nameWords } from './text-names.js';
import { WordTable } from './word-table.js';

const fresh = (lists: readonly string[]) => lists.map((l) => new WordTable(l));
const small = ['anna|bert|carl', 'smith|jones|müller', 'the|and|new'];

describe('name tables made at build time (name-tables.ts)', () => {
  it('read back, they are the tables built from the lists, slot for slot', () => {
    const built = fresh(NAME_LISTS);
    const read = decodeWordTables(encodeWordTables(NAME_LISTS, built), NAME_LISTS);
    expect(read).not.toBeNull();
    // Slot for slot: written out again, the same bytes (toEqual on the arrays takes seconds).
    expect(Buffer.from(encodeWordTables(NAME_LISTS, read!)).equals(encodeWordTables(NAME_LISTS, built))).toBe(true);
    for (const w of ['jennifer', 'wilson', 'the', 'jürgen', 'zzzqx', '', 'smith|jones']) {
      expect(read!.map((t) => t.has(w))).toEqual(built.map((t) => t.has(w)));
    }
  });

  it('are refused when made from other lists, even of the same lengths', () => {
    const bytes = encodeWordTables(small, fresh(small));
    expect(decodeWordTables(bytes, small)).not.toBeNull();
    // One letter changed, same lengths (V8's code cache would not see this: it checks lengths only).
    expect(decodeWordTables(bytes, ['anna|bert|carm', small[1], small[2]])).toBeNull();
    expect(decodeWordTables(bytes, [small[1], small[0], small[2]])).toBeNull();
    expect(decodeWordTables(bytes, small.slice(0, 2))).toBeNull();
  });

  it('are refused when cut, altered, of another format or byte order', () => {
    const bytes = encodeWordTables(small, fresh(small));
    const altered = (at: number) => {
      const b = bytes.slice();
      b[at] ^= 1;
      return b;
    };
    expect(decodeWordTables(bytes.subarray(0, bytes.length - 4), small)).toBeNull();
    expect(decodeWordTables(new Uint8Array(0), small)).toBeNull();
    expect(decodeWordTables(altered(bytes.length - 1), small)).toBeNull(); // a slot
    expect(decodeWordTables(altered(4), small)).toBeNull(); // the format
    expect(decodeWordTables(altered(0), small)).toBeNull(); // the magic number (byte order)
    expect(decodeWordTables(altered(12), small)).toBeNull(); // a slot count
    expect(decodeWordTables(altered(60), small)).toBeNull(); // the lists' digest
    // Not on a 4-byte boundary: copied, then read.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeWordTables(shifted.subarray(1), small)?.map((t) => [...t])).toEqual(fresh(small).map((t) => [...t]));
  });
});

describe('nameWords with the build’s tables (nameTablesFrom)', () => {
  const text = 'Please ask Jennifer Wilson to call back; Der Vertrag wurde von Jürgen Schneider unterschrieben. Thank You, New York';
  const names = () => {
    const out: ValueFinding[] = [];
    nameWords(text, out);
    nameWords('jennifer wilson said she would call', out);
    return out.map((f) => f.value);
  };

  it('reads them once, on first use, and finds what the tables built here find', () => {
    nameTablesFrom(null);
    const expected = names();
    let reads = 0;
    const bytes = encodeWordTables(NAME_LISTS, fresh(NAME_LISTS));
    nameTablesFrom(() => {
      reads++;
      return bytes;
    });
    expect(reads).toBe(0);
    expect(names()).toEqual(expected);
    expect(names()).toEqual(expected);
    expect(reads).toBe(1);
    nameTablesFrom(null);
  });

  it('builds its own when the file is missing, stale or corrupt', () => {
    nameTablesFrom(null);
    const expected = names();
    const stale = encodeWordTables(small, fresh(small));
    const corrupt = encodeWordTables(NAME_LISTS, fresh(NAME_LISTS));
    corrupt[corrupt.length >> 1] ^= 0x40;
    for (const bytes of [null, stale, corrupt, new Uint8Array(10)]) {
      nameTablesFrom(() => bytes);
      expect(names()).toEqual(expected);
    }
    nameTablesFrom(null);
  });
});

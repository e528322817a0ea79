import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMMON_WORDS, FIRST_NAMES, LAST_NAMES } from './name-lists.data.js';
import { WordTable } from './word-table.js';

const LISTS = { FIRST_NAMES, LAST_NAMES, COMMON_WORDS };

describe('WordTable answers as new Set(list.split("|"))', () => {
  for (const [name, list] of Object.entries(LISTS)) {
    it(`${name}: every word of the list, its neighbours and its distinct words`, () => {
      const set = new Set(list.split('|'));
      const table = new WordTable(list);
      let missing = 0;
      for (const w of set) if (!table.has(w)) missing++;
      expect(missing).toBe(0);
      // Near misses: a unit more, a unit less, another case, another last unit.
      let wrong = 0;
      for (const w of set) {
        for (const q of [`${w}s`, w.slice(0, -1), w.toUpperCase(), `${w.slice(0, -1)}${String.fromCharCode(w.charCodeAt(w.length - 1) + 1)}`, `|${w}`]) {
          if (table.has(q) !== set.has(q)) wrong++;
        }
      }
      expect(wrong).toBe(0);
      expect(new Set(table)).toEqual(set);
      expect([...table].length).toBe(set.size);
    });
  }

  it('random lists and queries (repeats, empty words, non-ASCII, lone surrogates)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'ł', '\ud800', 'Z', '-', "'"), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(word, { maxLength: 40 }), (words, queries) => {
        const list = words.join('|');
        const set = new Set(list.split('|'));
        const table = new WordTable(list);
        expect([...queries, ...words, ''].filter((q) => table.has(q) !== set.has(q))).toEqual([]);
        expect(new Set(table)).toEqual(set);
        expect([...table].length).toBe(set.size);
      }),
      { numRuns: 2000 },
    );
  });
});

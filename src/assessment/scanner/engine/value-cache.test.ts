import { describe, expect, it } from 'vitest';
import { SentValues } from './value-cache.js';

describe('SentValues', () => {
  it('finds what was added for the same (tag, value), and nothing else', () => {
    const sent = new SentValues(10_000);
    // Odd and even lengths (two code units a block), non-ASCII, empty, and near-duplicates.
    const values = ['', 'a', 'ab', 'Ann', 'Anne', 'anne', 'Müller', 'Müllet', '東京', '1970-01-01', '1970-01-10', 'x'.repeat(300)];
    for (const tag of [0, 1, 13]) {
      for (const v of values) {
        expect(sent.has(tag, v)).toBe(false);
        sent.add();
      }
    }
    for (const tag of [0, 1, 13]) for (const v of values) expect(sent.has(tag, v), `${tag}:${v}`).toBe(true);
    expect(sent.has(2, 'Ann')).toBe(false);
    expect(sent.has(0, 'Ann ')).toBe(false);
    expect(sent.size).toBe(values.length * 3);
  });

  it('holds thousands of values across probe chains, starts over once full, and clears', () => {
    const sent = new SentValues(5_000);
    for (let i = 0; i < 5_000; i++) {
      expect(sent.has(7, `name-${i}`)).toBe(false);
      sent.add();
    }
    for (let i = 0; i < 5_000; i++) expect(sent.has(7, `name-${i}`)).toBe(true);
    // The next new value clears the table first: only it remains.
    expect(sent.has(7, 'one more')).toBe(false);
    sent.add();
    expect(sent.size).toBe(1);
    expect(sent.has(7, 'name-0')).toBe(false);
    expect(sent.has(7, 'one more')).toBe(true);
    sent.clear();
    expect(sent.size).toBe(0);
    expect(sent.has(7, 'one more')).toBe(false);
  });
});

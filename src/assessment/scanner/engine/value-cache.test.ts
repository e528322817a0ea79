import { describe, expect, it } from 'vitest';
import { ValueDigestCache } from './value-cache.js';

describe('ValueDigestCache', () => {
  it('returns what was put for the same (tag, value), and misses for any other', () => {
    const cache = new ValueDigestCache(10_000);
    // Odd and even lengths (two code units a block), non-ASCII, empty, and near-duplicates.
    const values = ['', 'a', 'ab', 'Ann', 'Anne', 'anne', 'Müller', 'Müllet', '東京', '1970-01-01', '1970-01-10', 'x'.repeat(300)];
    let n = 0;
    for (const tag of [0, 1, 13]) {
      for (const v of values) {
        expect(cache.find(tag, v)).toBe(false);
        cache.put(tag * 1000 + n, n);
        n++;
      }
    }
    n = 0;
    for (const tag of [0, 1, 13]) {
      for (const v of values) {
        expect(cache.find(tag, v), `${tag}:${v}`).toBe(true);
        expect([cache.hi, cache.lo]).toEqual([tag * 1000 + n, n]);
        n++;
      }
    }
    expect(cache.find(2, 'Ann')).toBe(false);
    expect(cache.find(0, 'Ann ')).toBe(false);
    expect(cache.size).toBe(values.length * 3);
  });

  it('holds thousands of values across probe chains, and starts over once full', () => {
    const cache = new ValueDigestCache(5_000);
    for (let i = 0; i < 5_000; i++) {
      expect(cache.find(7, `name-${i}`)).toBe(false);
      cache.put(i, i ^ 0x5555);
    }
    for (let i = 0; i < 5_000; i++) {
      expect(cache.find(7, `name-${i}`)).toBe(true);
      expect(cache.lo).toBe(i ^ 0x5555);
    }
    // The next new value clears the table first: only it remains.
    expect(cache.find(7, 'one more')).toBe(false);
    cache.put(1, 2);
    expect(cache.size).toBe(1);
    expect(cache.find(7, 'name-0')).toBe(false);
    expect(cache.find(7, 'one more')).toBe(true);
    expect([cache.hi, cache.lo]).toEqual([1, 2]);
  });
});

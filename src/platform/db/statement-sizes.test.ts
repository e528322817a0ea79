import { describe, expect, it } from 'vitest';
import { paddedInLists, padToPowerOfTwo } from './statement-sizes.js';

describe('IN-lists padded to powers of two', () => {
  it('repeats the last value up to the next power of two; empty stays empty', () => {
    expect(padToPowerOfTwo([])).toEqual([]);
    expect(padToPowerOfTwo(['a'])).toEqual(['a']);
    expect(padToPowerOfTwo(['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'c']);
    expect(padToPowerOfTwo([1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(padToPowerOfTwo(Array.from({ length: 33 }, (_, i) => i))).toHaveLength(64);
  });

  it('cuts at max, pads each part, and keeps every value once in order', () => {
    const xs = Array.from({ length: 1100 }, (_, i) => i);
    const parts = paddedInLists(xs, 512);
    expect(parts.map((p) => p.length)).toEqual([512, 512, 128]);
    expect([...new Set(parts.flat())]).toEqual(xs);
  });
});

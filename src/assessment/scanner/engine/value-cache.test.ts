import { describe, expect, it } from 'vitest';
import { KeyedSip64Batch } from './keyed-siphash.js';
import { SentValues } from './value-cache.js';

/** Values by their digests, as batch.ts looks them up (the namespace's key is the element's). */
const sip = new KeyedSip64Batch(new Uint8Array(32).fill(3)).scalar;
const digest = (tag: number, v: string): [number, number] => {
  sip.digest(`ns${tag}`, v);
  return [sip.hi, sip.lo];
};

describe('SentValues', () => {
  it('finds what was added for the same (tag, digest), and nothing else', () => {
    const sent = new SentValues(10_000);
    // Odd and even lengths, non-ASCII, empty, and near-duplicates.
    const values = ['', 'a', 'ab', 'Ann', 'Anne', 'anne', 'Müller', 'Müllet', '東京', '1970-01-01', '1970-01-10', 'x'.repeat(300)];
    for (const tag of [0, 1, 13]) {
      for (const v of values) {
        expect(sent.has(tag, ...digest(tag, v))).toBe(false);
        sent.add();
      }
    }
    for (const tag of [0, 1, 13]) for (const v of values) expect(sent.has(tag, ...digest(tag, v)), `${tag}:${v}`).toBe(true);
    // The same digest under another tag is another value.
    expect(sent.has(2, ...digest(1, 'Ann'))).toBe(false);
    expect(sent.has(0, ...digest(0, 'Ann '))).toBe(false);
    // (0, 0) is a digest like any other, not an empty slot.
    expect(sent.has(5, 0, Math.imul(6, 0x9e3779b1))).toBe(false);
    sent.add();
    expect(sent.has(5, 0, Math.imul(6, 0x9e3779b1))).toBe(true);
    expect(sent.size).toBe(values.length * 3 + 1);
  });

  it('holds thousands of values across probe chains, starts over once full, and clears', () => {
    const sent = new SentValues(5_000);
    for (let i = 0; i < 5_000; i++) {
      expect(sent.has(7, ...digest(7, `name-${i}`))).toBe(false);
      sent.add();
    }
    for (let i = 0; i < 5_000; i++) expect(sent.has(7, ...digest(7, `name-${i}`))).toBe(true);
    // The next new value clears the table first: only it remains.
    expect(sent.has(7, ...digest(7, 'one more'))).toBe(false);
    sent.add();
    expect(sent.size).toBe(1);
    expect(sent.has(7, ...digest(7, 'name-0'))).toBe(false);
    expect(sent.has(7, ...digest(7, 'one more'))).toBe(true);
    sent.clear();
    expect(sent.size).toBe(0);
    expect(sent.has(7, ...digest(7, 'one more'))).toBe(false);
  });
});

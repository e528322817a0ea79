import { describe, expect, it } from 'vitest';
import { DigestTable, NONE } from './digest-table.js';

describe('DigestTable', () => {
  it('keeps every key with its value through long probe chains, and finds nothing else', () => {
    const n = 20_000;
    const t = new DigestTable(n);
    let x = 12345;
    const keys: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      // Half the keys share their lo with another and differ only in hi: same home slot often.
      // Keys are unsigned 32-bit words, as read from a Uint32Array.
      const k: [number, number] = [i % 2 ? x : (x ^ 1) >>> 0, i % 2 ? i : Math.max(0, i - 1)];
      keys.push(k);
      expect(t.upsert(k[0], k[1], i)).toBeLessThan(0);
    }
    keys.forEach(([hi, lo], i) => {
      expect(t.get(hi, lo)).toBe(i);
      const slot = t.upsert(hi, lo, 999);
      expect(slot).toBeGreaterThanOrEqual(0);
      expect(t.values[slot]).toBe(i);
    });
    expect(t.get(1, 0xfffffffe)).toBeUndefined();
    // Zero digests are keys like any other (the used flag, not the key, marks a slot).
    const inserted = t.upsert(0, 0, NONE);
    expect(inserted).toBeLessThan(0);
    expect(t.upsert(0, 0, 5)).toBe(~inserted);
    t.values[~inserted] = 7;
    expect(t.get(0, 0)).toBe(7);
  });

  it('empties a table of the right capacity for reuse, and makes a new one otherwise', () => {
    const a = new DigestTable(1000);
    for (let i = 0; i < 1000; i++) a.upsert(i, i * 7, i);
    const b = DigestTable.empty(a, 1020);
    expect(b).toBe(a);
    expect(b.get(5, 35)).toBeUndefined();
    expect(b.upsert(5, 35, 9)).toBeLessThan(0);
    expect(b.get(5, 35)).toBe(9);
    expect(DigestTable.empty(b, 5000)).not.toBe(b);
    expect(DigestTable.empty(null, 10).get(0, 0)).toBeUndefined();
  });
});

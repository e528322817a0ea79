import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allSameDigit, digitsOf, isPlaceholder, luhn, PLACEHOLDERS } from './detector.js';

/** isPlaceholder as written before its first-character table (a Set of char codes | 0x20), for comparison. */
function setPlaceholder(value: string): boolean {
  const first = new Set([...PLACEHOLDERS].filter(Boolean).map((p) => p.charCodeAt(0) | 0x20));
  const max = Math.max(...[...PLACEHOLDERS].map((p) => p.length));
  const solid = (c: number) => c > 32 && c < 127;
  const n = value.length;
  if (n > 16) return false;
  if (n === 0) return true;
  const c = value.charCodeAt(0);
  if (solid(c) && solid(value.charCodeAt(n - 1))) {
    if (n > max || !first.has(c | 0x20)) return false;
    return PLACEHOLDERS.has(value) || PLACEHOLDERS.has(value.toLowerCase());
  }
  if ((c | 0x20) > 32 && !first.has(c | 0x20)) return false;
  const v = value.trim();
  return v.length <= 12 && PLACEHOLDERS.has(v.toLowerCase());
}

// The shared helpers have charCodeAt fast paths; these pin the edges where they fall back.
describe('isPlaceholder', () => {
  it.each(['', '-', '0', 'N/A', 'Undefined', 'NULL', '[NULL]', ' NULL ', 'NULL\t', 'Null\u00a0', ' 0 '])('%j is a placeholder', (v) =>
    expect(isPlaceholder(v)).toBe(true),
  );
  it.each(['00', 'undefined1', 'Jane Doe', '001-01-0001', '   null      x', 'nullnullnullnull', '\u00a0null', '\ufeffnone', 'n\u0130l', '\u212a'])(
    '%j is not',
    (v) => expect(isPlaceholder(v)).toBe(false),
  );
  it('gives the Set-based answer for any cell: every first character, placeholders in any case, padded', () => {
    const placeholder = fc.constantFrom(...PLACEHOLDERS).chain((p) => fc.constantFrom(p, p.toUpperCase(), `${p[0]?.toUpperCase() ?? ''}${p.slice(1)}`));
    const pad = fc.constantFrom('', ' ', '\t', '\u00a0', '\ufeff', 'x', '\u0130');
    const cell = fc.oneof(
      fc.tuple(pad, placeholder, pad).map(([a, p, b]) => a + p + b),
      fc.tuple(fc.integer({ min: 0, max: 0x2ff }), fc.string({ maxLength: 10 })).map(([c, s]) => String.fromCharCode(c) + s),
      fc.string({ maxLength: 18 }),
    );
    fc.assert(
      fc.property(cell, (v) => {
        expect(isPlaceholder(v)).toBe(setPlaceholder(v));
      }),
      { numRuns: 20000 },
    );
  });
  it('treats null and undefined as empty', () => {
    expect(isPlaceholder(null)).toBe(true);
    expect(isPlaceholder(undefined)).toBe(true);
  });
});

describe('digitsOf', () => {
  it.each([
    ['4111111111111111', '4111111111111111'],
    ['536-90-4399', '536904399'],
    ['+1 (201) 200-0000', '12012000000'],
    ['\u0661\u0662\u0663', ''], // Arabic-Indic digits are not \d
    ['\uff11\uff12\uff134', '4'], // nor are full-width ones
    ['', ''],
    ['abc', ''],
  ])('%j → %j', (v, d) => expect(digitsOf(v)).toBe(d));
});

describe('allSameDigit', () => {
  it.each([
    ['7', true],
    ['777', true],
    ['', false],
    ['7771', false],
    ['\u0661\u0661\u0661', false],
    ['aaa', false],
    ['7 7', false],
  ])('%j → %s', (v, r) => expect(allSameDigit(v)).toBe(r));
});

describe('luhn', () => {
  it.each([
    ['0', true],
    ['18', true],
    ['79927398713', true], // odd length
    ['4111111111111111', true], // even length
    ['79927398710', false],
    ['', false],
    ['4111 1111 1111 1111', false],
    ['\uff14111111111111111', false],
  ])('%j → %s', (v, r) => expect(luhn(v)).toBe(r));
});

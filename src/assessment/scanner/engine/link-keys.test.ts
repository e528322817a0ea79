import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressKey, nameKey } from './link-keys.js';

/** The keys as written before issue 21's ASCII path: NFD, marks dropped, Unicode word split. */
const words = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

describe('link-key parts', () => {
  it('ignore case, accents, punctuation and (for names) word order', () => {
    expect(nameKey('Smith, James')).toBe('james smith');
    expect(nameKey("José  O'NEILL")).toBe('jose neill o');
    expect(addressKey('12, Rue de l’Église')).toBe('12 rue de l eglise');
  });
  it('give the Unicode form’s key for every string, ASCII or not', () => {
    const ascii = fc.array(fc.constantFrom(...'aZ9 _-,.\'^`~|'), { maxLength: 30 }).map((a) => a.join(''));
    // One to three words, as names are (the two-word ASCII path and its neighbours).
    const parts = fc.constantFrom('Ann', 'ann', 'ANN', 'Bo', 'b', 'Z9', '9', "O'Neill", 'Mc-Kay', 'Jos\u00e9', ' ', ', ', '  ', '.', '\t');
    const named = fc.array(parts, { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(ascii, named, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 })), (s) => {
        expect(addressKey(s)).toBe(words(s).join(' '));
        expect(nameKey(s)).toBe(words(s).sort().join(' '));
      }),
      { numRuns: 5000 },
    );
  });
});

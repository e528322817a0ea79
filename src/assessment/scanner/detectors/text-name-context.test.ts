/**
 * enumerationNames returns early when ENUM_GATE does not match (wide21): that is exact only if
 * every text ENUM matches also matches the gate. Checked on random text made of the pieces ENUM
 * looks at (capitalised and lower-case words, every conjunction, commas, blanks, non-ASCII).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENUM, ENUM_GATE, enumerationNames } from './text-name-context.js';

const WORDS = ['Adam', 'Caleb', 'Élodie', 'Łukasz', "O'Neil", 'Anne-Marie', 'Smith’s', 'adam', 'the', 'Museum', 'Ж', 'Жанна', 'A', 'X1', '42', 'ÉTÉ'];
const CONJ = ['and', 'or', 'und', 'et', 'y', 'e', 'i', 'og', 'och', 'en', 'a', 'And', 'an', 'ou'];
const SEPS = [' ', '  ', '\t', ', ', ',', ' ,', ',\t', '. ', ': ', '\n', '-', ''];
const piece = fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...CONJ), fc.constantFrom(...SEPS));
const noise = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));
/** "W, W and W"-shaped runs (any words, separators and conjunctions), inside random text. */
const list = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(', ', ',\t', ',', ' ')), { maxLength: 3 }), fc.constantFrom(...WORDS), fc.constantFrom(' ', ', ', '\t', ',  '), fc.constantFrom(...CONJ), fc.constantFrom(' ', '\t', '  ', ''), fc.constantFrom(...WORDS))
  .map(([head, w, b1, c, b2, last]) => `${head.map(([x, sep]) => x + sep).join('')}${w}${b1}${c}${b2}${last}`);
const text = fc.tuple(noise, list, noise, fc.boolean()).map(([a, l, b, with_]) => (with_ ? a + l + b : a + b));

describe('enumeration gate', () => {
  it('matches every text ENUM matches', () => {
    let matched = 0;
    fc.assert(
      fc.property(text, (t) => {
        ENUM.lastIndex = 0;
        if (ENUM.exec(t) !== null) {
          matched++;
          expect(ENUM_GATE.test(t)).toBe(true);
        }
      }),
      { numRuns: 30000 },
    );
    // The inputs reach the rule.
    expect(matched).toBeGreaterThan(500);
  });
  it('still finds lists behind the gate', () => {
    const added: string[] = [];
    enumerationNames('Our founders: Adam, Caleb and Silvana', () => true, () => true, (v) => added.push(v), () => {});
    expect(added).toEqual(['Adam', 'Caleb', 'Silvana']);
  });
});

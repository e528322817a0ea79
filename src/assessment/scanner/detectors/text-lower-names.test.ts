/**
 * lowerCaseNamesFast against lowerCaseNames (issue 21): the same names, in the same order, on
 * random lower-case text built from the words and separators its rules look at.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMON_WORDS, FIRST_NAMES, LAST_NAMES } from './name-lists.data.js';
import { lowerCaseNames } from './text-name-context.js';
import { lowerCaseNamesFast } from './text-lower-names.js';
import { lowerWordsKernelActive, useLowerWordsKernel } from './text-lower-words.js';

const F = new Set(FIRST_NAMES.split('|'));
const L = new Set(LAST_NAMES.split('|'));
const C = new Set(COMMON_WORDS.split('|'));

const both = (text: string) => {
  const want: string[] = [];
  const got: string[] = [];
  lowerCaseNames(text, F, L, C, (v) => want.push(v));
  lowerCaseNamesFast(text, F, L, C, (v) => got.push(v));
  return { want, got };
};

const WORDS = [
  // given names, surnames, surname-shaped words, common words (some listed as names too)
  'patricia', 'desrosiers', 'tomas', 'freddy', 'silvana', 'adam', 'caleb', 'eric', 'samoylova', 'benjamin', 'seiler', 'jones', 'smith',
  'kowalski', 'ivanov', 'petrović', 'jóhannsdóttir', 'will', 'may', 'mark', 'the', 'a', 'of', 'for', 'week', 'refund', 'package',
  // cues and verbs of the rules, whole and cut
  'my name is', 'name is', 'call me', 'hi', 'hello', 'dear', 'with', 'kid', 'son', 'ask for', 'said', 'says', 'asked', 'told',
  'is from', 'was born', 'had given', 'has given', 'married', 'worked', 'sai', 'saidx', 'and', 'or', 'this', 'g', 'g.', 'x',
  // apostrophes, hyphens, non-ASCII, upper case, digits
  "'s", "o'neil", 'anne-marie', 'josé', 'zoë', 'ñ', '’', 'Adam', 'ADAM', '42', 'é', 'ß', 'łukasz', 'ǆ', 'ω', 'ж', 'Ж', 'ª', '\u00a0', '𝑎', '😀', 'dóttir', 'müller', 'andré', 'smith’', 'smith𝑎', 'jones’s', "smith's", 'adam’',
];
const SEPS = [' ', ' ', ' ', '  ', '\t', ', ', ',\t', ',', ' ,', '. ', '\n', '-', "'", '', '" ', ';'];
const text = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPS)), { maxLength: 24 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));
const asciiText = text.map((t) => t.replace(/[^\x00-\x7f]/g, ''));
/** Beyond ASCII, inside the BMP (text with a surrogate takes lowerCaseNames itself). */
const bmpText = text.map((t) => t.replace(/[\ud800-\udfff]/g, ''));

/** Long ASCII text (the kernel's walk from 48 characters on): notes of a customer export. */
const longAscii = fc.array(asciiText, { minLength: 2, maxLength: 6 }).map((a) => a.join(' '));

describe.each([
  ['the WebAssembly word walk', true],
  ['the JavaScript word walk', false],
])('lower-case names without a RegExp per word, %s', (_name, kernelOn) => {
  beforeAll(() => useLowerWordsKernel(kernelOn));
  afterAll(() => useLowerWordsKernel(true));
  it('runs the walk it names', () => {
    expect(lowerWordsKernelActive()).toBe(kernelOn);
  });
  it('finds what lowerCaseNames finds on long ASCII text', () => {
    let found = 0;
    fc.assert(
      fc.property(longAscii, (t) => {
        const { want, got } = both(t);
        expect(got).toEqual(want);
        if (want.length > 0) found++;
      }),
      { numRuns: 5000 },
    );
    expect(found).toBeGreaterThan(1000);
  });
  it('finds what lowerCaseNames finds, in order, on random text', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.oneof(asciiText, bmpText, text), (t) => {
        const { want, got } = both(t);
        expect(got).toEqual(want);
        if (want.length > 0) found++;
      }),
      { numRuns: 20000 },
    );
    // The inputs reach the rules: a good share of them holds a name.
    expect(found).toBeGreaterThan(1000);
  });
  it('on random strings of the characters that matter', () => {
    const chars = fc
      .array(fc.constantFrom(...'abcdeilmnorsty \t,\'-.éßłжЖ’ªω\u00a0'.split(''), '𝑎', '\ud835'), { maxLength: 40 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(chars, (t) => {
        const { want, got } = both(t);
        expect(got).toEqual(want);
      }),
      { numRuns: 20000 },
    );
  });
  it('on lists ("silvana,\tadam or caleb") inside random text', () => {
    const item = fc.constantFrom('adam', 'caleb', 'silvana', 'eric', 'week', 'the', 'josé', 'a');
    const list = fc
      .tuple(fc.array(fc.tuple(item, fc.constantFrom(', ', ',\t', ',  ', ' , ', ',')), { minLength: 1, maxLength: 4 }), fc.constantFrom(' and ', ' or ', ', and ', '\tand\t'), item)
      .map(([head, conj, tail]) => head.map(([w, s]) => w + s).join('').replace(/[ ,\t]+$/, '') + conj + tail);
    fc.assert(
      fc.property(bmpText, list, asciiText, (a, l, b) => {
        const { want, got } = both(`${a} ${l} ${b}`);
        expect(got).toEqual(want);
      }),
      { numRuns: 5000 },
    );
  });
  it('finds each rule', () => {
    expect(both('follow up with patricia desrosiers tomorrow').got).toContain('patricia desrosiers');
    expect(both("customer said tomas had given the key").got).toContain('tomas');
    expect(both('silvana, adam and caleb came').got).toEqual(expect.arrayContaining(['silvana', 'adam', 'caleb']));
    expect(both('the package week refund').got).toEqual([]);
  });
});

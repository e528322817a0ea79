/**
 * scanText's fast paths for table cells (text21: the memo of repeated values, the kernel pass over
 * a lower-case ASCII cell) against its general path: the same findings, in the same order, on
 * random prose built from the pieces the detectors look for (names in both cases, cue and secret
 * keywords, numbers, e-mails, non-ASCII words).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { keywordFinder } from './text-keywords.js';
import { CELL, CLASS_AT, CLASS_COLON, CLASS_DIGIT, CLASS_NEWLINE, CLASS_PERCENT, CLASS_UPPER, cellPass, lowerWordsKernelActive } from './text-lower-words.js';
import { memoised, MEMO_MAX_CHARS } from './text-memo.js';
import { PREFILTER_WORDS, scanText, setTextFastPaths } from './text-scan.js';

const WORDS = ['the', 'a', 'order', 'asked', 'called', 'package', 'refund', 'week', 'and', 'or', 'said', 'is from', 'hi', 'dear', 'my name is', 'lives at'];
const NAMES = ['adam', 'Adam', 'caleb', 'Caleb', 'silvana', 'Deborah', 'Rogers', 'smith', 'Kenneth', 'O’Brien', 'Núñez', 'Łukasz', 'Dvořák', 'Zoë'];
const PIECES = ['4111 1111 1111 1111', '(802) 573-5407', '+41 96 471 07 95', '536-90-4399', '2024-05-01', '10.1.2.3', '2a00:1450:4001:81c::200e', 'jane.doe@example.org', 'jane%40example.com', 'password=hunter2abc', 'token: ghp_abcdefghijklmnopqrstuvwxyz0123456789', '3796 Elm Ln', '14 Crown Street', 'Tulsa, OK 86197', 'ß', 'é', '🙂', 'ſ', 'K'];
const SEPS = [' ', ' ', ' ', ', ', '. ', '\n', '\r\n', '\t', ': ', '; '];

/** Random prose: words, names, keywords and pieces joined by blanks and punctuation. */
const prose = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...NAMES), fc.constantFrom(...PREFILTER_WORDS), fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), fc.constantFrom(...SEPS)), { maxLength: 40 })
  .map((a) => a.map(([w, s]) => w + s).join(''));

/**
 * Lower-case ASCII prose (what the kernel pass takes): lower-case words, names, keywords and pieces,
 * with the anchor characters (digits, '@', '%', ':', line breaks) in some texts and not in others.
 */
const LOWER_PIECES = PIECES.filter((p) => !/[^\x00-\x7f]/.test(p)).map((p) => p.toLowerCase());
const lowerProse = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...NAMES.map((n) => n.toLowerCase()).filter((n) => !/[^\x00-\x7f]/.test(n))), fc.constantFrom(...PREFILTER_WORDS.filter((w) => !/[^\x00-\x7f]/.test(w))), fc.constantFrom(...LOWER_PIECES), fc.stringMatching(/^[a-z0-9@%:,.' -]{0,8}$/)),
      fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n', '\t', ': '),
    ),
    { minLength: 6, maxLength: 40 },
  )
  .map((a) => a.map(([w, s]) => w + s).join(''));

afterEach(() => setTextFastPaths(true));

const general = (text: string, people: boolean) => {
  setTextFastPaths(false);
  try {
    return scanText(text, { people });
  } finally {
    setTextFastPaths(true);
  }
};

describe('scanText fast paths = general path', () => {
  it('gives the same findings on random prose, asked once or again (memo)', () => {
    fc.assert(
      fc.property(fc.array(prose, { minLength: 1, maxLength: 4 }), fc.boolean(), (texts, people) => {
        // Each text three times: the third answer comes from the memo when the text is short enough.
        for (const t of [...texts, ...texts, ...texts]) expect(scanText(t, { people })).toEqual(general(t, people));
      }),
      { numRuns: 400 },
    );
  });
  it('gives the same findings on lower-case ASCII prose (the kernel pass)', () => {
    expect(lowerWordsKernelActive()).toBe(true);
    fc.assert(
      fc.property(lowerProse, fc.boolean(), (text, people) => {
        expect(scanText(text, { people })).toEqual(general(text, people));
      }),
      { numRuns: 1500 },
    );
  });
  it('hands out copies: changing one answer does not change the next', () => {
    const t = 'mail jane.doe@example.org or call (802) 573-5407';
    const a = scanText(t);
    expect(a.elements.length).toBeGreaterThan(0);
    a.elements[0].value = 'changed';
    a.elements.push({ element: 'email', value: 'x@y.z' });
    expect(scanText(t)).toEqual(general(t, true));
  });
});

describe('memoised', () => {
  const counting = () => {
    let calls = 0;
    const scan = (text: string, people: boolean) => {
      calls++;
      return { elements: people ? [{ element: 'person_name' as const, value: text }] : [], secrets: [] };
    };
    return { f: memoised(scan), calls: () => calls };
  };
  it('scans a repeated short text twice (seen, then kept), a long one every time, and keeps the two options apart', () => {
    const { f, calls } = counting();
    for (let i = 0; i < 10; i++) expect(f('Mozilla/5.0 (Windows NT 10.0)', true).elements).toEqual([{ element: 'person_name', value: 'Mozilla/5.0 (Windows NT 10.0)' }]);
    expect(calls()).toBe(2);
    for (let i = 0; i < 3; i++) expect(f('Mozilla/5.0 (Windows NT 10.0)', false)).toEqual({ elements: [], secrets: [] });
    expect(calls()).toBe(4);
    const long = 'x'.repeat(MEMO_MAX_CHARS + 1);
    for (let i = 0; i < 3; i++) f(long, true);
    expect(calls()).toBe(7);
  });
  it('turns itself off on distinct texts and on again for repeats', () => {
    const { f, calls } = counting();
    // 1,024 distinct texts: no hit, so the memo pauses (each later text scanned, none kept).
    for (let i = 0; i < 1024; i++) f(`note ${i}`, true);
    expect(calls()).toBe(1024);
    for (let i = 0; i < 10; i++) f('same', true);
    expect(calls()).toBe(1034);
    // After the pause (32,768 texts from the 1,024th), repeats are answered from memory again
    // (scanned when first seen and when kept).
    for (let i = 0; i < 40_000; i++) f('again', true);
    expect(calls()).toBe(1034 + (32_768 - 10) + 2);
  });
});

describe('cellPass', () => {
  const finder = keywordFinder(PREFILTER_WORDS);
  const classes = (t: string) => {
    let m = 0;
    for (const c of t) m |= /[0-9]/.test(c) ? CLASS_DIGIT : c === '@' ? CLASS_AT : c === '%' ? CLASS_PERCENT : c === ':' ? CLASS_COLON : /[A-Z]/.test(c) ? CLASS_UPPER : c === '\n' ? CLASS_NEWLINE : 0;
    return m;
  };
  it('writes the candidates KeywordFinder.candidates writes, and the classes the text holds', () => {
    const ascii = fc.oneof(lowerProse, prose.filter((t) => !/[^\x00-\x7f]/.test(t)), fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), minLength: 4, maxLength: 300 }));
    fc.assert(
      fc.property(ascii, (text) => {
        fc.pre(text.length >= 4);
        const want = new Int32Array(text.length + 1);
        const count = finder.candidates(text, want);
        expect(cellPass(text, finder.tables)).toBe(true);
        expect([...CELL.ints.subarray(CELL.kwAt, CELL.kwAt + CELL.kwCount)]).toEqual([...want.subarray(0, count)]);
        expect(CELL.mask).toBe(classes(text));
      }),
      { numRuns: 2000 },
    );
  });
  it('refuses text beyond ASCII and texts under 4 characters', () => {
    expect(cellPass('password for jürgen', finder.tables)).toBe(false);
    expect(cellPass('a\ud800bcdef', finder.tables)).toBe(false);
    expect(cellPass('abc', finder.tables)).toBe(false);
  });
});

/**
 * scanText's fast paths for table cells (text21: the memo of repeated values) against its general
 * path: the same findings, in the same order, on random prose built from the pieces the detectors
 * look for (names in both cases, cue and secret keywords, numbers, e-mails, non-ASCII words).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
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
        // Each text twice: the second answer comes from the memo when the text is short enough.
        for (const t of [...texts, ...texts]) expect(scanText(t, { people })).toEqual(general(t, people));
      }),
      { numRuns: 400 },
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
  it('scans a repeated short text once, a long one every time, and keeps the two options apart', () => {
    const { f, calls } = counting();
    for (let i = 0; i < 10; i++) f('Mozilla/5.0 (Windows NT 10.0)', true);
    expect(calls()).toBe(1);
    expect(f('Mozilla/5.0 (Windows NT 10.0)', false)).toEqual({ elements: [], secrets: [] });
    expect(calls()).toBe(2);
    const long = 'x'.repeat(MEMO_MAX_CHARS + 1);
    f(long, true);
    f(long, true);
    expect(calls()).toBe(4);
  });
  it('turns itself off on distinct texts and on again for repeats', () => {
    const { f, calls } = counting();
    // 1,024 distinct texts: no hit, so the memo pauses (each later text scanned, none kept).
    for (let i = 0; i < 1024; i++) f(`note ${i}`, true);
    expect(calls()).toBe(1024);
    for (let i = 0; i < 10; i++) f('same', true);
    expect(calls()).toBe(1034);
    // After the pause (32,768 texts from the 1,024th), repeats are answered from memory again.
    for (let i = 0; i < 40_000; i++) f('again', true);
    expect(calls()).toBe(1034 + (32_768 - 10) + 1);
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../test/generators/prng.js';
import { keywordFinder } from './text-keywords.js';
import { PREFILTER_WORDS } from './text-scan.js';

const finder = keywordFinder(PREFILTER_WORDS);

/** Every match from every start offset, by the finder and by the reference global RegExp. */
function both(text: string): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  for (let from = 0; from <= text.length; from++) {
    finder.global.lastIndex = from;
    const g = finder.global.exec(text);
    const f = finder.next(text, from);
    a.push(g ? `${g.index}:${g[0]}` : '-');
    b.push(f ? `${f.index}:${f[0]}` : '-');
  }
  return [a, b];
}

describe('keywordFinder (trigram table + sticky alternation)', () => {
  it.each([
    'password=hunter2 and PASSWORD: x, Passwort',
    'http.request method=GET path=/api/v1/items/1 status=200',
    'Sécurité Sociale 1 84 12 75 108 123 45 / SÉCURITÉ SOCIALE / sécurité sociale',
    'Hauptstraße 5, STRASSE 7, Vägen 3, VÄGEN 4, Señora Ruiz, SEÑOR',
    'Mr. X, MRS Y, dr. z, p.o. box 12, PO BOX 7, $2b$10$abc, {SSHA}xyz, -----BEGIN',
    // Characters whose case mapping crosses into ASCII in Unicode but not in a non-unicode /i RegExp.
    'ſtreet \u212Aatu İD nino ıd straſse',
    'ab',
    '',
  ])('returns what the global alternation returns: %s', (text) => {
    const [a, b] = both(text);
    expect(b).toEqual(a);
  });
  it('finds the longest keyword at the leftmost position', () => {
    expect(finder.next('my name is Jo', 0)?.[0]).toBe('my name is');
    expect(finder.next('xx  PASSWORD', 0)).toMatchObject({ 0: 'PASSWORD', index: 4 });
    expect(finder.next('nothing here', 0)).toBeNull();
  });
  it('agrees with the global alternation on seeded random text', () => {
    let a = 7;
    const next = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const extra = ['é', 'Ä', 'ß', '\u00a0', '\n', '$', '-', ':', ' ', '0', '7'];
    for (let i = 0; i < 300; i++) {
      let s = '';
      while (s.length < 60) {
        if (next() < 0.3) {
          const w = PREFILTER_WORDS[Math.floor(next() * PREFILTER_WORDS.length)];
          s += [...w].map((c) => (next() < 0.5 ? c.toUpperCase() : c)).join('');
        } else s += next() < 0.3 ? extra[Math.floor(next() * extra.length)] : String.fromCharCode(97 + Math.floor(next() * 26));
      }
      const [ga, fb] = both(s);
      expect(fb, s).toEqual(ga);
    }
  });
  it('lists every position a match starts at, so nextAmong over them is next (seeded texts, every start)', () => {
    const rnd = createRng(21).next;
    const extra = ['é', 'Ä', 'ß', 'ſ', '\u212A', '\n', '$', '-', ' ', '.', '0'];
    const out = new Int32Array(256);
    let matches = 0;
    for (let i = 0; i < 400; i++) {
      let s = '';
      const len = Math.floor(rnd() * 90);
      while (s.length < len) {
        if (rnd() < 0.3) {
          const w = PREFILTER_WORDS[Math.floor(rnd() * PREFILTER_WORDS.length)];
          // Whole words, and their first three or four characters (the last positions they fit at).
          const part = rnd() < 0.2 ? w.slice(0, 3 + Math.floor(rnd() * 2)) : w;
          s += [...part].map((c) => (rnd() < 0.5 ? c.toUpperCase() : c)).join('');
        } else s += rnd() < 0.3 ? extra[Math.floor(rnd() * extra.length)] : String.fromCharCode(97 + Math.floor(rnd() * 26));
      }
      const n = finder.candidates(s, out);
      const cands = [...out.subarray(0, n)];
      expect(cands, s).toEqual([...new Set(cands)].sort((x, y) => x - y));
      for (let from = 0; from <= s.length; from++) {
        const m = finder.next(s, from);
        if (m) matches++;
        expect(finder.nextAmong(s, from, out, 0, n)?.index, `${s} @${from}`).toBe(m?.index);
        expect(finder.nextAmong(s, from, out, 0, n)?.[0]).toBe(m?.[0]);
      }
    }
    expect(matches).toBeGreaterThan(1000);
    // A keyword as the text's last three characters, and texts too short for any.
    expect(finder.candidates('xxst ', out)).toBeGreaterThan(0);
    expect(out[finder.candidates('xxst ', out) - 1]).toBe(2);
    expect(finder.candidates('ab', out)).toBe(0);
  });
  it('rejects words it cannot index', () => {
    expect(() => keywordFinder(['ab'])).toThrow();
    expect(() => keywordFinder(['Password'])).toThrow();
  });
});

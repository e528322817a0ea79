/**
 * The log path's hand-written character loops (issue 21) against the RegExp forms they replace:
 * same answer on every input fast-check generates from the characters that matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValueFinding } from '../types.js';
import { validateIp } from './contact.js';
import { isDottedQuad, isLetterChar, mayBeDate, mayEndInStreetType, mayHoldIbanStart } from './text-fast-paths.js';
import { keywordFinder } from './text-keywords.js';
import { CUE_AFTER, cueAfterGate } from './text-name-context.js';
import { nameWords } from './text-names.js';
import { hexLetterOrPairNear, PREFILTER_WORDS, phoneAfterGate, phoneContextGate, scanText } from './text-scan.js';

/** validateIp's IPv4 branch as it was written with a RegExp (before issue 21). */
function ipv4Reference(v: string): string | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  if (!m) return 'not ipv4';
  const o = m.slice(1).map(Number);
  if (o.some((x, i) => x > 255 || (m[i + 1].length > 1 && m[i + 1][0] === '0'))) return null;
  if (o[0] === 0 || o[0] >= 224) return null;
  return v;
}

const chars = (alphabet: string, max: number) => fc.array(fc.constantFrom(...alphabet), { maxLength: max }).map((a) => a.join(''));

describe('IPv4 without a RegExp', () => {
  it('accepts and rejects what the RegExp form did', () => {
    const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), chars('0123456789', 4), fc.constantFrom('00', '01', '007', '255', '256', ''));
    const dotted = fc.array(octet, { minLength: 1, maxLength: 6 }).map((a) => a.join('.'));
    fc.assert(
      fc.property(fc.oneof(dotted, chars('0123456789.x ', 18)), (v) => {
        const want = ipv4Reference(v.trim());
        const got = validateIp(v);
        if (want === 'not ipv4') expect(got).toBeNull();
        else expect(got?.value ?? null).toBe(want);
      }),
      { numRuns: 5000 },
    );
  });
  it('still classifies the ranges', () => {
    expect(validateIp('10.1.2.3')).toMatchObject({ element: 'ip_address_internal', kind: 'private' });
    expect(validateIp(' 91.119.61.141 ')).toEqual({ element: 'ip_address', value: '91.119.61.141' });
    expect(validateIp('91.119.61.0141')).toBeNull();
  });
});

describe('IPv6 anchor test without slicing', () => {
  it('is /[a-fA-F]|::/ on the nine characters around the colon', () => {
    fc.assert(
      fc.property(chars('0123456789abcdefgABCDEFG:.\x1a /', 30), fc.nat(), (text, n) => {
        if (!text.includes(':')) return;
        const colons = [...text.matchAll(/:/g)].map((m) => m.index);
        const i = colons[n % colons.length];
        const near = text.slice(i > 4 ? i - 4 : 0, i + 5);
        expect(hexLetterOrPairNear(text, i)).toBe(/[a-fA-F]|::/.test(near));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('gates in front of the free-text RegExps (issue 21)', () => {
  const noisy = (words: string[]) =>
    fc
      .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...words).map((w) => w.toUpperCase()), chars('abcdehlmoprstéÉ0123456789 \t-.:/@\n\'’', 6), fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 12 })
      .map((a) => a.join(''));

  it('isDottedQuad is /^\\d{1,3}(?:\\.\\d{1,3}){3}$/', () => {
    fc.assert(
      fc.property(fc.oneof(chars('0123456789.', 20), fc.string({ maxLength: 16 })), (c) => {
        expect(isDottedQuad(c)).toBe(/^\d{1,3}(?:\.\d{1,3}){3}$/.test(c));
      }),
      { numRuns: 5000 },
    );
  });

  it('isLetterChar is the Unicode letter class on one character', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom('ß', 'Ł', 'ſ', '\u212a', '\ud800', 'é', '1', '_')), (c) => {
        expect(isLetterChar(c)).toBe(/\p{L}/u.test(c));
      }),
      { numRuns: 5000 },
    );
    expect(isLetterChar(undefined)).toBe(false);
  });

  it('mayEndInStreetType is false only where the street-type tail RegExp cannot match', () => {
    fc.assert(
      fc.property(fc.oneof(chars('stSTrdRDaveAVEblvdBLVD. x\n', 10), fc.string({ maxLength: 8 })), (t) => {
        if (/(?:st|rd|ave|dr|blvd)\.?$/i.test(t.slice(-6))) expect(mayEndInStreetType(t)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('mayBeDate is false only where the date RegExp cannot match', () => {
    fc.assert(
      fc.property(chars('0123456789-/. ', 14), (c) => {
        if (/^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})/.test(c)) expect(mayBeDate(c)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('mayHoldIbanStart is false only where the IBAN look-back RegExp finds nothing', () => {
    fc.assert(
      fc.property(fc.oneof(chars('abXYZ0123456789 -é', 20), fc.string({ maxLength: 20 })), fc.nat(20), fc.nat(22), (t, a, b) => {
        const from = Math.min(a, t.length);
        const to = Math.min(t.length, Math.max(from, b));
        if (/(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}/.test(t.slice(from, to))) expect(mayHoldIbanStart(t, from, to)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('the phone context gates are false only where PHONE_CONTEXT / PHONE_AFTER cannot match', () => {
    const words = ['phone', 'tel', 'tel.', 'telephone', 'mobile', 'cell', 'fax', 'call', 'desk', 'office', 'contact', 'sms', 'text me', 'whatsapp', 'dial', 'reach', 'ring', 'telefon', 'téléphone', 'télephone', 'telefono', 'teléfono', 'telefoon', 'celular', 'handy', 'portable', 'home', 'work'];
    const context = /\b(?:phone|tel\b|tel\.|telephone|mobile|cell|fax|call|desk|office|contact|sms|text me|whatsapp|dial|reach|ring\b|telefon|t[ée]l[ée]phone|tel[ée]fono|telefoon|celular|handy|portable)[^\n]{0,30}(?:\n\s*)?$/i;
    const after = /^[\s-]{0,3}(?:office|fax|mobile|cell|home|work|phone|tel)/i;
    fc.assert(
      fc.property(noisy(words), fc.nat(80), (t, p) => {
        const pos = Math.min(p, t.length);
        if (context.test(t.slice(pos > 40 ? pos - 40 : 0, pos))) expect(phoneContextGate(t, pos - 40, pos)).toBe(true);
        if (after.test(t.slice(pos, pos + 12))) expect(phoneAfterGate(t, pos)).toBe(true);
      }),
      { numRuns: 8000 },
    );
  });

  it('cueAfterGate is false only where CUE_AFTER cannot match', () => {
    const verbs = ['said', 'says', 'shouted', 'told', 'asked', 'replied', 'wrote', 'lives', 'began', 'works', 'died', 'married', 'spent', 'is from', 'was born', 'had given', 'has given', 'gave', 'will be talking', 'speaks', 'thinks', 'believes', 'wants', 'loves', 'hates', 'smiled', 'laughed', 'cried', "'s", 'x86', 'Said'];
    fc.assert(
      fc.property(noisy(verbs), fc.nat(40), (t, p) => {
        const end = Math.min(p, t.length);
        if (CUE_AFTER.test(t.slice(end, end + 30))) expect(cueAfterGate(t, end)).toBe(true);
      }),
      { numRuns: 8000 },
    );
    // A word, then what may stand between it and a verb, then the verb: `end` right after the word.
    fc.assert(
      fc.property(noisy(verbs), fc.constantFrom(' ', '\t', "'s ", '  ', "'s\t", ' \t ', '', "'", '-'), fc.constantFrom(...verbs), noisy(verbs), (pre, sep, verb, post) => {
        const t = `${pre}Anna${sep}${verb}${post}`;
        const end = pre.length + 4;
        if (CUE_AFTER.test(t.slice(end, end + 30))) expect(cueAfterGate(t, end)).toBe(true);
      }),
      { numRuns: 4000 },
    );
  });

  it('a lone capitalised word decided from the word memo = the general branch, on arbitrary text', () => {
    const sameNames = (t: string) => {
      const fast: ValueFinding[] = [];
      const general: ValueFinding[] = [];
      nameWords(t, fast, true);
      nameWords(t, general, false);
      expect(fast).toEqual(general);
    };
    const pieces = ['Mozilla', 'Linux', 'Firefox', 'Mar', 'Failed', 'Maria', 'Kowalski', 'Smith', 'John', 'The', 'New', 'York', 'Paris', 'Germany', 'Street', 'Inc', "O'Brien", 'Anna’s', 'Müller', 'Łukasz', 'J.', 'K', 'said', 'hi', 'Hi', 'to', 'at', 'my name is', 'Dear', ' ', ' ', '\t', ', ', '. ', '\n', '\r\n', ':', '-', '(', ')', '"', '12', '137 ', 'x86_64', '/', 'and', 'Corp'];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 30 }).map((a) => a.join(''));
    // Lone words inside sentences: after lower-case words, before cue verbs, commas, numbers.
    const sentence = fc
      .tuple(fc.constantFrom('', 'we met ', 'flew to ', 'call ', 'the ', 'at 12 ', 'hi ', 'my son ', '(', 'x '), fc.constantFrom(...pieces), fc.constantFrom('', ' said hi', "'s car", ',', '.', ' 12', ' Corp', ' and Smith', ' x'))
      .map(([a, b, c]) => `${a}${b}${c}`);
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 4 }).map((a) => a.join(' ')), sameNames),
      { numRuns: 6000 },
    );
    fc.assert(
      fc.property(text, sameNames),
      { numRuns: 6000 },
    );
  });
});

describe('keyword finder with the 4-gram table', () => {
  it('finds what the global alternation finds, from every offset, on text built of keyword pieces', () => {
    const finder = keywordFinder(PREFILTER_WORDS);
    const pieces = [...PREFILTER_WORDS.slice(0, 400).map((w) => w.slice(0, 4)), ...PREFILTER_WORDS.slice(0, 60), 'example', 'Firefox', 'vendor', 'https://', 'Ple', 'FIR'];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...pieces).map((w) => w.toUpperCase()), fc.string({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        for (let from = 0; from <= t.length; from++) {
          finder.global.lastIndex = from;
          const g = finder.global.exec(t);
          const f = finder.next(t, from);
          expect(f ? `${f.index}:${f[0]}` : '-').toBe(g ? `${g.index}:${g[0]}` : '-');
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('URL credentials behind the "@" and "jdbc:" gates', () => {
  it('finds the same credentials as before on text with and without them', () => {
    expect(scanText('GET https://shop.example.com/ "Mozilla/5.0"').secrets).toEqual([]);
    expect(scanText('db: postgres://app:S3cr3t-Pa55w0rd!@db.internal:5432/app').secrets).toMatchObject([{ type: 'database_url', kind: 'postgres' }]);
    expect(scanText('url=jdbc:sqlserver://h:1433;user=sa;password=Zq8#mK2!vR4t').secrets).toMatchObject([{ type: 'database_url' }]);
  });
});

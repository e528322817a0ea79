import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValueFinding } from '../types.js';
import { addressKeyBytes, eachLinkKeyBytes, KeyBytes, nameKeyBytes } from './link-key-bytes.js';
import { addressKey, eachLinkKey, nameKey } from './link-keys.js';
import { KeyedSip64Batch } from './keyed-siphash.js';

const utf8 = (k: KeyBytes) => Buffer.from(k.buf.subarray(0, k.len)).toString('utf8');
/** What the string form hands its sink, as bytes (the digest's input). */
const bytesOf = (s: string) => Buffer.from(s, 'utf8').toString('hex');

/** Names and addresses as leaks hold them: ASCII of one to three words, Latin letters, other scripts, lone surrogates. */
// Latin letters whose fold is longer (ß → ss, ǅ → dž, ¼ → 1⁄4, ĳ → ij), leaves Latin (µ → μ), keeps a
// non-ASCII letter (ŉ → ʼn, ɐ), or is a combining mark alone (U+0301): latinKeyBytes' tables.
const part = fc.constantFrom('Ann', 'ann', 'ANN', 'Bo', 'b', 'Z9', '9', 'Zoe', 'zoe', 'AnnA', "O'Neill", 'Mc-Kay', 'Jos\u00e9', 'N\u00fa\u00f1ez', '\u0416\u0430\u043d\u043d\u0430', '\ud800', ' ', ', ', '  ', '.', '\t', '12', 'St', '[', '`',
  '\u00df', 'Wei\u00df', '\u0141ukasz', '\u01c5', '\u00bc', '\u0133', '\u00b5', '\u0149', '\u0250', '\u0301', '\u00d8rsted', '\u00c6', '\u00e6', 'Z\u00f6e', '\u00c5', 'a\u00b7b', '\uff21');
const text = fc.oneof(fc.array(part, { maxLength: 6 }).map((a) => a.join('')), fc.string({ maxLength: 24 }), fc.string({ unit: 'grapheme', maxLength: 16 }));

describe('link-key parts as bytes', () => {
  it('are the UTF-8 bytes of nameKey and addressKey, for any string', () => {
    const out = new KeyBytes();
    fc.assert(
      fc.property(text, (s) => {
        const k = nameKey(s);
        const words = k.length === 0 ? 0 : k.indexOf(' ') === -1 ? 1 : 2;
        expect(nameKeyBytes(s, out)).toBe(words);
        if (words > 0) expect(bytesOf(utf8(out))).toBe(bytesOf(k));
        const a = addressKey(s);
        expect(addressKeyBytes(s, out)).toBe(Buffer.byteLength(a, 'utf8'));
        expect(bytesOf(utf8(out))).toBe(bytesOf(a));
      }),
      { numRuns: 20000 },
    );
  });

  it('order two ASCII words as sort() does after lower-casing ("ann" before "anna", "Zoe" after "ann")', () => {
    const out = new KeyBytes();
    for (const [name, key] of [['AnnA Ann', 'ann anna'], ['Zoe ann', 'ann zoe'], ['b B', 'b b'], ['9 Z', '9 z'], ['Mary [Smith', 'mary smith']]) {
      nameKeyBytes(name, out);
      expect(utf8(out)).toBe(key);
    }
  });
});

describe('eachLinkKeyBytes', () => {
  it('gives eachLinkKey’s keys, in order, with the same tags and the same digests', () => {
    const el = fc.oneof(
      fc.record({ element: fc.constant('person_name' as const), value: fc.oneof(text, fc.constantFrom('Ann Lee', 'Ann', '', 'José Núñez', '-', 'a b c')) }),
      // National digits after the country code, leading zeros dropped (Italy's +39 06…), codes of 1–3 digits, and values that are not E.164.
      fc.record({ element: fc.constant('phone' as const), value: fc.constantFrom('+12125550100', '+442071234567', '+390612345678', '+35312345678', '+9990', '+0', '2125550100', '+1', '+49\u00e9') }),
      fc.record({ element: fc.constant('date_of_birth' as const), value: fc.constantFrom('1980-01-02', '1999-12-31') }),
      fc.record({ element: fc.constant('postal_address' as const), value: fc.oneof(text, fc.constantFrom('1 Main St, 10001', '--', 'Rue de l’Église 3')) }),
      fc.record({ element: fc.constant('email' as const), value: fc.constant('a@b.co') }),
    );
    const key = new Uint8Array(32).fill(9);
    fc.assert(
      fc.property(fc.array(el, { maxLength: 7 }), fc.boolean(), (elements: ValueFinding[], strong) => {
        const want: string[] = [];
        const a = new KeyedSip64Batch(key);
        const ia: number[] = [];
        eachLinkKey(elements, strong, {
          key: (ns, head, value, tag) => {
            want.push(`${ns}|${bytesOf(head === null ? value : `${head}\u0000${value}`)}|${tag}`);
            ia.push(head === null ? a.add(ns, value) : a.addJoined(ns, head, value));
          },
        });
        const got: string[] = [];
        const b = new KeyedSip64Batch(key);
        const ib: number[] = [];
        eachLinkKeyBytes(elements, strong, {
          alone: (ns, value, tag) => {
            got.push(`${ns}|${bytesOf(value)}|${tag}`);
            ib.push(b.add(ns, value));
          },
          joined: (ns, head, tail, tag, from) => {
            const t = typeof tail === 'string' ? bytesOf(tail.slice(from)) : Buffer.from(tail.buf.subarray(0, tail.len)).toString('hex');
            got.push(`${ns}|${Buffer.from(head.buf.subarray(0, head.len)).toString('hex')}00${t}|${tag}`);
            // The batch's path (batch-digests.ts LinkQueue): the tail copied from `from`, under a key index.
            ib.push(typeof tail === 'string' ? b.addBytesJoinedKey(b.keyIndex(ns), head.buf, head.len, tail, from) : b.addBytesJoinedBytes(ns, head.buf, head.len, tail.buf, tail.len));
          },
        });
        expect(got).toEqual(want);
        a.finish();
        b.finish();
        expect(ib.map((i) => [b.hi(i), b.lo(i)])).toEqual(ia.map((i) => [a.hi(i), a.lo(i)]));
      }),
      { numRuns: 3000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValueFinding } from '../types.js';
import { digestValueOf } from './batch-digests.js';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { addressKey, COUNTRY_CALLING_CODES, eachLinkKey, nameKey, phoneKey } from './link-keys.js';
import { canonWords, dropInitials, nameDobKey } from './name-forms.js';

/** Letters no decomposition takes to ASCII, as link-keys.ts folds them (review people22). */
const TRANSLIT: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ı: 'i', ŧ: 't', ĸ: 'k' };

/** The keys as written before issue 21's ASCII path: NFKD, marks dropped, TRANSLIT, Unicode word split. */
const words = (s: string) =>
  [
    ...s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase(),
  ]
    .map((c) => TRANSLIT[c] ?? c)
    .join('')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The national significant number of an E.164 value, by libphonenumber, without leading zeros. */
const nationalDigits = (e164: string) => parsePhoneNumberFromString(e164)!.nationalNumber.replace(/^0+/, '');

describe('link-key parts', () => {
  it('ignore case, accents, punctuation and (for names) word order', () => {
    expect(nameKey('Smith, James')).toBe('james smith');
    expect(nameKey("José  O'NEILL")).toBe('jose neill o');
    expect(addressKey('12, Rue de l’Église')).toBe('12 rue de l eglise');
  });

  it('fold the Latin letters without a decomposition, and full-width forms, to what an ASCII system writes', () => {
    expect(nameKey('Łukasz Żółć')).toBe(nameKey('Lukasz Zolc'));
    expect(nameKey('Søren Ørsted')).toBe(nameKey('Soren Orsted'));
    expect(nameKey('Jürgen Weiß')).toBe(nameKey('WEISS, Jurgen'));
    expect(nameKey('Ægir Þórsson')).toBe(nameKey('Aegir Thorsson'));
    expect(nameKey('Émilie Œuvrard')).toBe(nameKey('Emilie Oeuvrard'));
    expect(nameKey('Ｊａｎｅ Ｄｏｅ')).toBe('doe jane');
    expect(addressKey('Hauptstraße 5')).toBe(addressKey('HAUPTSTRASSE 5'));
  });

  it('ignore titles, post-nominals, middle initials and umlauts written out; keep a generational suffix but for the birth date (outside review 4)', () => {
    // Before review 4 each of these was two people: ü spelled ue, a title, an initial, letters after a name.
    expect(nameKey('Zoë Müller')).toBe(nameKey('Zoe Mueller'));
    expect(nameKey('Zoe Muller')).toBe(nameKey('ZOE MUELLER'));
    expect(nameKey('Jürgen Schröder')).toBe(nameKey('Juergen Schroeder'));
    expect(nameKey('Dr. Jane M. Doe')).toBe(nameKey('Jane Doe'));
    expect(nameKey('Doe, Jane M.')).toBe('doe jane');
    expect(nameKey('Mrs Jane Doe')).toBe('doe jane');
    expect(nameKey('Prof. Dr. Hans Weber PhD')).toBe('hans weber');
    expect(nameKey('Mr Smith')).toBe('smith');
    expect(nameKey('Dr')).toBe('dr');
    // What still tells people apart: a given-name initial, an apostrophe's letter, short names, the suffix.
    expect(nameKey('J. Doe')).toBe('doe j');
    expect(nameKey("Jane O'Neill")).toBe('jane neill o');
    expect(nameKey('Joe Smith')).not.toBe(nameKey('Jo Smith'));
    expect(nameKey('Robert King Jr.')).toBe(nameKey('KING, Robert Junior'));
    expect(nameKey('Robert King Jr.')).not.toBe(nameKey('Robert King Sr.'));
    expect(nameKey('Robert King III')).not.toBe(nameKey('Robert King'));
    const keys = (name: string) => {
      const out: string[] = [];
      eachLinkKey([{ element: 'person_name', value: name }, { element: 'phone', value: '+12125550100' }, { element: 'date_of_birth', value: '1980-01-02' }], false, {
        key: (ns, head, value) => out.push(`${ns}|${head}|${value}`),
      });
      return out;
    };
    expect(keys('Robert King Jr.')).toEqual(['link:name+phone|jr king robert|2125550100', 'link:name+dob|king robert|1980-01-02']);
  });

  it('phoneKey: the national significant number without leading zeros, whatever country the parser picked', () => {
    // `01 42 68 53 00` is valid in Germany and France: as +49… and +33… it is one key.
    expect(phoneKey('+33142685300')).toBe('142685300');
    expect(phoneKey('+49142685300')).toBe('142685300');
    // Italy keeps its leading 0 in the national number; Germany's reading of `06 1234 5678` does not.
    expect(phoneKey('+390612345678')).toBe(phoneKey('+49612345678'));
    expect(phoneKey('+12024561111')).toBe('2024561111');
    expect(phoneKey('+35312345678')).toBe('12345678');
    expect(phoneKey('12345')).toBe('12345');
    fc.assert(
      fc.property(fc.constantFrom(...getCountries()), fc.integer({ min: 1_000_000, max: 999_999_999 }), (c, n) => {
        const e164 = `+${getCountryCallingCode(c)}${n}`;
        expect(phoneKey(e164)).toBe(String(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('phoneKey knows every calling code libphonenumber-js assigns to a country', () => {
    expect([...COUNTRY_CALLING_CODES].sort()).toEqual([...new Set(getCountries().map((c) => getCountryCallingCode(c)))].sort());
  });
  it('give the Unicode form’s key for every string, ASCII or not', () => {
    const ascii = fc.array(fc.constantFrom(...'aZ9 _-,.\'^`~|'), { maxLength: 30 }).map((a) => a.join(''));
    // One to three words, as names are (the two-word ASCII path and its neighbours).
    const parts = fc.constantFrom('Ann', 'ann', 'ANN', 'Bo', 'b', 'Z9', '9', "O'Neill", 'Mc-Kay', 'Jos\u00e9', ' ', ', ', '  ', '.', '\t');
    const named = fc.array(parts, { maxLength: 6 }).map((a) => a.join(''));
    // Every character below U+0370 (the per-character fold table's range: Latin, IPA, combining
    // marks, İ whose lower case keeps a dot mark), mixed with a few past it (Σ, whose lower case
    // depends on the next letter; Cyrillic; an astral letter).
    const latinChar = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 0x36f }).map((c) => String.fromCharCode(c)) },
      { weight: 1, arbitrary: fc.constantFrom('\u03a3', '\u03c3', '\u0416', '\u{1d400}', 'I\u0307', 'e\u0301', ' ') },
    );
    const latin = fc.array(latinChar, { maxLength: 24 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(ascii, named, latin, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 })), (s) => {
        expect(addressKey(s)).toBe(words(s).join(' '));
        expect(nameKey(s)).toBe(canonWords(words(dropInitials(s))).sort().join(' '));
      }),
      { numRuns: 20000 },
    );
  });
});

/** The keys as linkKeys returned them before issue 21 (objects with joined strings), for comparison. */
function reference(elements: ValueFinding[], strong: boolean): string[] {
  const name = elements.find((e) => e.element === 'person_name')?.value ?? null;
  const phones = elements.filter((e) => e.element === 'phone').map((e) => e.value);
  const dob = elements.find((e) => e.element === 'date_of_birth')?.value ?? null;
  const address = elements.find((e) => e.element === 'postal_address')?.value ?? null;
  const alone = () => (phones.length === 0 || strong ? [] : phones.map((p) => `link:phone|${p}|243`));
  if (name === null) return alone();
  if (phones.length === 0 && dob === null && address === null) return [];
  const n = nameKey(name);
  if (n.length === 0) return alone();
  // Review people22: the phone by its national digits; a one-word name links only with a phone.
  const out = phones.map((p) => `link:name+phone|${n}\u0000${nationalDigits(p)}|240`);
  if (n.indexOf(' ') === -1) return out;
  if (dob !== null) out.push(`link:name+dob|${nameDobKey(n)}\u0000${dob}|241`);
  if (address !== null && addressKey(address).length > 0) out.push(`link:name+address|${n}\u0000${addressKey(address)}|242`);
  return out;
}

describe('eachLinkKey', () => {
  it('gives the keys, in order, that the object-returning form gave, for any record', () => {
    const el = fc.oneof(
      fc.record({ element: fc.constant('person_name' as const), value: fc.constantFrom('Ann Lee', 'Ann', '', 'José Núñez', '-', 'a b c', 'Dr. Ann B. Lee Jr', 'Lee III, Ann', 'Ann Mueller') }),
      fc.record({ element: fc.constant('phone' as const), value: fc.constantFrom('+12125550100', '+442071234567') }),
      fc.record({ element: fc.constant('date_of_birth' as const), value: fc.constantFrom('1980-01-02', '1999-12-31') }),
      fc.record({ element: fc.constant('postal_address' as const), value: fc.constantFrom('1 Main St, 10001', '--', 'Rue de l’Église 3') }),
      fc.record({ element: fc.constant('email' as const), value: fc.constant('a@b.co') }),
    );
    fc.assert(
      fc.property(fc.array(el, { maxLength: 7 }), fc.boolean(), (elements, strong) => {
        const got: string[] = [];
        eachLinkKey(elements, strong, { key: (ns, head, value, tag) => got.push(`${ns}|${head === null ? value : `${head}\u0000${value}`}|${tag}`) });
        expect(got).toEqual(reference(elements, strong));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('digestValueOf: an e-mail address is blind-indexed as its mailbox (no sub-address; Gmail without dots)', () => {
  it.each([
    ['jane.roe+news@example.org', 'jane.roe@example.org'],
    ['jane.roe@example.org', 'jane.roe@example.org'],
    ['+tag@example.org', '+tag@example.org'],
    ['a+b+c@example.org', 'a@example.org'],
    // Gmail ignores dots in the local part; googlemail.com is the same service.
    ['jane.roe+news@gmail.com', 'janeroe@gmail.com'],
    ['j.a.n.e.roe@googlemail.com', 'janeroe@gmail.com'],
    ['+tag@gmail.com', '+tag@gmail.com'],
    // Elsewhere a dot may tell two mailboxes apart: kept.
    ['jane.roe@yahoo.com', 'jane.roe@yahoo.com'],
    ['jane.roe@notgmail.com', 'jane.roe@notgmail.com'],
  ])('%s → %s', (value, expected) => {
    expect(digestValueOf({ element: 'email', value })).toBe(expected);
  });
  it('other elements keep their value', () => {
    expect(digestValueOf({ element: 'phone', value: '+14155550134' })).toBe('+14155550134');
  });
});

describe('people counted by mailbox, whole scan', () => {
  it('counts one person for one Gmail mailbox written three ways, and two at a provider that says nothing of dots', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { randomBytes } = await import('node:crypto');
    const { scan } = await import('./scan.js');
    const dir = mkdtempSync(join(tmpdir(), 'bd-mailbox-'));
    try {
      const file = join(dir, 'signups.csv');
      writeFileSync(file, 'name,email\nJane Doe,jane.doe+shop@gmail.com\nJane Doe,janedoe@gmail.com\nJ. Doe,Jane.Doe@googlemail.com\nJohn Roe,john.roe@example.com\nJohn Roe,johnroe@example.com\n');
      const r = await scan({ paths: [file], key: randomBytes(32), tmpDir: dir });
      expect(r.report.totals.individuals).toBe(3);
      expect(r.report.elements.email.distinctValues).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

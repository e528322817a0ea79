import fc from 'fast-check';
import { getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { PHONE_REGIONS } from './contact.js';
import { mulberry32 } from '../../../platform/prng.js';
import { FAST_PLAIN, fastPhone } from './phone-fast.js';

/** As contact.ts calls it: plain inputs only, as their digits (with a leading `+` kept). */
function fast(v: string, region?: (typeof PHONE_REGIONS)[number]) {
  const intl = v[0] === '+';
  const body = intl ? v.slice(1) : v;
  if (!FAST_PLAIN.test(body)) return undefined;
  return fastPhone(`${intl ? '+' : ''}${body.replace(/\D/g, '')}`, region);
}

/** Seeded inputs of every shape a leak's phone column or a log's phone candidate takes. */
function phoneInputs(n: number, seed = 21): string[] {
  const rnd = mulberry32(seed);
  const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const dg = (k: number) => Array.from({ length: k }, () => int(0, 9)).join('');
  const seps = [' ', '-', '.', '', '/', ' - '];
  const shapes: (() => string)[] = [
    () => `(${dg(3)}) ${dg(3)}-${dg(4)}`,
    () => `${dg(3)}-${dg(3)}-${dg(4)}`,
    () => `1 ${dg(3)} ${dg(3)} ${dg(4)}`,
    () => `+1 ${dg(3)} ${dg(3)} ${dg(4)}`,
    () => `+1${dg(10)}`,
    () => `+${dg(int(1, 3))} ${dg(int(2, 4))} ${dg(int(3, 8))}`,
    () => `+${dg(int(8, 15))}`,
    () => `+44 (0)${dg(2)} ${dg(4)} ${dg(4)}`,
    () => `0${dg(int(2, 4))}${seps[int(0, 5)]}${dg(int(4, 8))}`,
    () => `00${dg(int(1, 3))} ${dg(int(6, 10))}`,
    () => dg(int(6, 16)),
    () => `${dg(int(2, 5))}${seps[int(0, 5)]}${dg(int(2, 5))}${seps[int(0, 5)]}${dg(int(2, 5))}`,
    () => `${int(2, 9)}${dg(2)}.${dg(3)}.${dg(4)}`,
    () => `(${dg(int(2, 5))})${dg(int(5, 8))}`,
    () => `+${int(1, 9)}${dg(int(0, 2))} ${dg(3)} ${dg(3)} ${dg(int(2, 4))}`,
    () => `${dg(3)} ${dg(3)} ${dg(4)} x${dg(3)}`,
  ];
  return Array.from({ length: n }, () => shapes[int(0, shapes.length - 1)]());
}

/** libphonenumber's own verdict, in fastPhone's terms. */
function library(v: string, region?: (typeof PHONE_REGIONS)[number]) {
  const p = parsePhoneNumberFromString(v, region);
  if (!p?.isValid()) return null;
  return { cc: p.countryCallingCode, national: p.nationalNumber, country: p.country, number: p.number };
}

/** The fast path's verdict on `v` equals the library's; false when the fast path leaves it to the library. */
function agreesWithLibrary(v: string, region?: (typeof PHONE_REGIONS)[number]): boolean {
  const f = fast(v, region);
  if (f === undefined) return false;
  const got = f?.valid ? { cc: f.cc, national: f.national, country: f.country, number: `+${f.cc}${f.national}` } : null;
  expect(got).toEqual(library(v, region));
  return true;
}

describe('fastPhone', () => {
  it('gives libphonenumber-js’s verdict on every input it handles, in every region tried', () => {
    let handled = 0;
    let total = 0;
    const mismatches: string[] = [];
    for (const v of phoneInputs(6000)) {
      for (const r of v[0] === '+' ? [undefined] : PHONE_REGIONS) {
        total++;
        const f = fast(v, r);
        if (f === undefined) continue;
        handled++;
        const want = library(v, r);
        const got = f?.valid ? { cc: f.cc, national: f.national, country: f.country, number: `+${f.cc}${f.national}` } : null;
        if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${v} ${r}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    // Most inputs take the fast path (else it would not be worth having).
    expect(handled / total).toBeGreaterThan(0.5);
  });

  it('agrees with the library on national digits that start with the region’s calling code', () => {
    // The calling code written without `+` (extractCountryCallingCodeFromInternationalNumberWithoutPlusSign):
    // 39…, 44…, 49… are also area codes, so both readings are compared, with and without a trunk 0.
    const input = fc.tuple(
      fc.constantFrom(...PHONE_REGIONS),
      fc.constantFrom('', '0', '00', '1'),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 14 }),
      fc.constantFrom(' ', '', '-'),
    );
    let handled = 0;
    fc.assert(
      fc.property(input, ([r, trunk, digits, sep]) => {
        if (agreesWithLibrary(`${getCountryCallingCode(r)}${sep}${trunk}${digits.join('')}`, r)) handled++;
      }),
      { numRuns: 20000 },
    );
    expect(handled).toBeGreaterThan(10000);
  });

  it('agrees with the library where a calling code has several countries (NANP area codes, GB and its crown dependencies, IT/VA, NO/SJ, FI/AX, AU)', () => {
    // exactCountry looks a run of leading-digit countries up with one alternation, and verdict()
    // reuses exactCountry's hasType answers: both are only right if the order of the countries
    // and each country's own answer are kept, so every such country's leading digits come up here.
    const heads = fc.constantFrom(
      ...['268', '264', '684', '246', '441', '242', '767', '809', '829', '849', '473', '671', '876', '658', '869', '345', '758', '670', '664', '787', '939', '721', '649', '868', '784', '284', '340'],
      ...['204', '416', '212', '275', '800', '900', '555', '100', '911', ''],
    );
    const input = fc.tuple(
      fc.constantFrom<[string, (typeof PHONE_REGIONS)[number] | undefined]>(['+1', undefined], ['', 'US'], ['1', 'US'], ['+44', undefined], ['0', 'GB'], ['+39', undefined], ['+47', undefined], ['+358', undefined], ['+61', undefined]),
      fc.oneof(heads, fc.constantFrom('1481', '1534', '1624', '7781', '7911', '7624', '7839', '7700', '06698', '0669', '79', '18', '1', '4', '8')),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 10 }),
    );
    let handled = 0;
    fc.assert(
      fc.property(input, ([[prefix, r], head, digits]) => {
        if (agreesWithLibrary(`${prefix}${head}${digits.join('')}`, r)) handled++;
      }),
      { numRuns: 20000 },
    );
    expect(handled).toBeGreaterThan(10000);
  });

  it('handles a US national number with a random area code and E.164 numbers, and leaves prefixes to the library', () => {
    expect(fast('(275) 748-1542', 'US')).toEqual({ valid: false, cc: '1', national: '2757481542', country: 'US' });
    expect(fast('(212) 748-1542', 'US')).toMatchObject({ valid: true, country: 'US' });
    expect(fast('(416) 748-1542', 'US')).toMatchObject({ valid: true, country: 'CA' });
    expect(fast('+44 7911 123456')).toEqual({ valid: true, cc: '44', national: '7911123456', country: 'GG' }); // leading digits
    expect(fast('+49 151 23456789')).toMatchObject({ valid: true, country: 'DE' });
    expect(fast('020 7219 3000', 'GB')).toEqual({ valid: true, cc: '44', national: '2072193000', country: 'GB' }); // national prefix 0
    expect(fast('1 212 748 1542', 'US')).toMatchObject({ valid: true, cc: '1', national: '2127481542', country: 'US' }); // calling code without +
    expect(fast('4930 901820', 'DE')).toMatchObject({ valid: true, cc: '49', national: '30901820', country: 'DE' });
    expect(fast('44 20 7219 3000', 'GB')).toMatchObject({ valid: true, cc: '44', national: '2072193000', country: 'GB' });
    expect(fast('49 151 23456789', 'DE')).toMatchObject({ valid: true, national: '4915123456789' }); // 49 is also a German area code
    expect(fast('011 44 20 7219 3000', 'US')).toBeUndefined(); // IDD prefix
    expect(fast('212 748 1542 x12', 'US')).toBeUndefined(); // extension
    expect(fast('+0 123 456 7890')).toBeNull();
  });
});

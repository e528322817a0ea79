import { describe, expect, it } from 'vitest';
import { countryTableFromIcu, normaliseCountry, normaliseRegion, ZIP3, zipToState } from './geo.js';
import { COUNTRY_CODES, COUNTRY_NAMES } from './geo-countries.data.js';

describe('normaliseCountry', () => {
  it.each([
    ['DE', 'DE'],
    ['de', 'DE'],
    ['DEU', 'DE'],
    ['Germany', 'DE'],
    ['Deutschland', 'DE'],
    ['Allemagne', 'DE'],
    ['Alemania', 'DE'],
    ['Germania', 'DE'],
    ['Duitsland', 'DE'],
    ['Alemanha', 'DE'],
    ['USA', 'US'],
    ['United States', 'US'],
    ['Vereinigte Staaten', 'US'],
    ['UK', 'GB'],
    ['Royaume-Uni', 'GB'],
    ['España', 'ES'],
    ['Pays-Bas', 'NL'],
  ])('%s → %s', (v, c) => expect(normaliseCountry(v)).toBe(c));
  it.each(['XX', 'Atlantis', '', 'EU'])('rejects %s', (v) => expect(normaliseCountry(v)).toBeUndefined());
});

describe('normaliseRegion', () => {
  it('maps US states by code, name and ISO code', () => {
    expect(normaliseRegion('CA')).toBe('US-CA');
    expect(normaliseRegion('california')).toBe('US-CA');
    expect(normaliseRegion('US-NY')).toBe('US-NY');
    expect(normaliseRegion('New York', 'US')).toBe('US-NY');
    expect(normaliseRegion('Nueva York')).toBe('US-NY');
  });
  it('uses the country to read Canadian provinces and ignores other countries', () => {
    expect(normaliseRegion('ON', 'CA')).toBe('CA-ON');
    expect(normaliseRegion('Québec')).toBe('CA-QC');
    expect(normaliseRegion('BY', 'DE')).toBeUndefined();
    expect(normaliseRegion('Bavaria')).toBeUndefined();
  });
});

describe('zipToState', () => {
  it.each([
    ['94105', 'CA'],
    ['10001', 'NY'],
    ['02134', 'MA'],
    ['60601-1234', 'IL'],
    ['73301', 'TX'],
    ['20500', 'DC'],
    ['99501', 'AK'],
    ['00901', 'PR'],
  ])('%s → %s', (z, s) => expect(zipToState(z)).toBe(s));
  it('gives every 3-digit prefix the first range holding it, or none', () => {
    for (let p = 0; p < 1000; p++) {
      const zip = `${String(p).padStart(3, '0')}42`;
      expect(zipToState(zip), zip).toBe(ZIP3.find(([lo, hi]) => p >= lo && p <= hi)?.[2]);
    }
  });
  it('returns undefined for military, unassigned and malformed ZIPs', () => {
    expect(zipToState('09001')).toBeUndefined(); // AE
    expect(zipToState('00100')).toBeUndefined();
    expect(zipToState('9410')).toBeUndefined();
    expect(zipToState('SW1A 1AA')).toBeUndefined();
  });
});

describe('normaliseRegion memo', () => {
  it('keeps each country context apart and gives the same answer on repeats', () => {
    for (let i = 0; i < 3; i++) {
      expect(normaliseRegion('ON', 'CA')).toBe('CA-ON');
      // A province code is Canadian without a country too (no US state shares one of the thirteen).
      expect(normaliseRegion('ON')).toBe('CA-ON');
      expect(normaliseRegion('ON', 'US')).toBeUndefined();
      expect(normaliseRegion(' Québec ', 'CA')).toBe('CA-QC');
      expect(normaliseRegion('US-CA')).toBe('US-CA');
      expect(normaliseRegion('California', 'DE')).toBeUndefined();
    }
  });
  it('still answers after more distinct cells than the memo holds', () => {
    for (let i = 0; i < 5000; i++) normaliseRegion(`county ${i}`);
    expect(normaliseRegion('Texas')).toBe('US-TX');
    expect(normaliseRegion('county 1')).toBeUndefined();
  });
});

describe('the generated country table (geo-countries.data.ts)', () => {
  it("is what this Node's ICU gives (else: node scripts/gen-country-names.mjs)", () => {
    const { names, codes } = countryTableFromIcu();
    expect(COUNTRY_NAMES.split('|').map((e) => e.split('='))).toEqual([...names]);
    expect(COUNTRY_CODES.split('|')).toEqual([...codes]);
  });

  it("answers every folded name and code as ICU's table does", () => {
    const { names, codes } = countryTableFromIcu();
    for (const [name, code] of names) expect(normaliseCountry(name)).toBe(code);
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const c = String.fromCharCode(a, b);
        expect(normaliseCountry(c)).toBe(c === 'UK' ? 'GB' : codes.has(c) ? c : undefined);
      }
    }
  });
});

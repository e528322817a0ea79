import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { mulberry32 as rng } from '../../../platform/prng.js';
import { PHONE_REGIONS } from './contact.js';
import { cannotBeValidIn, PLAIN_NATIONAL } from './phone-regions.js';

const valid = (v: string, r: CountryCode) => parsePhoneNumberFromString(v, r)?.isValid() === true;
const digits = (v: string) => v.replace(/\D/g, '');


describe('cannotBeValidIn (skip a region before libphonenumber)', () => {
  it('skips regions whose numbering plan has no such number', () => {
    // A 7-digit number starting with 2: NANP numbers have 10 digits (or 3xxxxxx), French ones 9.
    expect(cannotBeValidIn('US', '2453715')).toBe(true);
    expect(cannotBeValidIn('FR', '2453715')).toBe(true);
    expect(valid('2453715', 'US')).toBe(false);
  });
  it('never skips a region that accepts the number', () => {
    expect(valid('030 901820', 'DE')).toBe(true);
    expect(cannotBeValidIn('DE', '030901820')).toBe(false);
    expect(valid('(202) 456-1111', 'US')).toBe(true);
    expect(cannotBeValidIn('US', '2024561111')).toBe(false);
    // A national number written with the calling code but no '+' (libphonenumber strips it).
    expect(valid('44 20 7219 3000', 'GB')).toBe(true);
    expect(cannotBeValidIn('GB', '442072193000')).toBe(false);
  });
  it('never skips numbers that start with the IDD prefix, nor regions with a prefix transform rule', () => {
    expect(cannotBeValidIn('US', '01149309018200')).toBe(false);
    expect(cannotBeValidIn('BR', '1')).toBe(false);
  });
  it('is only used on plain digit strings (extensions and letters change what libphonenumber reads)', () => {
    expect(PLAIN_NATIONAL.test('(030) 901-820 / 1')).toBe(true);
    expect(PLAIN_NATIONAL.test('030 901820 x12')).toBe(false);
    expect(PLAIN_NATIONAL.test('030 901820#1')).toBe(false);
  });
  it('agrees with libphonenumber on seeded random national numbers in every region tried', () => {
    const next = rng(20261126);
    const prefixes = ['', '0', '00', '011', '1', '0011', '001', '99', '06', '180020', '1831', '44', '49', '61', '52', '55', '3', '2', '7', '9'];
    let skipped = 0;
    for (let i = 0; i < 1500; i++) {
      let d = prefixes[Math.floor(next() * prefixes.length)];
      const len = 5 + Math.floor(next() * 11);
      while (d.length < len) d += String(Math.floor(next() * 10));
      const v = next() < 0.3 ? `${d.slice(0, 3)} ${d.slice(3)}` : d;
      for (const r of PHONE_REGIONS) {
        if (!cannotBeValidIn(r, digits(v))) continue;
        skipped++;
        expect(valid(v, r), `${v} in ${r}`).toBe(false);
      }
    }
    expect(skipped).toBeGreaterThan(10_000);
  });
});

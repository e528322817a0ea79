/**
 * The log path's hand-written character loops (issue 21) against the RegExp forms they replace:
 * same answer on every input fast-check generates from the characters that matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateIp } from './contact.js';
import { hexLetterOrPairNear } from './text-scan.js';

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

import { describe, expect, it } from 'vitest';
import type { ValueFinding } from '../types.js';
import { NATIONAL_ID_KINDS, sampleNationalIdKind, usItin, usSsn, validateNationalId, validSsn } from './national-ids.js';

describe('US SSN', () => {
  it('normalises to nine digits and sets the country', () => {
    expect(usSsn.validate(' 536-90-4399 ')).toEqual({ element: 'us_ssn', value: '536904399', country: 'US' });
  });
  it.each(['000-12-3456', '666-12-3456', '900-12-3456', '999-12-3456', '536-00-4399', '536-90-0000', '078-05-1120', '219-09-9999', '123-45-6789', '987-65-4320', '987-65-4329', '111-11-1111'])(
    'rejects never-issued or advertised %s',
    (v) => expect(usSsn.validate(v)).toBeNull(),
  );
  it('rejects mixed separators', () => expect(usSsn.validate('536-90 4399')).toBeNull());
  // Dots and no-break spaces group it too (outside review 4).
  it.each([' 536 90 4399\t', '536904399', '536.90.4399', '536\u00a090\u00a04399'])('accepts %j', (v) => expect(usSsn.validate(v)).toEqual({ element: 'us_ssn', value: '536904399', country: 'US' }));
  it.each(['\uff1536-90-4399', '536--90-4399', '536.90 4399', '536\u200b90\u200b4399', '987-65-4329'])('rejects %j', (v) => expect(usSsn.validate(v)).toBeNull());
  it('keeps the advertising range to 987-65-4320…4329 and the listed numbers exact', () => {
    expect(usSsn.validate('987-65-4330')).toBeNull(); // area 987 ≥ 900 anyway
    expect(usSsn.validate('078-05-1121')).toEqual({ element: 'us_ssn', value: '078051121', country: 'US' });
    expect(validSsn('987654329')).toBe(false);
    expect(validSsn('53690439')).toBe(false);
    expect(validSsn('5369043990')).toBe(false);
    expect(validSsn('536904399')).toBe(true);
  });
  it('samples only the dashed form (bare 9 digits are usually other numbers)', () => {
    expect(usSsn.sample!('536-90-4399')).toBe(true);
    expect(usSsn.sample!('536904399')).toBe(false);
  });
});

describe('US ITIN', () => {
  it.each(['912-50-1234', '912-65-1234', '912-70-1234', '912-88-1234', '912-90-1234', '912-92-1234', '912-94-1234', '912-99-1234'])('accepts group boundary %s', (v) =>
    expect((usItin.validate(v) as ValueFinding | null)?.element).toBe('us_itin'),
  );
  it.each(['912-49-1234', '912-66-1234', '912-69-1234', '912-89-1234', '912-93-1234', '812-70-1234'])('rejects %s', (v) => expect(usItin.validate(v)).toBeNull());
});

describe('national IDs', () => {
  const cases: [string, string, string][] = [
    ['uk_nino', 'AB123456C', 'GB'],
    ['ca_sin', '046 454 286', 'CA'],
    ['fr_nir', '2 95 10 99 126 111 93', 'FR'],
    ['de_tax_id', '36574261809', 'DE'],
    ['es_dni', '54362315-K', 'ES'],
    ['es_nie', 'X-2482300-W', 'ES'],
    ['it_cf', 'RCCMNL83S18D969H', 'IT'],
    ['nl_bsn', '111222333', 'NL'],
    ['br_cpf', '390.533.447-05', 'BR'],
    ['in_aadhaar', '2341 2341 2346', 'IN'],
  ];
  it.each(cases)('%s: validates %s with kind and country', (kind, value, country) => {
    const f = validateNationalId(value, kind);
    expect(f).toMatchObject({ element: 'national_id', kind, country });
  });
  it('covers the nine required countries, and PAN and TFN (tested below)', () => {
    expect(NATIONAL_ID_KINDS.map((k) => k.kind).sort()).toEqual([...cases.map((c) => c[0]), 'au_tfn', 'in_pan'].sort());
  });
  it.each([
    ['uk_nino', 'GB123456A'], // prefix GB is never issued (HMRC NIM39110)
    ['uk_nino', 'QQ123456A'], // Q is not a valid first letter
    ['uk_nino', 'AO123456A'], // O is not a valid second letter
    ['fr_nir', '2 95 10 99 126 111 94'], // wrong key
    ['de_tax_id', '01234567896'], // leading zero
    ['es_dni', '54362315A'],
    ['it_cf', 'RCCMNL83S18D969A'],
    ['nl_bsn', '111222334'],
    ['br_cpf', '111.111.111-11'],
    ['in_aadhaar', '123412341234'], // Aadhaar never starts with 0 or 1
  ])('%s rejects %s', (kind, v) => expect(validateNationalId(v, kind)).toBeNull());

  it('applies the Steuer-ID digit-repetition rule on top of ISO 7064 mod 11,10', () => {
    const check = (ten: string) => {
      let p = 10;
      for (const ch of ten) {
        let s = (Number(ch) + p) % 10;
        if (s === 0) s = 10;
        p = (s * 2) % 11;
      }
      return String((11 - p) % 10);
    };
    expect(check('3657426180')).toBe('9'); // the published example 36574261809
    expect(validateNationalId(`1111456789${check('1111456789')}`, 'de_tax_id')).toBeNull(); // 1 four times
    expect(validateNationalId(`1234567890${check('1234567890')}`, 'de_tax_id')).toBeNull(); // no digit repeated
  });

  it('accepts Corsican NIR departments 2A/2B', () => {
    // 1 85 05 2A 004 123 key: computed with 2A → 19, as INSEE prescribes.
    const base = '18505' + '2A' + '004123';
    const n = BigInt(base.replace('2A', '19'));
    const key = String(97n - (n % 97n)).padStart(2, '0');
    expect(validateNationalId(base + key, 'fr_nir')?.kind).toBe('fr_nir');
    expect(validateNationalId(base + (key === '01' ? '02' : '01'), 'fr_nir')).toBeNull();
  });
  it('samples only distinctive shapes', () => {
    expect(sampleNationalIdKind('AB 12 34 56 C')).toBe('uk_nino');
    expect(sampleNationalIdKind('390.533.447-05')).toBe('br_cpf');
    expect(sampleNationalIdKind('39053344705')).toBeNull();
    expect(sampleNationalIdKind('111222333')).toBeNull();
  });
});

describe('Indian PAN and Australian TFN (issue 14 §4)', () => {
  /** ATO weights 1 4 3 7 5 8 6 9 10: a valid 9-digit TFN for each 8-digit body (mod 11 = 0). */
  const tfn = (body: string) => {
    for (let c = 0; c < 10; c++) {
      const d = body + c;
      const sum = [1, 4, 3, 7, 5, 8, 6, 9, 10].reduce((s, w, i) => s + w * Number(d[i]), 0);
      if (sum % 11 === 0) return d;
    }
    return null;
  };
  it('validates a PAN by its structure (holder type in the 4th letter)', () => {
    expect(validateNationalId('abcpd1234e', 'in_pan')).toEqual({ element: 'national_id', value: 'ABCPD1234E', kind: 'in_pan', country: 'IN' });
    for (const v of ['ABCXD1234E', 'ABCPD12345', 'ABCP1234E', 'ABCPD0000E']) expect(validateNationalId(v, 'in_pan'), v).toBeNull();
    expect(sampleNationalIdKind('BNZPM2501F')).toBe('in_pan');
  });
  it('checks a TFN with the ATO weights', () => {
    const bodies = ['12345678', '87654321', '45612378', '30021954'];
    const valid = bodies.map(tfn).filter((x): x is string => x !== null);
    expect(valid.length).toBeGreaterThan(1);
    for (const v of valid) {
      expect(validateNationalId(v, 'au_tfn')?.kind).toBe('au_tfn');
      const wrong = v.slice(0, 8) + ((Number(v[8]) + 1) % 10);
      expect(validateNationalId(wrong, 'au_tfn'), wrong).toBeNull();
    }
    // No distinctive shape: never classified by values alone.
    expect(sampleNationalIdKind(valid[0])).not.toBe('au_tfn');
  });
});

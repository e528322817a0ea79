import { describe, expect, it } from 'vitest';
import { applyOverrides, autoMap, deriveJurisdiction, maskEmail, normaliseEmail, normalisePhone, parseElements, rowToPerson } from './people-mapping.js';
import { readCsv } from './people-reader.js';

describe('people import mapping', () => {
  it('maps obvious headers and leaves the rest unmapped', () => {
    const { mapping, unmapped } = autoMap(['First Name', 'Surname', 'Email Address', 'Mobile', 'Address Line 1', 'Post Code', 'Country', 'Loyalty Tier']);
    expect(mapping).toEqual({ firstName: 0, lastName: 1, email: 2, phone: 3, addressLine1: 4, postalCode: 5, country: 6 });
    expect(unmapped).toEqual(['Loyalty Tier']);
    expect(applyOverrides(['A', 'B'], {}, { name: 'B' })).toEqual({ name: 1 });
    expect(() => applyOverrides(['A'], {}, { name: 'Z' })).toThrow(/no such column/);
    expect(() => applyOverrides(['A'], {}, { shoeSize: 'A' })).toThrow(/unknown field/);
  });

  it('maps an e-mail consent column by its usual names and reads yes/no/dates from it (E-SIGN, 15 U.S.C. §7001(c))', () => {
    for (const h of ['email_consent', 'E-SIGN Consent', 'Electronic Consent', 'Paperless', 'eConsent', 'E-Delivery']) expect(autoMap(['Name', 'Email', h]).mapping.emailConsent).toBe(2);
    const m = autoMap(['Name', 'Email', 'Paperless']).mapping;
    const row = (v: string) => rowToPerson(['Ann', 'ann@example.test', v], m, { jurisdiction: 'US-CA' });
    expect(row('yes')).toMatchObject({ person: { emailConsent: true, emailConsentAt: null }, warnings: [] });
    expect(row('2024-03-14')).toMatchObject({ person: { emailConsent: true, emailConsentAt: '2024-03-14' } });
    expect(row('no')).toMatchObject({ person: { emailConsent: false } });
    expect(row('')).toMatchObject({ person: { emailConsent: null } });
    expect(row('perhaps')).toMatchObject({ person: { emailConsent: null }, warnings: [expect.stringMatching(/e-mail consent "perhaps"/)] });
  });

  it('derives jurisdictions from state names, codes and countries', () => {
    expect(deriveJurisdiction('', 'California', '')).toBe('US-CA');
    expect(deriveJurisdiction('', 'ma', 'USA')).toBe('US-MA');
    expect(deriveJurisdiction('', 'Bavaria', 'Germany')).toBe('DE');
    expect(deriveJurisdiction('uk', '', '')).toBe('GB');
    expect(deriveJurisdiction('', '', '')).toBe('UNKNOWN');
  });

  it('parses element lists with synonyms and reports unknown words', () => {
    expect(parseElements('SSN; Date of Birth | credit card, email')).toEqual({ elements: ['us_ssn', 'date_of_birth', 'payment_card', 'email'], unknown: [] });
    expect(parseElements('shoe size').unknown).toEqual(['shoe size']);
  });

  it('normalises contacts; unusable e-mails fall to postal with a warning', () => {
    expect(normaliseEmail(' Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
    expect(normaliseEmail('not-an-address')).toBeNull();
    expect(normalisePhone('(415) 555-2671', 'US-CA')).toBe('+14155552671');
    expect(maskEmail('jane@example.com')).toBe('j***@example.com');
    const t = readCsv('Name,Email,State,Street\nJane Doe,broken@,CA,1 Elm\n');
    const r = rowToPerson(t.rows[0]!, autoMap(t.headers).mapping);
    expect(r).toMatchObject({ person: { email: null, jurisdiction: 'US-CA', address: { line1: '1 Elm' } }, warnings: ['e-mail is not usable'] });
    expect(rowToPerson(['', ''], { name: 0, email: 1 })).toEqual({ error: 'no name, e-mail, phone or address' });
  });
});

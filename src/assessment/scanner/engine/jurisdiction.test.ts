import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseCountry, normaliseUsState, recordHints } from './jurisdiction.js';

const zip = (z: string) => (z.startsWith('9') ? 'CA' : z.startsWith('1') ? 'NY' : null);

describe('recordHints', () => {
  it('derives a US state from region or ZIP, and countries from values', () => {
    expect(recordHints({ elements: [], geo: { region: 'Texas' } }, zip)).toEqual(['US-TX']);
    expect(recordHints({ elements: [], geo: { postalCode: '94105' } }, zip)).toEqual(['US-CA']);
    expect(recordHints({ elements: [], geo: { country: 'USA', postalCode: '00001' } }, zip)).toEqual(['US']);
    expect(recordHints({ elements: [], geo: { country: 'de', postalCode: '10115' } }, zip)).toEqual(['DE']);
    const hints = recordHints(
      {
        elements: [
          { element: 'phone', value: '+4930123456', country: 'DE' },
          { element: 'us_ssn', value: '123456780' },
          { element: 'iban', value: 'FR7630006000011234567890189', country: 'FR' },
        ],
        geo: {},
      },
      zip,
    );
    expect(hints.sort()).toEqual(['DE', 'FR', 'US']);
    // ITIN implies the US too; a country code in another case is upper-cased; each hint once.
    const more = recordHints(
      {
        elements: [
          { element: 'us_itin', value: '912701234' },
          { element: 'phone', value: '+4930123456', country: 'de' },
          { element: 'national_id', value: 'AB123456C', country: 'GB' },
          { element: 'us_ssn', value: '123456780', country: 'US' },
        ],
        geo: {},
      },
      zip,
    );
    expect(more).toEqual(['US', 'DE', 'GB']);
  });

  it('reads where a whole address is from its tail when no geo column says', () => {
    const z = (code: string) => (code === '98109' ? 'WA' : code === '94105' ? 'CA' : null);
    const at = (value: string, geo = {}) => recordHints({ elements: [{ element: 'postal_address', value }], geo }, z);
    expect(at('400 Broad St, Seattle, WA 98109')).toEqual(['US-WA']);
    expect(at('400 Broad St, Seattle, WA 98109, USA')).toEqual(['US-WA']);
    // A state and a ZIP that disagree are no evidence.
    expect(at('400 Broad St, Seattle, WA 94105')).toEqual([]);
    expect(at('10 Downing Street, London SW1A 2AA, United Kingdom')).toEqual(['GB']);
    expect(at('10 Downing Street, London SW1A 2AA')).toEqual(['GB']);
    expect(at('1200 Rue Sainte-Catherine, Montréal, QC H3B 1K9')).toEqual(['CA-QC']);
    expect(at('1200 Rue Sainte-Catherine, Montréal, QC H3B 1K9, Canada')).toEqual(['CA-QC']);
    expect(at('100 4 Ave SW, Calgary, Canada')).toEqual(['CA']);
    expect(at('Hauptstraße 5, 10115 Berlin, Germany')).toEqual(['DE']);
    expect(at('Hauptstraße 5, 10115 Berlin')).toEqual([]);
    // Geo columns decide first.
    expect(at('400 Broad St, Seattle, WA 98109', { country: 'DE' })).toEqual(['DE']);
    expect(at('400 Broad St, Seattle, WA 98109', { country: 'US' })).toEqual(['US', 'US-WA']);
  });

  it('reads a postcode as a US ZIP only when nothing in the record points elsewhere', () => {
    const de = { element: 'phone' as const, value: '+4930123456', country: 'DE' };
    // A +49 phone: 10115 is Berlin's PLZ, not a New York ZIP.
    expect(recordHints({ elements: [de], geo: { postalCode: '10115' } }, zip)).toEqual(['DE']);
    // Its column's header is German (PLZ) or another language's word (CAP, code postal).
    expect(recordHints({ elements: [], geo: { postalCode: '10115', postalCountry: 'DE' } }, zip)).toEqual(['DE']);
    expect(recordHints({ elements: [], geo: { postalCode: '10115', postalCountry: 'intl' } }, zip)).toEqual([]);
    // UK and Canadian postcodes by their shape; a US country cell keeps the ZIP reading.
    expect(recordHints({ elements: [], geo: { postalCode: 'SW1A 2AA' } }, zip)).toEqual(['GB']);
    // Canadian postcodes say their province by the first letter (Canada Post); X is NT or NU.
    expect(recordHints({ elements: [], geo: { postalCode: 'h3b 1k9' } }, zip)).toEqual(['CA-QC']);
    expect(recordHints({ elements: [], geo: { postalCode: 'T2P 2M5' } }, zip)).toEqual(['CA-AB']);
    expect(recordHints({ elements: [], geo: { postalCode: 'X1A 2L9' } }, zip)).toEqual(['CA']);
    expect(recordHints({ elements: [], geo: { region: 'CA-QC' } }, zip)).toEqual(['CA-QC']);
    expect(recordHints({ elements: [], geo: { country: 'Canada', region: 'CA-AB' } }, zip)).toEqual(['CA-AB']);
    expect(recordHints({ elements: [], geo: { country: 'CA', postalCode: 'M5V 3L9' } }, zip)).toEqual(['CA-ON']);
    expect(recordHints({ elements: [], geo: { country: 'CA' } }, zip)).toEqual(['CA']);
    expect(recordHints({ elements: [de], geo: { country: 'US', postalCode: '10115' } }, zip)).toEqual(['US-NY', 'DE']);
    expect(recordHints({ elements: [{ element: 'phone', value: '+14155550132', country: 'US' }], geo: { postalCode: '94105' } }, zip)).toEqual(['US-CA', 'US']);
  });

  it('normalises country and state cells', () => {
    expect(normaliseCountry('Germany')).toBe('DE');
    expect(normaliseCountry('uk')).toBe('GB');
    expect(normaliseCountry('Atlantis')).toBeNull();
    expect(normaliseUsState('US-ca')).toBe('CA');
    expect(normaliseUsState('new york')).toBe('NY');
    expect(normaliseUsState('Bavaria')).toBeNull();
  });

  it('gives the same state hint through the canonical-form table as through normaliseUsState', () => {
    const forms = fc.oneof(
      fc.constantFrom('CA', 'US-CA', 'US-ca', 'ca', ' CA', 'US-DC', 'PR', 'US-PR', 'ZZ', 'US-ZZ', 'US-', 'Texas', 'new york', 'QC', 'CA-ON'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(forms, fc.constantFrom(undefined, 'US', 'usa', 'DE'), (region, country) => {
        const state = normaliseUsState(region);
        const c = normaliseCountry(country);
        const canadian = !c && region.startsWith('CA-') && !state;
        const want = c && c !== 'US' ? [c] : state ? [`US-${state}`] : canadian ? [region] : c === 'US' ? ['US'] : [];
        expect(recordHints({ elements: [], geo: { region, ...(country ? { country } : {}) } }, () => null)).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { CONTEXT_DETECTORS, parseBirthDate } from './context-only.js';

const now = new Date(Date.UTC(2026, 0, 1));

describe('parseBirthDate', () => {
  it.each([
    ['1980-03-05', '1980-03-05'],
    ['1980/3/5', '1980-03-05'],
    ['05.03.1980', '1980-03-05'],
    ['25/12/1975', '1975-12-25'],
    ['12/25/1975', '1975-12-25'],
    ['19800305', '1980-03-05'],
    ['March 5, 1980', '1980-03-05'],
    ['5 mars 1980', '1980-03-05'],
    ['5. März 1980', '1980-03-05'],
    ['5 de marzo de 1980'.replace(/ de /g, ' '), '1980-03-05'],
    ['1980-03-05T00:00:00Z', '1980-03-05'],
  ])('%s → %s', (v, iso) => expect(parseBirthDate(v, now)).toBe(iso));
  it('keeps an ambiguous day/month order as written', () => expect(parseBirthDate('03/05/1980', now)).toBe('03/05/1980'));
  it.each(['2023-01-05T10:22:11Z', '1899-12-31', '2026-06-01', '1980-02-30', '13/13/1980', 'soon'])('rejects %s', (v) => expect(parseBirthDate(v, now)).toBeNull());
});

describe('context-only detectors', () => {
  it('reject placeholders and accept trimmed, whitespace-collapsed text', () => {
    const name = CONTEXT_DETECTORS.find((d) => d.id === 'person_name')!;
    expect(name.validate('  Jane   Doe ')).toEqual({ element: 'person_name', value: 'Jane Doe' });
    for (const p of ['N/A', 'null', 'NULL', '-', 'none', '']) expect(name.validate(p)).toBeNull();
  });
  it('normalise shaped identifiers', () => {
    const plate = CONTEXT_DETECTORS.find((d) => d.id === 'license_plate')!;
    expect(plate.validate('b-ab 123')).toEqual({ element: 'license_plate', value: 'BAB123' });
  });
});

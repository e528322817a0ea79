import { describe, expect, it } from 'vitest';
import { CONTEXT_DETECTORS, parseBirthDate, slashDateOrder } from './context-only.js';

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
  it.each([
    ['1980.03.05', '1980-03-05'],
    ['1980/03/05', '1980-03-05'],
    ['1980-03/05', '1980-03-05'],
    ['1980-3-5', '1980-03-05'],
    [' 1980-03-05 ', '1980-03-05'],
    ['1980-03-05 00:00', '1980-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['19000101', '1900-01-01'],
    ['2025-12-31', '2025-12-31'],
    ['2026-01-01', '2026-01-01'], // today (midnight UTC) is not in the future
    ['20260101', '2026-01-01'],
  ])('fixed-width %j → %s', (v, iso) => expect(parseBirthDate(v, now)).toBe(iso));
  it.each(['2023-02-29', '1900-02-29', '18991231', '2026-01-02', '1980-13-01', '1980-00-10', '1980-04-31', '19800230', '1980 03 05', '\u0661\u0669\u0668\u0660-\u0660\u0663-\u0660\u0665'])(
    'fixed-width rejects %j',
    (v) => expect(parseBirthDate(v, now)).toBeNull(),
  );
  it('compares with now to the millisecond', () => {
    expect(parseBirthDate('2026-01-01', new Date(Date.UTC(2026, 0, 1) - 1))).toBeNull();
    expect(parseBirthDate('1980-03-05', new Date(Number.NaN))).toBe('1980-03-05');
  });
  it('keeps an ambiguous day/month order as written', () => expect(parseBirthDate('03/05/1980', now)).toBe('03/05/1980'));
  it.each(['2023-01-05T10:22:11Z', '1899-12-31', '2026-06-01', '1980-02-30', '13/13/1980', 'soon'])('rejects %s', (v) => expect(parseBirthDate(v, now)).toBeNull());
});

describe('two-digit birth years (outside review 4)', () => {
  const dec2026 = new Date(Date.UTC(2026, 11, 7));
  it.each([
    ['05.12.87', '1987-12-05'],
    ['5-12-87', '1987-12-05'],
    ['25/12/75', '1975-12-25'],
    ['12/25/75', '1975-12-25'],
    ['01.02.04', '2004-02-01'],
    ['01.02.26', '2026-02-01'], // this year: 2026
    ['01.02.27', '1927-02-01'], // next year's number: last century
    ['31.12.99', '1999-12-31'],
  ])('%s → %s (the last 100 years)', (v, iso) => expect(parseBirthDate(v, dec2026)).toBe(iso));
  it('keeps an ambiguous one as written with its four-digit year, and a column order settles it', () => {
    expect(parseBirthDate('05/12/87', dec2026)).toBe('05/12/1987');
    expect(parseBirthDate('05/12/87', dec2026, 'mdy')).toBe('1987-05-12');
    expect(slashDateOrder(['5/12/87', '12/25/75'])).toBe('mdy');
  });
  it('rejects what is no date', () => {
    for (const v of ['31.02.87', '13/13/87', '1.2.3', '05.12.8', '05.12.987']) expect(parseBirthDate(v, dec2026)).toBeNull();
  });
});

describe('a birth-date column’s day/month order (review people22)', () => {
  it('is read from the values that show it, and settles the ambiguous ones', () => {
    expect(slashDateOrder(['3/5/1980', '12/25/1975', '1980-03-05'])).toBe('mdy');
    expect(slashDateOrder(['03/05/1980', '25/12/1975'])).toBe('dmy');
    expect(slashDateOrder(['03/05/1980', '04/06/1990'])).toBeNull();
    expect(slashDateOrder(['25/12/1975', '12/25/1975'])).toBeNull();
    expect(slashDateOrder(['25.12.1975', '1980-03-05'])).toBeNull();
    expect(parseBirthDate('03/05/1980')).toBe('03/05/1980');
    expect(parseBirthDate('03/05/1980', undefined, 'mdy')).toBe('1980-03-05');
    expect(parseBirthDate('03/05/1980', undefined, 'dmy')).toBe('1980-05-03');
    // A value that shows its own order keeps it, whatever the column says.
    expect(parseBirthDate('25/12/1975', undefined, 'mdy')).toBe('1975-12-25');
    expect(parseBirthDate('02/30/1980', undefined, 'mdy')).toBeNull();
  });

  it('reads Oracle’s DD-MON-YYYY', () => {
    expect(parseBirthDate('05-MAR-1980')).toBe('1980-03-05');
    expect(parseBirthDate('5-mar-1980')).toBe('1980-03-05');
    expect(parseBirthDate('05-MAR-80')).toBeNull();
  });
});

describe('context-only detectors', () => {
  it('reject placeholders and accept trimmed, whitespace-collapsed text', () => {
    const name = CONTEXT_DETECTORS.find((d) => d.id === 'person_name')!;
    expect(name.validate('  Jane   Doe ')).toEqual({ element: 'person_name', value: 'Jane Doe' });
    for (const p of ['N/A', 'null', 'NULL', '-', 'none', '']) expect(name.validate(p)).toBeNull();
  });
  it.each([
    ['Jane\u00a0Doe', 'Jane Doe'],
    ['Jane\tDoe', 'Jane Doe'],
    [' Jane Doe', 'Jane Doe'],
    ['Jane  Doe', 'Jane Doe'],
    ['Jane Doe ', 'Jane Doe'],
    ['\u3000Jane\u2028Doe\ufeff', 'Jane Doe'],
    ['Jane\u200bDoe', 'Jane\u200bDoe'], // zero-width space is not white space
    ['\u00d6', '\u00d6'],
    ['\u4e2d\u6587', '\u4e2d\u6587'],
    ['1', '1'],
  ])('collapse white space in %j → %j', (v, out) => {
    const name = CONTEXT_DETECTORS.find((d) => d.id === 'person_name')!;
    expect(name.validate(v)).toEqual({ element: 'person_name', value: out });
  });
  it.each(['..', '\u0663', 'null ', 'a'.repeat(201)])('reject %j as a name (no letter or digit, placeholder, too long)', (v) => {
    const name = CONTEXT_DETECTORS.find((d) => d.id === 'person_name')!;
    expect(name.validate(v)).toBeNull();
  });
  it('normalise shaped identifiers', () => {
    const plate = CONTEXT_DETECTORS.find((d) => d.id === 'license_plate')!;
    expect(plate.validate('b-ab 123')).toEqual({ element: 'license_plate', value: 'BAB123' });
  });
});

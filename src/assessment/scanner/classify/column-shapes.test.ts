import { describe, expect, it } from 'vitest';
import { birthDateColumnRate, isStreetLine, streetColumnRate } from './column-shapes.js';
import { classifyColumns } from './columns.js';

const NOW = new Date('2026-12-07T00:00:00Z');
const births = ['1945-08-25', '1952-08-21', '1988-01-30', '1971-11-02', '1999-06-14', '1963-03-09', '2004-12-31', '1980-07-07', '1957-05-19', '1992-10-10', '1976-02-29'];

describe('birthDateColumnRate', () => {
  it('reads spread-out past dates as births', () => {
    expect(birthDateColumnRate(births, NOW)).toBe(1);
    expect(birthDateColumnRate(births.map((d) => d.split('-').reverse().join('.')), NOW)).toBe(1);
  });
  it('refuses recent dates, few years, small samples and timestamps', () => {
    // One date in the last 13 years: an order/sign-up column, not births.
    expect(birthDateColumnRate([...births, '2019-04-01'], NOW)).toBe(0);
    expect(birthDateColumnRate([...births.slice(0, 10), '2013-12-06'], NOW)).toBeGreaterThan(0);
    expect(birthDateColumnRate([...births.slice(0, 10), '2013-12-08'], NOW)).toBe(0);
    expect(birthDateColumnRate(Array.from({ length: 20 }, (_, i) => `1990-01-${String(i + 1).padStart(2, '0')}`), NOW)).toBe(0);
    expect(birthDateColumnRate(births.slice(0, 9), NOW)).toBe(0);
    expect(birthDateColumnRate(births.map((d) => `${d}T10:22:11Z`), NOW)).toBe(0);
  });
  // Outside review 4: sign-up dates older than 13 years passed as births.
  const day = (y: number, i: number) => `${y}-${String((i * 7) % 12 + 1).padStart(2, '0')}-${String((i * 11) % 28 + 1).padStart(2, '0')}`;
  const signups = (from: number, to: number) => Array.from({ length: 60 }, (_, i) => day(from + (i % (to - from + 1)), i));
  it('refuses registration dates packed into the recent past (2001–2012, 1990–2012)', () => {
    expect(birthDateColumnRate(signups(2001, 2012), NOW)).toBe(0);
    expect(birthDateColumnRate(signups(1990, 2012), NOW)).toBe(0);
    expect(birthDateColumnRate(signups(1990, 2012).map((d) => d.split('-').reverse().join('.')), NOW)).toBe(0);
  });
  it('never reads two-digit years as births without a header (outside review 4)', () => {
    expect(birthDateColumnRate(births.map((d) => `${d.slice(8)}.${d.slice(5, 7)}.${d.slice(2, 4)}`), NOW)).toBe(0);
  });
  it('keeps births with adults’ ages (18–90) and a young but spread customer base', () => {
    // Ages 18–90, spread as a customer file's are.
    const adults = Array.from({ length: 60 }, (_, i) => day(1936 + ((i * 37) % 73), i));
    expect(birthDateColumnRate(adults, NOW)).toBe(1);
    // Customers aged 20–60: the oldest tenth is past 40, the middle spans decades.
    expect(birthDateColumnRate(signups(1966, 2006), NOW)).toBe(1);
  });
});

describe('isStreetLine', () => {
  it.each(['7776 Hill Ct', '7511 Sunset Rd', '12 N. Main St.', '1600 Pennsylvania Avenue NW', '221B Baker Street', '350 Fifth Ave, Apt 4B', '10 Downing St', 'Hauptstraße 12', 'rue de Rivoli 99', '12 rue de la Paix'.replace(/^12 /, 'rue de la Paix 12 ')])('%s is a street line', (v) => {
    expect(isStreetLine(v)).toBe(true);
  });
  it.each(['Widget 3000 Pro', 'ORD-214046970', '1888.27', 'Order 55 shipped', 'Fresno', '22622', 'Suite of 3 rooms', 'Step 4 of 5'])('%s is not', (v) => {
    expect(isStreetLine(v)).toBe(false);
  });
  it('needs five values', () => {
    expect(streetColumnRate(['1 Elm St', '2 Oak Ave', '3 Pine Rd', '4 Ash Ln'])).toBe(0);
    expect(streetColumnRate(['1 Elm St', '2 Oak Ave', '3 Pine Rd', '4 Ash Ln', '5 Fir Dr'])).toBe(1);
  });
});

describe('headerless columns', () => {
  it('a column_N of births is date_of_birth and of street lines postal_address; with a header the header decides', () => {
    const rows = births.map((d, i) => [`${100 + i} Elm St`, d, `2024-0${(i % 9) + 1}-15`]);
    const [street, dob, order] = classifyColumns('t', ['column_1', 'column_2', 'column_3'], rows);
    expect(street.element).toBe('postal_address');
    expect(dob.element).toBe('date_of_birth');
    expect(order.element).toBeNull();
    const named = classifyColumns('t', ['shipped_to', 'order_date', 'member_since'], rows.map((r) => [r[0], r[2], r[1]]));
    expect(named[1].element).toBeNull();
    // A named column we do not know may hold old dates that are no births: names decide.
    expect(named[2].element).toBeNull();
  });
  it('a column_N of sign-up dates 2001–2012 is no date of birth (outside review 4)', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`${2001 + (i % 12)}-0${(i % 9) + 1}-1${i % 10}`, births[i % births.length]]);
    const [signup, dob] = classifyColumns('t', ['column_1', 'column_2'], rows);
    expect(signup.element).toBeNull();
    expect(dob.element).toBe('date_of_birth');
  });
});

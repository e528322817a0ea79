import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { libraryPublicHolidays, publicHolidays } from './deadline.js';
import { HOLIDAY_TABLE, HOLIDAY_TABLE_YEARS } from './holidays.data.js';
import { loadRules } from './rules-loader.js';

describe('generated holiday table', () => {
  it('equals the installed date-holidays for every calendar and year it covers', () => {
    const { from, to } = HOLIDAY_TABLE_YEARS;
    for (const calendar of Object.keys(HOLIDAY_TABLE)) {
      // One library call per year (a US state calendar costs ~10 ms per year), grouped by date.
      const [country, state] = calendar.split('-');
      const hd = state ? new Holidays(country, state) : new Holidays(country);
      const all = new Set<string>();
      for (let y = from - 1; y <= to + 1; y++)
        for (const h of hd.getHolidays(y) || []) if (h.type === 'public') all.add(h.date.slice(0, 10));
      for (let y = from; y <= to; y++)
        expect([...publicHolidays(calendar, y)].sort(), `${calendar} ${y}`).toEqual([...all].filter((d) => d.startsWith(`${y}-`)).sort());
    }
  });
  it('covers every calendar a business-day rule uses', () => {
    const used = new Set(
      loadRules()
        .filter((r) => [r.clock.unit, ...r.clock.stages.map((s) => s.unit)].includes('business_days'))
        .map((r) => r.clock.holidays ?? r.jurisdiction),
    );
    for (const c of used) expect(Object.keys(HOLIDAY_TABLE), c).toContain(c);
  });
  it('falls back to the library outside the table', () => {
    expect([...libraryPublicHolidays('US', 2026)]).toContain('2026-07-03');
    expect(publicHolidays('US', 2041).has('2041-07-04')).toBe(true);
    expect(publicHolidays('DE', 2026).has('2026-10-03')).toBe(true);
  });
});

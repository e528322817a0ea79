import { describe, expect, it } from 'vitest';
import { addPeriod, afterYearEnd, isBusinessDay, isoUtc } from './deadline.js';
import { DateTime } from 'luxon';

const at = (s: string) => new Date(s);
const iso = (d: Date) => isoUtc(d);

describe('hours run from the anchor instant', () => {
  it('72 h across the EU spring-forward change is exactly 72 elapsed hours', () => {
    // 2026-03-29 01:00 UTC Europe switches to summer time; wall clock jumps, elapsed time does not.
    expect(iso(addPeriod(at('2026-03-27T10:00:00Z'), 72, 'hours', 'Europe/Paris', 'FR'))).toBe('2026-03-30T10:00:00Z');
  });
  it('24 h across the US fall-back change', () => {
    expect(iso(addPeriod(at('2026-11-01T04:30:00Z'), 24, 'hours', 'America/New_York', 'US'))).toBe('2026-11-02T04:30:00Z');
  });
});

describe('"within N days" ends 23:59:59 local of the Nth day', () => {
  it('30 days across the US spring-forward change (CST anchor, CDT deadline)', () => {
    // Anchor 2026-03-02 09:00 CST; day 30 = 2026-04-01, ends 23:59:59 CDT (UTC-5).
    expect(iso(addPeriod(at('2026-03-02T15:00:00Z'), 30, 'calendar_days', 'America/Chicago', 'US-TX'))).toBe('2026-04-02T04:59:59Z');
  });
  it('uses the local date of the anchor, not the UTC date', () => {
    // 2026-03-03T03:00Z is still 2026-03-02 in Los Angeles.
    expect(iso(addPeriod(at('2026-03-03T03:00:00Z'), 1, 'calendar_days', 'America/Los_Angeles', 'US-CA'))).toBe('2026-03-04T07:59:59Z');
  });
  it('fall-back: the deadline day is 25 hours long but still ends 23:59:59 local', () => {
    // Day 1 after 2026-10-31 (EDT) is 2026-11-01, which ends in EST (UTC-5).
    expect(iso(addPeriod(at('2026-10-31T12:00:00Z'), 1, 'calendar_days', 'America/New_York', 'US'))).toBe('2026-11-02T04:59:59Z');
  });
});

describe('business days skip weekends and public holidays', () => {
  it('US federal: Friday 2026-07-03 (Independence Day observed) is not a business day', () => {
    const d = DateTime.fromISO('2026-07-03', { zone: 'America/New_York' });
    expect(isBusinessDay(d, 'US')).toBe(false);
    expect(isBusinessDay(d.plus({ days: 3 }), 'US')).toBe(true);
  });
  it('SEC 4 business days from Wednesday 2026-07-01 skip the 3 July holiday and the weekend', () => {
    // Thu 2 (1), Fri 3 holiday, Mon 6 (2), Tue 7 (3), Wed 8 (4) → 2026-07-08 23:59:59 EDT.
    expect(iso(addPeriod(at('2026-07-01T18:00:00Z'), 4, 'business_days', 'America/New_York', 'US'))).toBe('2026-07-09T03:59:59Z');
  });
  it('an anchor on a Saturday starts the count on Monday', () => {
    // Sat 2026-03-07 → Mon 9 (1) … Thu 12 (4), across the 8 March DST change.
    expect(iso(addPeriod(at('2026-03-07T15:00:00Z'), 4, 'business_days', 'America/New_York', 'US'))).toBe('2026-03-13T03:59:59Z');
  });
  it('Thanksgiving week', () => {
    // Wed 2026-11-25 → Fri 27 (1; day after Thanksgiving is not a federal holiday), Mon 30 (2).
    expect(iso(addPeriod(at('2026-11-25T15:00:00Z'), 2, 'business_days', 'America/New_York', 'US'))).toBe('2026-12-01T04:59:59Z');
  });
  it('Vermont state calendar skips Town Meeting Day (first Tuesday in March)', () => {
    // From Mon 2026-03-02: Tue 3 is Town Meeting Day → Wed 4 is business day 1.
    expect(iso(addPeriod(at('2026-03-02T15:00:00Z'), 1, 'business_days', 'America/New_York', 'US-VT'))).toBe('2026-03-05T04:59:59Z');
    expect(iso(addPeriod(at('2026-03-02T15:00:00Z'), 1, 'business_days', 'America/New_York', 'US'))).toBe('2026-03-04T04:59:59Z');
  });
  it('Brazil: Good Friday and Tiradentes (21 April) are national holidays', () => {
    // From Thu 2026-04-02: Fri 3 Good Friday, Mon 6 (1), Tue 7 (2), Wed 8 (3).
    expect(iso(addPeriod(at('2026-04-02T13:00:00Z'), 3, 'business_days', 'America/Sao_Paulo', 'BR'))).toBe('2026-04-09T02:59:59Z');
    // From Mon 2026-04-20: Tue 21 Tiradentes, Wed 22 (1), Thu 23 (2), Fri 24 (3).
    expect(iso(addPeriod(at('2026-04-20T13:00:00Z'), 3, 'business_days', 'America/Sao_Paulo', 'BR'))).toBe('2026-04-25T02:59:59Z');
  });
});

describe('other periods', () => {
  it('60 days after the end of the calendar year (leap and common years)', () => {
    expect(iso(afterYearEnd(at('2026-05-10T12:00:00Z'), 60, 'America/New_York'))).toBe('2027-03-02T04:59:59Z');
    expect(iso(afterYearEnd(at('2027-05-10T12:00:00Z'), 60, 'America/New_York'))).toBe('2028-03-01T04:59:59Z');
    // 2027-01-01T05:00Z is 1 January in New York but 31 December in Chicago: the earlier year counts.
    expect(iso(afterYearEnd(at('2027-01-01T05:00:00Z'), 60, 'America/New_York', ['America/Chicago']))).toBe('2027-03-02T04:59:59Z');
    expect(iso(afterYearEnd(at('2027-01-01T05:00:00Z'), 60, 'America/New_York'))).toBe('2028-03-01T04:59:59Z');
  });
  it('one month keeps local wall-clock time', () => {
    expect(iso(addPeriod(at('2026-03-05T10:00:00Z'), 1, 'months', 'Europe/Brussels', 'BE'))).toBe('2026-04-05T09:00:00Z');
  });
});

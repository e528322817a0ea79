/**
 * Exact deadline arithmetic (issue 5 §4, DESIGN.md §4):
 * - hours run from the anchor instant (72 h = anchor + 72 h, whatever the clocks do);
 * - "within N days" ends at 23:59:59 local time of the Nth day after the anchor's local date;
 * - business days skip Saturdays, Sundays and the jurisdiction's public holidays (date-holidays,
 *   type "public" only, including substitute "observed" days such as 2026-07-03);
 * - months add calendar months in local time (NIS2 "one month after").
 * Pure: no clock, no I/O.
 */
import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';
import { DateTime } from 'luxon';
import { HOLIDAY_TABLE, HOLIDAY_TABLE_YEARS } from './holidays.data.js';
import type { ClockUnit } from './rule.schema.js';

const holidayCache = new Map<string, Set<string>>();

/**
 * date-holidays parses ~800 kB of holiday data when loaded (100–300 ms here): it is loaded only
 * for a calendar or year outside the generated table (holidays.data.ts).
 */
let holidaysCtor: typeof HolidaysClass | undefined;
const Holidays = (): typeof HolidaysClass => {
  holidaysCtor ??= createRequire(import.meta.url)('date-holidays') as typeof HolidaysClass;
  return holidaysCtor;
};

/**
 * Public holidays (local YYYY-MM-DD) of `calendar` in `year`, straight from date-holidays. Adjacent
 * years are included because an observed day can be listed under the neighbouring year.
 */
export const libraryPublicHolidays = (calendar: string, year: number): Set<string> => {
  const [country, state] = calendar.split('-');
  const H = Holidays();
  const hd = state ? new H(country, state) : new H(country);
  const dates = [year - 1, year, year + 1].flatMap((y) =>
    (hd.getHolidays(y) || []).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)),
  );
  return new Set(dates.filter((d) => d.startsWith(`${year}-`)));
};

/** Public holidays of `calendar` ("US", "US-VT", "BR") in `year`: the generated table, else the library. */
export const publicHolidays = (calendar: string, year: number): Set<string> => {
  const key = `${calendar}:${year}`;
  let set = holidayCache.get(key);
  if (!set) {
    const table = HOLIDAY_TABLE[calendar];
    set =
      table !== undefined && year >= HOLIDAY_TABLE_YEARS.from && year <= HOLIDAY_TABLE_YEARS.to
        ? new Set(table.split(' ').filter((d) => d.startsWith(`${year}-`)))
        : libraryPublicHolidays(calendar, year);
    holidayCache.set(key, set);
  }
  return set;
};

export const isBusinessDay = (day: DateTime, calendar: string): boolean => {
  if (day.weekday >= 6) return false;
  return !publicHolidays(calendar, day.year).has(day.toISODate() ?? '');
};

/**
 * The last instant of a local day: 23:59:59, or the day's `cutOff` (HH:MM) where the law or the
 * filing system ends the day earlier (EDGAR: 17:30 ET, 17 CFR 232.13(a)(4)).
 */
const endOfLocalDay = (day: DateTime, cutOff?: string): DateTime => {
  if (!cutOff) return day.set({ hour: 23, minute: 59, second: 59, millisecond: 0 });
  const [hour, minute] = cutOff.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};

/**
 * The deadline `amount` `unit` after `anchor`. `zone` is the IANA zone where days are counted,
 * `calendar` the holiday calendar for business days, `cutOff` (HH:MM local) the end of the last
 * day for day-counted periods (ignored for hours and months).
 */
export const addPeriod = (anchor: Date, amount: number, unit: ClockUnit, zone: string, calendar: string, cutOff?: string): Date => {
  switch (unit) {
    case 'hours':
      return new Date(anchor.getTime() + amount * 3_600_000);
    case 'calendar_days': {
      const local = DateTime.fromJSDate(anchor, { zone }).startOf('day');
      return endOfLocalDay(local.plus({ days: amount }), cutOff).toJSDate();
    }
    case 'business_days': {
      // Day 0 is the anchor's local date; the first business day *after* it is day 1. An anchor on
      // a weekend or holiday therefore starts the count on the next business day, as SEC Form 8-K
      // General Instruction B.1 states for the 4-business-day period.
      let day = DateTime.fromJSDate(anchor, { zone }).startOf('day');
      let counted = 0;
      while (counted < amount) {
        day = day.plus({ days: 1 });
        if (isBusinessDay(day, calendar)) counted++;
      }
      return endOfLocalDay(day, cutOff).toJSDate();
    }
    case 'months':
      return DateTime.fromJSDate(anchor, { zone }).plus({ months: amount }).toJSDate();
  }
};

/**
 * End of the Nth day after 31 December of the anchor's year (HIPAA/FTC HBNR annual log), counted in
 * `zone`. The year of discovery is the earliest local year among `yearZones`: a breach discovered
 * on New Year's Eve in Honolulu is in that year's log even though it is 1 January in New York, so
 * the deadline shown is never a year later than the law's.
 */
export const afterYearEnd = (anchor: Date, days: number, zone: string, yearZones: readonly string[] = [zone]): Date => {
  const year = Math.min(...[zone, ...yearZones].map((z) => DateTime.fromJSDate(anchor, { zone: z }).year));
  const yearEnd = DateTime.fromObject({ year, month: 12, day: 31 }, { zone });
  return endOfLocalDay(yearEnd.plus({ days })).toJSDate();
};

export const UNIT_WORDS: Record<ClockUnit, string> = {
  hours: 'hours',
  calendar_days: 'calendar days',
  business_days: 'business days',
  months: 'months',
};

/** ISO 8601 UTC without milliseconds: "2026-03-05T15:00:00Z". */
export const isoUtc = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

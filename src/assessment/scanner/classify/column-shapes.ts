/**
 * Values-only tests for two elements that have no strict shape of their own — a date of birth and
 * a street address — used only for a column whose header says nothing (`column_6` of a file
 * without a header: `SELECT … INTO OUTFILE`, `mysql -B`, an INSERT without a column list). With a
 * header, the header decides (columns.ts); without one, these columns were never read as what
 * they are, so a headerless customers export listed neither dates of birth nor addresses among
 * the exposed data (and a notice's "what information was involved" left them out).
 */
import { parseBirthDate } from '../detectors/context-only.js';
import { STREET_BEFORE, STREET_SUFFIX } from '../detectors/text-address.js';

/** Fewest sampled values, and fewest distinct birth years, before dates can say "born on". */
const DOB_MIN_VALUES = 10;
const DOB_MIN_YEARS = 10;
/** The youngest a customer, patient or employee on file is taken to be: a later date is no birth. */
const DOB_MIN_AGE_YEARS = 13;
/**
 * The shape of a births column's ages (outside review 4): adults on file are spread over decades
 * (roughly 18–90), so the oldest tenth is past 40 and the middle 80 % spans ≥ 15 years. A column of
 * sign-up or registration dates (`member_since`, 1990–2012, no header) is packed into the recent
 * past: its oldest tenth is ~35 or younger — it passed the 13-year rule above and was read as births.
 */
const DOB_MIN_OLDEST_DECILE_AGE = 40;
const DOB_MIN_AGE_SPREAD = 15;

const TWO_DIGIT_YEAR = /^\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{2}\s*$/;

/** `sorted[⌊q·(n−1)⌋]`: the nearest-rank quantile of ascending numbers (n ≥ 1). */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))];
}

/**
 * Share of values that are dates of birth, or 0 when the column cannot be one: the dates must
 * spread over ≥ 10 birth years, none may fall in the last 13 years — an order, sign-up or
 * shipping date column has recent dates; people's birth dates do not — and their ages must have
 * the spread of adults' ages, not of a 20-year window of the recent past (see above).
 */
export function birthDateColumnRate(values: string[], now = new Date()): number {
  if (values.length < DOB_MIN_VALUES) return 0;
  const latest = `${now.getUTCFullYear() - DOB_MIN_AGE_YEARS}-${String(now.getUTCMonth() + 1).padStart(2, '0')}-${String(now.getUTCDate()).padStart(2, '0')}`;
  const years = new Set<string>();
  const ages: number[] = [];
  let hits = 0;
  for (const v of values) {
    // Two-digit years (`05/12/87`) only where a header or a word says "birth": alone, `1.2.15` and
    // `12-05-87` are versions, codes or any date of the last century.
    if (TWO_DIGIT_YEAR.test(v)) continue;
    const d = parseBirthDate(v, now);
    if (d === null) continue;
    hits++;
    // parseBirthDate gives yyyy-mm-dd, or an ambiguous dd/mm/yyyy as written (its year last).
    const iso = /^\d{4}-/.test(d) ? d : `${d.slice(-4)}-12-31`;
    if (iso > latest) return 0;
    years.add(iso.slice(0, 4));
    ages.push(now.getUTCFullYear() - Number(iso.slice(0, 4)));
  }
  if (years.size < DOB_MIN_YEARS) return 0;
  ages.sort((a, b) => a - b);
  const oldest = quantile(ages, 0.9);
  if (oldest < DOB_MIN_OLDEST_DECILE_AGE || oldest - quantile(ages, 0.1) < DOB_MIN_AGE_SPREAD) return 0;
  return hits / values.length;
}

/**
 * USPS Publication 28 (Appendix C1) street suffixes and their standard abbreviations, with the
 * Royal Mail / Canada Post / Australia Post forms seen in exports, written last: `7776 Hill Ct`.
 */
const SUFFIXES =
  'st|street|ave|av|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|ct|court|pl|place|ter|terrace|way|cir|circle|pkwy|parkway|hwy|highway|sq|square|trl|trail|loop|pike|row|run|xing|aly|alley|cv|cove|pt|point|walk|path|pass|plz|plaza|expy|fwy|hl|hill|hts|heights|mnr|manor|pk|park|crk|creek|rdg|ridge|vw|view|vly|valley|grv|grove|cres|crescent|close|mews|gdns|gardens|cl|esp|esplanade|rise|bnd|bend|xrd|crossing|sta|station';
/** Number first, words, a suffix last (optionally a direction and a unit after it). */
const NUMBER_FIRST = new RegExp(
  `^\\d{1,6}[a-z]?(?:[-/]\\d{1,5})?,?\\s+(?:[nsew]\\.?\\s+)?[\\p{L}\\d'.\\- ]{1,40}?\\s(?:${SUFFIXES})\\.?(?:\\s+[nsew]{1,2}\\.?)?(?:[,\\s]+(?:apt|apartment|suite|ste|unit|#|fl|floor)\\.?\\s*#?[\\w-]{1,8})?$`,
  'iu',
);
const BEFORE = new RegExp(`^(?:${STREET_BEFORE.map((w) => w.trim().replace(/[.]/g, '\\.')).join('|')})\\s.*\\d`, 'iu');
const SUFFIX_WORD = new RegExp(`\\p{L}(?:${STREET_SUFFIX.map((w) => w.trim()).join('|')})\\.?\\s+\\d{1,5}[a-z]?\\b`, 'iu');

/** Is `v`, whole, a street address line (house number and a street-type word)? */
export function isStreetLine(v: string): boolean {
  if (v.length < 5 || v.length > 100 || !/\d/.test(v)) return false;
  return NUMBER_FIRST.test(v) || BEFORE.test(v) || SUFFIX_WORD.test(v);
}

/** Fewest sampled values before street lines alone make an address column. */
const STREET_MIN_VALUES = 5;

export function streetColumnRate(values: string[]): number {
  if (values.length < STREET_MIN_VALUES) return 0;
  let hits = 0;
  for (const v of values) if (isStreetLine(v)) hits++;
  return hits / values.length;
}

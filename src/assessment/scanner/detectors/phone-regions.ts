/**
 * A cheap and exact "libphonenumber cannot accept this" test for a number written in national
 * format, run before each region is tried. Trying the 23 likely regions costs up to 23 full parses
 * (≈ 8 µs each) per candidate; on a log with a phone context word before 7-digit ticket numbers that
 * was ≈ 20 % of the scan, and ≈ 70 % of those region parses end invalid for a reason this test sees.
 *
 * Why it is exact (libphonenumber-js 1.13 sources: parse.js, helpers/extractCountryCallingCode.js,
 * helpers/extractNationalNumber*.js, isValid.js, helpers/getNumberType.js). For an input made only
 * of ASCII digits and `( ) . - /` or white space, with a default region R:
 *  - the digit string libphonenumber works on is all the digits of the input: it starts at the
 *    first digit, drops only trailing non-digits, and every extension pattern needs a label
 *    character (`x`, `#`, `~`, `;`, `,`, letters) that such an input does not contain;
 *  - unless the digits start with R's international (IDD) prefix, the calling code is R's and the
 *    national number is the digits with a leading part removed (R's calling code written without
 *    '+', then R's national prefix): a suffix of them. Only a national-prefix *transform rule*
 *    rewrites digits instead (BR among our regions); such regions are never skipped;
 *  - `isValid()` then selects R or another country of the same calling code (GB/GG/JE/IM, the NANP
 *    countries, …) and first requires the national number to match that country's general
 *    national-number pattern entirely.
 * So when no suffix of the digits matches any of those countries' general patterns and the digits
 * do not start with the IDD prefix, `parsePhoneNumberFromString(v, R)?.isValid()` is false.
 * Checked against the library on every candidate of the perf inputs, the Presidio corpus and
 * random inputs (phone-regions.test.ts keeps a seeded sample of that comparison).
 */
import { type CountryCode, Metadata } from 'libphonenumber-js';

/** The parts of libphonenumber-js's Metadata class used here (its typings declare fewer). */
interface MetadataInternals {
  selectNumberingPlan(country: string): void;
  countryCallingCode(): string;
  countryCallingCodes(): Record<string, string[] | undefined>;
  nationalNumberPattern(): string | undefined;
  IDDPrefix(): string | undefined;
  nationalPrefixTransformRule(): string | number | undefined;
}

interface RegionTest {
  idd: RegExp;
  /** Some suffix of the digits matches a general national-number pattern of the calling code. */
  suffix: RegExp;
}

function regionTest(region: CountryCode): RegionTest | null {
  const m = new Metadata() as unknown as MetadataInternals;
  m.selectNumberingPlan(region);
  const idd = m.IDDPrefix();
  // Metadata fills absent fields with 0: only a non-empty rule rewrites digits.
  if (m.nationalPrefixTransformRule() || !idd) return null;
  const countries = m.countryCallingCodes()[m.countryCallingCode()];
  if (!countries?.length) return null;
  const patterns: string[] = [];
  for (const c of countries) {
    const p = new Metadata() as unknown as MetadataInternals;
    p.selectNumberingPlan(c);
    const nn = p.nationalNumberPattern();
    if (!nn) return null;
    patterns.push(nn);
  }
  // Unanchored at the start: tries every suffix, as `(?:…)$` from each position.
  return { idd: new RegExp(idd), suffix: new RegExp(`(?:${patterns.join('|')})$`) };
}

const TESTS = new Map<CountryCode, RegionTest | null>();

/** Characters that cannot start an extension or be dropped by libphonenumber's number extraction. */
export const PLAIN_NATIONAL = /^[\d\s().\-/]+$/;

/**
 * True only when libphonenumber is certain to find `digits` invalid in `region`, where `digits`
 * are all the digits of a value matching PLAIN_NATIONAL. False means "ask libphonenumber".
 */
export function cannotBeValidIn(region: CountryCode, digits: string): boolean {
  let t = TESTS.get(region);
  if (t === undefined) {
    t = regionTest(region);
    TESTS.set(region, t);
  }
  if (!t) return false;
  // stripIddPrefix uses `search(...) === 0` on the IDD pattern: the same test here.
  if (digits.search(t.idd) === 0) return false;
  return !t.suffix.test(digits);
}

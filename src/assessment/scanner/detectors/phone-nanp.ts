/**
 * NANP numbers read as NANP numbers, by how they are written and by their column (issue 21).
 *
 * libphonenumber accepts a number only in a range its metadata lists as assigned. A US export with
 * made-up or mistyped area codes (`(275) 748-1542`: 275 is no assigned NPA) then failed the US
 * plan, and the national-format search went on to the next region (contact.ts): 41 % of the
 * reviewer's numbers came out as German or British numbers (`+49 2757481542`), or as phones of no
 * country found in both. Nobody writes a German or British number that way: the trunk prefix `0`
 * those plans need is missing, and `(NPA) NXX-XXXX` is the NANP's own notation.
 *
 * The rule (docs/scan-json.md, "What counts as the same value"):
 *  - A phone column is a NANP column when at least half of its sampled values are written in NANP
 *    layout (`nanpLayoutDigits`: `(NPA) NXX-XXXX`, `NPA-NXX-XXXX`, `NPA.NXX.XXXX`,
 *    `1-NPA-NXX-XXXX`, `+1 …`) with NANP grammar: ITU-T E.164 gives country code 1 a ten-digit
 *    national number, which the NANP numbering plan (NANPA's NPA and central office code
 *    guidelines) splits into NPA (area code) and NXX (central office code), each N = 2–9 then two
 *    digits, and neither an N11 service code.
 *  - In a NANP column, a value in NANP layout, or a bare run of those ten digits (with or without
 *    the leading `1`), is a NANP number: the US plan's verdict when it accepts it (country US, CA
 *    or another NANP member, as before); otherwise still a phone — personal data — normalised as
 *    `+1` and the ten digits, with no country: which NANP member it belongs to is unknown, and it
 *    is never another calling code's number. An extension after it (`x12`, `ext. 12`) is dropped,
 *    as validatePhone drops it.
 *  - Everything else (a `+44`/`+49` value, `020 7946 0958`, `01 23 45 67 89`, digits spaced in
 *    another way, a `tel:` URI) goes to `validatePhone` unchanged; so does every value outside a
 *    NANP column, where a bare ten-digit run keeps the search for a second region.
 */
import type { ValueFinding } from '../types.js';
import { EXTENSION, phoneInRegion, validatePhone } from './contact.js';
import { element } from './detector.js';

/** `ColumnClass.kind` of a phone column whose values are NANP numbers (classify/columns.ts). */
export const NANP_COLUMN = 'nanp';

/** Share of a phone column's sampled values that must be written in NANP layout. */
export const NANP_COLUMN_MIN_RATE = 0.5;

const NPA = '([2-9]\\d\\d)';
const NXX = '([2-9]\\d\\d)';
/**
 * NANP layouts: `+1` followed by the ten digits in any of the usual groupings; or, optionally after
 * `1` and a separator, `(NPA) NXX-XXXX` or `NPA-NXX-XXXX` / `NPA.NXX.XXXX` (one separator throughout).
 */
const PLUS_ONE = new RegExp(`^\\+1[\\s.-]?(?:\\(${NPA}\\)|${NPA})[\\s.-]?${NXX}[\\s.-]?(\\d{4})$`);
const PARENS = new RegExp(`^(?:1[\\s.-]?)?\\(${NPA}\\)\\s?${NXX}[\\s.-](\\d{4})$`);
const GROUPED = new RegExp(`^(?:1([-.]))?${NPA}([-.])${NXX}\\3(\\d{4})$`);
const BARE = new RegExp(`^1?${NPA}${NXX}(\\d{4})$`);

/** NPA and NXX of the N11 form are service codes (211 … 911), never an area or exchange code. */
const n11 = (code: string) => code.charCodeAt(1) === 49 && code.charCodeAt(2) === 49;

function digitsIf(npa: string | undefined, nxx: string, line: string): string | null {
  if (npa === undefined || n11(npa) || n11(nxx)) return null;
  return npa + nxx + line;
}

/** The ten NANP digits of `v` (trimmed) when it is written in NANP layout, else null. */
export function nanpLayoutDigits(v: string): string | null {
  const c = v.charCodeAt(0);
  if (c === 43) {
    const m = PLUS_ONE.exec(v);
    return m ? digitsIf(m[1] ?? m[2], m[3], m[4]) : null;
  }
  if (c === 40 || v.charCodeAt(1) === 40 || v.charCodeAt(2) === 40) {
    const m = PARENS.exec(v);
    if (m) return digitsIf(m[1], m[2], m[3]);
  }
  const m = GROUPED.exec(v);
  return m ? digitsIf(m[2], m[4], m[5]) : null;
}

/** The ten digits of a bare run `NPANXXXXXX` or `1NPANXXXXXX` with NANP grammar, else null. */
function bareDigits(v: string): string | null {
  const m = BARE.exec(v);
  return m ? digitsIf(m[1], m[2], m[3]) : null;
}

/** Whether a phone column's sampled (trimmed) values make it a NANP column. */
export function isNanpColumn(values: readonly string[]): boolean {
  if (values.length === 0) return false;
  let layout = 0;
  for (const v of values) if (nanpLayoutDigits(v) !== null) layout++;
  return layout >= NANP_COLUMN_MIN_RATE * values.length;
}

/**
 * The US plan's verdict on ten NANP digits: the same finding `validatePhone` gives a NANP-layout
 * value the plan accepts (phone-nanp.test.ts checks it), or null. The digits never start with the
 * IDD prefix 011 or the national prefix 1, so phone-fast.ts almost always answers.
 */
const usPlan = (d: string): ValueFinding | null => phoneInRegion(d, 'US');

/** A value of a NANP column (see the module comment). */
export function validateNanpColumnPhone(value: string): ValueFinding | null {
  const t = value.trim();
  // An extension is no part of the number (validatePhone drops it too).
  const v = t.length > 14 ? t.replace(EXTENSION, '') : t;
  const d = nanpLayoutDigits(v) ?? bareDigits(v);
  if (d === null) return validatePhone(value);
  return usPlan(d) ?? element('phone', `+1${d}`);
}

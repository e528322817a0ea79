/**
 * The common phone inputs without libphonenumber's full parse, with its exact verdict.
 *
 * `parsePhoneNumberFromString(v, R)?.isValid()` costs ≈ 8 µs here: every call builds Metadata
 * objects, spreads option objects and compiles `new RegExp('^(?:' + pattern + ')$')` for every
 * pattern it tests (helpers/matchesEntirely.js). On a customer export whose phone column is mostly
 * distinct numbers with random area codes (issue 21) that was ≈ 60 % of the scan. This module
 * compiles each country's patterns once and follows the library's own steps (libphonenumber-js
 * 1.13: parse.js `parse`/`parsePhoneNumber`, helpers/extractCountryCallingCode.js,
 * stripIddPrefix.js, extractCountryCallingCodeFromInternationalNumberWithoutPlusSign.js,
 * extractNationalNumber.js, getCountryByCallingCode.js, getCountryByNationalNumber.js,
 * getNumberType.js, isValid.js) for the inputs where those steps are plain:
 *  - the input is only ASCII digits, spaces and `( ) . - /` after an optional leading `+`
 *    (phone-regions.ts: then the digits the library works on are exactly the input's digits, there
 *    is no extension, and the input is viable);
 *  - national format: the digits do not start with the region's IDD prefix (left to the
 *    library); digits starting with the region's calling code are read as international when
 *    extractCountryCallingCodeFromInternationalNumberWithoutPlusSign.js would (a random area code
 *    starts with 39, 44 or 49 often enough that leaving these to the library was ≈ 8 % of a
 *    worker on issue 21's customers-us); a national prefix (`0`, `1`) is stripped
 *    as extractNationalNumber.js does, unless its pattern captures (carrier codes, BR's transform
 *    rule: left to the library);
 *  - international format: the calling code has countries (not a non-geographic code); the
 *    number after it goes through the same national-prefix step.
 * Anything else returns `undefined`: "ask libphonenumber". The verdict then is the library's:
 * the exact country of the calling code (leading digits, else the first country whose number
 * types accept the number), and validity against that country's (or the calling code's main
 * country's) types. `phone-fast.test.ts` compares both on random inputs of every shape.
 */
import { type CountryCode, Metadata } from 'libphonenumber-js';

/** The parts of libphonenumber-js's Metadata class used here (its typings declare fewer). */
interface MetadataInternals {
  selectNumberingPlan(countryOrCallingCode: string): void;
  countryCallingCode(): string;
  getCountryCodesForCallingCode(cc: string): string[] | undefined;
  hasCallingCode(cc: string): boolean;
  nationalNumberPattern(): string | undefined;
  IDDPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  possibleLengths(): number[] | undefined;
  type(t: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

/** getNumberType.js: FIXED_LINE, then these; a number "has a type" when any of them accepts it. */
const TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

interface CountryRule {
  id: string;
  /** `nationalNumber.search(leadingDigits) === 0`, as an anchored test. */
  leading: RegExp | null;
  general: RegExp | null;
  /** The numbering plan's possible lengths (checkNumberLength without a type). */
  lengths: number[] | undefined;
  hasTypes: boolean;
  types: { lengths: number[] | undefined; re: RegExp }[];
}

interface CallingPlan {
  cc: string;
  countries: CountryRule[];
  /** The calling code's main country's national prefix for parsing, anchored; null: none. */
  nationalPrefix: RegExp | null;
  /** `countries` in order as exactCountry visits them: see `segments`. */
  segments: Segment[];
}

/**
 * A country exactCountry tests by its number types, or a run of consecutive countries it tests by
 * leading digits, with `any`: one anchored alternation of their patterns, true exactly when one of
 * them matches. The NANP's 22 leading-digit countries were 22 RegExp tests for every number that
 * is not a US or CA number (a random area code, issue 21); one test now says "none of them".
 */
type Segment = { byType: CountryRule } | { any: RegExp; run: CountryRule[] };

function segments(countries: CountryRule[], leading: (string | undefined)[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < countries.length; ) {
    if (!leading[i]) {
      out.push({ byType: countries[i] });
      i++;
      continue;
    }
    let j = i;
    while (j < countries.length && leading[j]) j++;
    out.push({ any: start(leading.slice(i, j).map((p) => `(?:${p})`).join('|')), run: countries.slice(i, j) });
    i = j;
  }
  return out;
}

interface RegionPlan {
  plan: CallingPlan;
  idd: RegExp;
}

/** Only read (hasCallingCode): one instance serves every call. */
const META = new Metadata() as unknown as MetadataInternals;

const whole = (p: string) => new RegExp(`^(?:${p})$`);
const start = (p: string) => new RegExp(`^(?:${p})`);

function leadingDigitsOf(id: string): string | undefined {
  const m = new Metadata() as unknown as MetadataInternals;
  m.selectNumberingPlan(id);
  return m.leadingDigits() || undefined;
}

function countryRule(id: string): CountryRule {
  const m = new Metadata() as unknown as MetadataInternals;
  m.selectNumberingPlan(id);
  const nn = m.nationalNumberPattern();
  const ld = m.leadingDigits();
  const types: CountryRule['types'] = [];
  if (m.hasTypes()) {
    for (const t of TYPES) {
      const def = m.type(t);
      // isNumberTypeEqualTo: an absent type or an empty pattern never matches.
      if (!def?.pattern()) continue;
      types.push({ lengths: def.possibleLengths(), re: whole(def.pattern()) });
    }
  }
  return { id, leading: ld ? start(ld) : null, general: nn ? whole(nn) : null, lengths: m.possibleLengths(), hasTypes: m.hasTypes(), types };
}

/** getNumberType(…) !== undefined. */
function hasType(n: string, c: CountryRule): boolean {
  if (!c.general?.test(n)) return false;
  for (const t of c.types) {
    if (t.lengths && !t.lengths.includes(n.length)) continue;
    if (t.re.test(n)) return true;
  }
  return false;
}

/** isValidNumber with the numbering plan of `c`. */
function valid(n: string, c: CountryRule): boolean {
  if (c.hasTypes) return hasType(n, c);
  return c.general?.test(n) ?? false;
}

const plans = new Map<string, CallingPlan | null>();
function callingPlan(cc: string): CallingPlan | null {
  let p = plans.get(cc);
  if (p !== undefined) return p;
  const m = new Metadata() as unknown as MetadataInternals;
  const ids = m.getCountryCodesForCallingCode(cc);
  p = null;
  if (ids?.length) {
    m.selectNumberingPlan(cc);
    const npfp = m.nationalPrefixForParsing();
    const countries = ids.map(countryRule);
    p = { cc, countries, nationalPrefix: npfp ? start(npfp) : null, segments: segments(countries, ids.map(leadingDigitsOf)) };
  }
  plans.set(cc, p);
  return p;
}

const regions = new Map<string, RegionPlan | null>();
function regionPlan(region: CountryCode): RegionPlan | null {
  let r = regions.get(region);
  if (r !== undefined) return r;
  const m = new Metadata() as unknown as MetadataInternals;
  m.selectNumberingPlan(region);
  const idd = m.IDDPrefix();
  const plan = callingPlan(m.countryCallingCode());
  r = null;
  // Without an IDD prefix stripIddPrefix's pattern matches the empty string: left to the library.
  // A national-prefix transform rule (BR) only rewrites digits that start with the national prefix
  // for parsing, and those are left to the library anyway.
  if (idd && plan && plan.countries[0]?.id === region) {
    r = { plan, idd: start(idd) };
  }
  regions.set(region, r);
  return r;
}

/**
 * Set by exactCountry: the country it returned was found by hasType (not by its leading digits,
 * nor as a calling code's only country). verdict() then knows valid() of it without a second
 * hasType; and when it returns undefined, every country without leading digits failed hasType.
 */
let foundByType = false;

/** getCountryByCallingCode: the only country, or the first the national number belongs to. */
function exactCountry(n: string, plan: CallingPlan): CountryRule | undefined {
  foundByType = false;
  const cs = plan.countries;
  if (cs.length === 1) return cs[0];
  // In the order of `countries`: a leading-digit country matches when its own pattern matches,
  // and a run of them is looked at one by one only when their alternation matched.
  for (const seg of plan.segments) {
    if ('byType' in seg) {
      if (hasType(n, seg.byType)) {
        foundByType = true;
        return seg.byType;
      }
    } else if (n && seg.any.test(n)) {
      for (const c of seg.run) if (c.leading!.test(n)) return c;
    }
  }
  return undefined;
}

/** checkNumberLength(n, …) is TOO_SHORT or INVALID_LENGTH. */
function impossibleLength(n: string, lengths: number[] | undefined): boolean {
  if (!lengths) return false;
  const len = n.length;
  if (lengths[0] === len) return false;
  if (lengths[0] > len) return true;
  if (lengths[lengths.length - 1] < len) return false; // TOO_LONG counts as possible here
  return lengths.indexOf(len, 1) < 0;
}

/**
 * extractNationalNumber (extractNationalNumber.js) with `selected` the numbering plan in use: the
 * national prefix is stripped unless the number only fits without stripping it or the rest has an
 * impossible length. `undefined`: a prefix pattern with capture groups (carrier codes, transform
 * rules), left to the library.
 */
function nationalOf(d: string, plan: CallingPlan, selected: CountryRule): string | undefined {
  const m = plan.nationalPrefix?.exec(d);
  if (!m) return d;
  if (m.length > 1 && m[m.length - 1]) return undefined;
  const nn = d.slice(m[0].length);
  if (nn === d) return d;
  if (!selected.general) return undefined;
  if (selected.general.test(d) && !selected.general.test(nn)) return d;
  if (selected.lengths) {
    const c = exactCountry(nn, plan) ?? selected;
    if (impossibleLength(nn, c.lengths)) return d;
  }
  return nn;
}

export interface FastParsed {
  valid: boolean;
  cc: string;
  national: string;
  country: string | undefined;
}

/** ASCII digits, spaces and ( ) . - / only (after a leading `+`): see the module comment. */
export const FAST_PLAIN = /^[\d ().\-/]+$/;
const MIN_NSN = 2;
const MAX_NSN = 17;

function verdict(n: string, plan: CallingPlan, fallback: CountryRule | undefined): FastParsed | null {
  if (n.length < MIN_NSN || n.length > MAX_NSN) return null;
  const exact = exactCountry(n, plan);
  const country = exact ?? fallback;
  // isValid selects `country || countryCallingCode`: the calling code's plan is its main country's.
  const selected = country ?? plan.countries[0];
  // valid() of a country with types is hasType(), which exactCountry may have just computed: true
  // for the country it found by type; false for each country without leading digits when it
  // found none (it tried them all).
  let ok: boolean;
  if (selected.hasTypes && exact !== undefined && foundByType && selected === exact) ok = true;
  else if (selected.hasTypes && exact === undefined && plan.countries.length > 1 && selected.leading === null) ok = false;
  else ok = valid(n, selected);
  return { valid: ok, cc: plan.cc, national: n, country: country?.id };
}

/**
 * libphonenumber's verdict for an input that is FAST_PLAIN (after an optional leading `+`), given
 * as `digits`: every digit of the input, with the `+` kept in front; in `region` for a national
 * input. `undefined` when the input is not one this module follows; `null`: not a valid number.
 */
export function fastPhone(digits: string, region?: CountryCode): FastParsed | null | undefined {
  if (digits[0] === '+') {
    const d = digits.slice(1);
    if (d.length === 0) return undefined;
    // extractCountryCallingCode: a calling code never starts with 0.
    if (d[0] === '0') return null;
    // The first 1–3 digit prefix that is a calling code.
    for (let i = 1; i <= 3 && i <= d.length; i++) {
      const cc = d.slice(0, i);
      if (!META.hasCallingCode(cc)) continue;
      const plan = callingPlan(cc);
      if (!plan) return undefined;
      const n = d.slice(i);
      if (!n) return null;
      const nn = nationalOf(n, plan, plan.countries[0]);
      return nn === undefined ? undefined : verdict(nn, plan, undefined);
    }
    return null;
  }
  if (!region) return undefined;
  const r = regionPlan(region);
  if (!r) return undefined;
  const d = digits;
  if (d.length < 3) return undefined;
  if (r.idd.test(d)) return undefined;
  const home = r.plan.countries[0];
  const nn = nationalOf(d, r.plan, home);
  if (nn === undefined) return undefined;
  if (d.startsWith(r.plan.cc)) {
    // The region's calling code written without `+` (extractCountryCallingCodeFromInternational
    // NumberWithoutPlusSign.js): read as international when the digits without it fit the
    // region's national-number pattern and the whole digits do not, or the whole are too long.
    const shorter = d.slice(r.plan.cc.length);
    if (!shorter || !home.general) return undefined;
    const nnShort = nationalOf(shorter, r.plan, home);
    if (nnShort === undefined) return undefined;
    if ((!home.general.test(nn) && home.general.test(nnShort)) || tooLong(nn, home.lengths)) {
      // As an international number: national prefix stripped against the calling code's plan,
      // the country only from the number (parse.js, after extractCountryCallingCode).
      const intl = nationalOf(shorter, r.plan, r.plan.countries[0]);
      return intl === undefined ? undefined : verdict(intl, r.plan, undefined);
    }
  }
  return verdict(nn, r.plan, home);
}

/** checkNumberLength(n, …) === 'TOO_LONG' for the possible lengths of a numbering plan. */
function tooLong(n: string, lengths: number[] | undefined): boolean {
  if (!lengths) return false;
  return lengths[0] !== n.length && lengths[0] < n.length && lengths[lengths.length - 1] < n.length;
}

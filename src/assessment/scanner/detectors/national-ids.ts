/**
 * Government identifiers: US SSN and ITIN, and national IDs of nine countries, each checked with
 * its published check-digit rule. Checksums come from `stdnum` (port of python-stdnum, measured at
 * 0.5–1.9 M ops/s here) except the US rules, which are stricter than stdnum's (it accepts areas
 * above 772 but not the advertising/invalid numbers SSA names).
 */
// One stdnum module per kind, not the package index: the index loads every country's validators
// (≈ 0.3 s of each scan thread's start-up, measured); these eleven load in ≈ 0.07 s.
import * as auTfn from 'stdnum/lib/cjs/au/tfn.js';
import * as brCpf from 'stdnum/lib/cjs/br/cpf.js';
import * as caSin from 'stdnum/lib/cjs/ca/sin.js';
import * as esDni from 'stdnum/lib/cjs/es/dni.js';
import * as esNie from 'stdnum/lib/cjs/es/nie.js';
import * as frNir from 'stdnum/lib/cjs/fr/nir.js';
import * as gbNino from 'stdnum/lib/cjs/gb/nino.js';
import * as inAadhaar from 'stdnum/lib/cjs/in/aadhaar.js';
import * as inPan from 'stdnum/lib/cjs/in/pan.js';
import * as itCf from 'stdnum/lib/cjs/it/codicefiscale.js';
import * as nlBsn from 'stdnum/lib/cjs/nl/bsn.js';
import type { ValueFinding } from '../types.js';
import { allSameDigit, type Detector, digitsOf, element, isDigit } from './detector.js';

/**
 * The nine digits of `ddd-dd-dddd`, `ddd dd dddd`, `ddd.dd.dddd` or `ddddddddd`
 * (`^\d{3}([- .]?)\d{2}\1\d{4}$`) as one number (no string built), or -1 for any other shape.
 * Dots are how some forms and exports group it (outside review 4: `536.22.1234` in an `ssn` column
 * was no SSN, and the column was read as phones), and spreadsheets and HTML a no-break space
 * (U+00A0, U+202F).
 */
function ssnNumber(v: string): number {
  const n = v.length;
  if (n === 11) {
    const sep = v.charCodeAt(3);
    if ((sep !== 45 && sep !== 32 && sep !== 46 && sep !== 160 && sep !== 8239) || v.charCodeAt(6) !== sep) return -1;
  } else if (n !== 9) return -1;
  let x = 0;
  for (let i = 0; i < n; i++) {
    if (n === 11 && (i === 3 || i === 6)) continue;
    const c = v.charCodeAt(i);
    if (!isDigit(c)) return -1;
    x = x * 10 + (c - 48);
  }
  return x;
}

/**
 * Numbers SSA or Presidio list as never valid: 078-05-1120 (Woolworth wallet card), 219-09-9999
 * (SSA advertising), 123-45-6789, and the 987-65-4320…4329 advertising range (as numbers: the
 * digits are parsed once instead of compared as strings).
 */
const KNOWN_INVALID_SSN = new Set([78051120, 219099999, 123456789, 111111111, 999999999]);

/**
 * SSA rules on the nine digits as a number: area 000, 666 and 900–999 never issued; group 00 and
 * serial 0000 neither; all-same-digit numbers (exactly the multiples of 111111111) and the list above.
 */
function ssnNumberValid(x: number): boolean {
  if (x % 111111111 === 0) return false;
  const area = Math.floor(x / 1e6);
  if (area === 0 || area === 666 || area >= 900) return false;
  if (Math.floor(x / 1e4) % 100 === 0 || x % 1e4 === 0) return false;
  return !KNOWN_INVALID_SSN.has(x) && Math.floor(x / 10) !== 98765432;
}

/** SSA area/group/serial rules. `digits`: nine ASCII digits (as `digitsOf` gives); anything else is false. */
export function validSsn(digits: string): boolean {
  if (digits.length !== 9) return false;
  const x = ssnNumber(digits);
  return x >= 0 && ssnNumberValid(x);
}

/** The nine digits of a trimmed 9- or 11-character SSN whose shape `ssnNumber` accepted. */
function ssnDigitString(v: string): string {
  if (v.length === 9) return v;
  const c = (i: number) => v.charCodeAt(i);
  return String.fromCharCode(c(0), c(1), c(2), c(4), c(5), c(7), c(8), c(9), c(10));
}

/** `ssnNumber` + the string, for validators that need the digits of any well-shaped value. */
function ssnDigits(value: string): string | null {
  const v = value.trim();
  return ssnNumber(v) >= 0 ? ssnDigitString(v) : null;
}

/** IRS ITIN: 9XX-GG-XXXX with group 50–65, 70–88, 90–92 or 94–99 (IRS, ITIN format 2011+). */
export function validItin(digits: string): boolean {
  if (digits.length !== 9 || digits.charCodeAt(0) !== 57) return false;
  const g = Number(digits.slice(3, 5));
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94;
}

export const usSsn: Detector = {
  id: 'us_ssn',
  kind: 'element',
  description: 'US Social Security number (SSA area/group/serial rules, known invalid numbers rejected)',
  keywords: ['ssn', 'social security', 'soc sec', 'ss#'],
  validate(value) {
    const v = value.trim();
    const x = ssnNumber(v);
    return x >= 0 && ssnNumberValid(x) ? { element: 'us_ssn', value: ssnDigitString(v), country: 'US' } : null;
  },
  sampleable: true,
  // Bare 9-digit numbers are order numbers far more often than SSNs: only the grouped 3-2-4 form
  // counts alone, with dashes or dots (no phone plan groups nine digits 3-2-4).
  sample: (v) => /^\d{3}([-.])\d{2}\1\d{4}$/.test(v.trim()) && validSsn(digitsOf(v)),
  fixtures: {
    ok: ['536-90-4399', '536 90 4399', '536.90.4399', '536\u00a090\u00a04399', '536904399', '853-37-1694'],
    ng: ['000-12-3456', '666-12-3456', '912-34-5678', '536-00-4399', '536-90-0000', '078-05-1120', '219-09-9999', '123-45-6789', '987-65-4321', '53-690-4399', 'abc-de-fghi', '000.12.3456', '666.12.3456', '912.34.5678', '536.00.4399', '536.90.0000', '536.90-4399', '12.05.1987', '1.2.3.4'],
  },
};

export const usItin: Detector = {
  id: 'us_itin',
  kind: 'element',
  description: 'US Individual Taxpayer Identification Number (9XX with IRS group ranges)',
  keywords: ['itin', 'taxpayer identification'],
  validate(value) {
    const d = ssnDigits(value);
    return d && validItin(d) ? element('us_itin', d, { country: 'US' }) : null;
  },
  sampleable: true,
  sample: (v) => /^9\d{2}([-.])\d{2}\1\d{4}$/.test(v.trim()) && validItin(digitsOf(v)),
  fixtures: { ok: ['912-70-1234', '900-50-0001', '999 99 9999', '912941234'], ng: ['912-66-1234', '912-93-1234', '812-70-1234', '912-89-1234'] },
};

/**
 * German Steuer-ID (§ 139b AO; python-stdnum `de.idnr` rules). Own code: stdnum-js 1.12's
 * digit-repetition test is inverted (`more.length !== 1 && …`) and accepts e.g. 1234567890x.
 * Rule: in the first 10 digits exactly one digit occurs twice or three times, all others once;
 * check digit by ISO 7064 MOD 11,10.
 */
export function validDeIdnr(d: string): boolean {
  if (!/^[1-9]\d{10}$/.test(d)) return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[d.charCodeAt(i) - 48]++;
  const repeated = counts.filter((c) => c > 1);
  if (repeated.length !== 1 || repeated[0] > 3) return false;
  let p = 10;
  for (let i = 0; i < 10; i++) {
    let s = (d.charCodeAt(i) - 48 + p) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return (11 - p) % 10 === d.charCodeAt(10) - 48;
}

interface IdKind {
  kind: string;
  country: string;
  /** Cheap shape test before the checksum. */
  shape: RegExp;
  /** Shape strict enough for value-only column sampling (distinctive formats), or null. */
  sampleShape: RegExp | null;
  check(compact: string): boolean;
  compact(value: string): string;
}

const upperAlnum = (v: string) => v.replace(/[\s\-./]/g, '').toUpperCase();
const std = (mod: { validate(v: string): { isValid: boolean } }) => (v: string) => mod.validate(v).isValid;

/** Order matters only for `validate()` without a kind; columns carry their kind. */
export const NATIONAL_ID_KINDS: readonly IdKind[] = [
  // HMRC NIM39110: two prefix letters (not D F I Q U V; second not O; not BG GB KN NK NT TN ZZ), six digits, suffix A–D.
  { kind: 'uk_nino', country: 'GB', shape: /^[A-Z]{2}\d{6}[A-D]$/, sampleShape: /^[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d]$/, check: std(gbNino), compact: upperAlnum },
  // INSEE NIR: 13 digits (department 2A/2B for Corsica) + key 97 − (n mod 97).
  { kind: 'fr_nir', country: 'FR', shape: /^[12]\d{4}(?:\d{2}|2A|2B)\d{6}\d{2}$/, sampleShape: /^[12][\s\d]{4,6}(?:\d\d|2A|2B)[\s\d]{6,10}$/i, check: std(frNir), compact: upperAlnum },
  // Italian codice fiscale: 16 characters, last one a check letter (DM 23/12/1976).
  { kind: 'it_cf', country: 'IT', shape: /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/, sampleShape: /^[A-Za-z]{6}\w{10}$/, check: std(itCf), compact: upperAlnum },
  // Spanish NIE: X/Y/Z + 7 digits + control letter (letter table mod 23).
  { kind: 'es_nie', country: 'ES', shape: /^[XYZ]\d{7}[A-Z]$/, sampleShape: /^[XYZxyz]-?\d{7}-?[A-Za-z]$/, check: std(esNie), compact: upperAlnum },
  // Spanish DNI: 8 digits + control letter (mod 23).
  { kind: 'es_dni', country: 'ES', shape: /^\d{8}[A-Z]$/, sampleShape: /^\d{8}-?[A-Za-z]$/, check: std(esDni), compact: upperAlnum },
  // Brazilian CPF: 9 digits + two mod-11 check digits; the formatted form is distinctive.
  { kind: 'br_cpf', country: 'BR', shape: /^\d{11}$/, sampleShape: /^\d{3}\.\d{3}\.\d{3}-\d{2}$/, check: (c) => !allSameDigit(c) && std(brCpf)(c), compact: separatorsOut },
  // German Steuer-ID (§ 139b AO): 11 digits, ISO 7064 mod 11,10, one digit repeated 2–3 times.
  { kind: 'de_tax_id', country: 'DE', shape: /^[1-9]\d{10}$/, sampleShape: null, check: validDeIdnr, compact: separatorsOut },
  // Indian Aadhaar: 12 digits, first 2–9, Verhoeff check digit (UIDAI).
  { kind: 'in_aadhaar', country: 'IN', shape: /^[2-9]\d{11}$/, sampleShape: /^[2-9]\d{3} \d{4} \d{4}$/, check: std(inAadhaar), compact: separatorsOut },
  // Canadian SIN: 9 digits, Luhn; first digit 8 is for business numbers.
  { kind: 'ca_sin', country: 'CA', shape: /^[0-79]\d{8}$/, sampleShape: /^\d{3}[ -]\d{3}[ -]\d{3}$/, check: std(caSin), compact: separatorsOut },
  // Dutch BSN: 9 digits, "elfproef" (11-test with weight −1 on the last digit).
  { kind: 'nl_bsn', country: 'NL', shape: /^\d{9}$/, sampleShape: null, check: (c) => !allSameDigit(c) && std(nlBsn)(c), compact: separatorsOut },
  // Indian PAN (Income Tax Act s. 139A; CBDT): 5 letters (the 4th the holder type, P for a person),
  // 4 digits, a letter. Its check letter's algorithm is unpublished: structure only, as stdnum does.
  { kind: 'in_pan', country: 'IN', shape: /^[A-Z]{3}[ABCFGHJKLPT][A-Z]\d{4}[A-Z]$/, sampleShape: /^[A-Za-z]{3}[ABCFGHJKLPTabcfghjklpt][A-Za-z]\d{4}[A-Za-z]$/, check: (c) => !/^[A-Z]{5}0000[A-Z]$/.test(c) && std(inPan)(c), compact: upperAlnum },
  // Australian TFN (ATO): 8 or 9 digits, weighted sum (1 4 3 7 5 8 6 9 10) divisible by 11. No
  // distinctive shape: by column or context word only.
  { kind: 'au_tfn', country: 'AU', shape: /^\d{8,9}$/, sampleShape: null, check: (c) => !allSameDigit(c) && std(auTfn)(c), compact: separatorsOut },
];

/**
 * A digits-only ID as written, less its separators (space, `.`, `-`, `/`). Not digitsOf: that
 * drops letters too, so a random token after a context word (`SkEB6jJv4i77K1tO/817rk0`, a key in
 * a log) compacted to `647718170` and passed the SIN's Luhn check one time in ten — 12 "national
 * IDs" in 20 MB of base64. A value with a letter is no digits-only ID.
 */
function separatorsOut(v: string): string {
  return /^\d+$/.test(v) ? v : v.replace(/[\s.\-/]/g, '');
}

/**
 * Free-text context words (lower case, as the prefilter matches them) → the one ID kind each
 * names. In text a number is checked only against that kind: a Dutch "BSN" is never reported by
 * the Canadian SIN's Luhn check (issue 14 §4). Words naming no country ("national id") allow all.
 */
export const ID_CONTEXT_KINDS: ReadonlyMap<string, string> = new Map([
  ...['nino', 'national insurance', 'insurance number'].map((w) => [w, 'uk_nino'] as const),
  ...['sin ', 'sin:', 'sin#', 'social insurance'].map((w) => [w, 'ca_sin'] as const),
  ...['nir ', 'nir:', 'securite sociale', 'sécurité sociale'].map((w) => [w, 'fr_nir'] as const),
  ...['steuer', 'idnr'].map((w) => [w, 'de_tax_id'] as const),
  ...['dni ', 'dni:'].map((w) => [w, 'es_dni'] as const),
  ...['nie ', 'nie:'].map((w) => [w, 'es_nie'] as const),
  ['codice fiscale', 'it_cf'],
  ...['bsn ', 'bsn:', 'burgerservice'].map((w) => [w, 'nl_bsn'] as const),
  ...['cpf ', 'cpf:'].map((w) => [w, 'br_cpf'] as const),
  ['aadhaar', 'in_aadhaar'],
  ...['pan:', 'pan no', 'pan number', 'pan card', 'permanent account number'].map((w) => [w, 'in_pan'] as const),
  ...['tfn', 'tax file number'].map((w) => [w, 'au_tfn'] as const),
]);

const KIND_BY_ID = new Map(NATIONAL_ID_KINDS.map((k) => [k.kind, k]));

/** Validate `value` as one national-ID kind (column mode, where the column's kind is known). */
export function validateNationalId(value: string, kind?: string): ValueFinding | null {
  const v = value.trim();
  if (v.length < 8 || v.length > 24) return null;
  const kinds = kind ? [KIND_BY_ID.get(kind)].filter((k): k is IdKind => !!k) : NATIONAL_ID_KINDS;
  if (!/^[\w\s\-./]+$/.test(v)) return null;
  for (const k of kinds) {
    const c = k.compact(v);
    if (!k.shape.test(c)) continue;
    try {
      if (k.check(c)) return element('national_id', c, { kind: k.kind, country: k.country });
    } catch {
      // stdnum throws on a few malformed inputs; a throw is simply "not valid".
    }
  }
  return null;
}

/** The kind whose distinctive shape and checksum the value passes (value-only sampling). */
export function sampleNationalIdKind(value: string): string | null {
  const v = value.trim();
  for (const k of NATIONAL_ID_KINDS) {
    if (k.sampleShape?.test(v) && validateNationalId(v, k.kind)) return k.kind;
  }
  return null;
}

export const nationalId: Detector = {
  id: 'national_id',
  kind: 'element',
  description: 'National ID with checksum: UK NINO, CA SIN, FR NIR, DE Steuer-ID, ES DNI/NIE, IT codice fiscale, NL BSN, BR CPF, IN Aadhaar, AU TFN; IN PAN by structure',
  keywords: ['nino', 'national insurance', 'sin', 'social insurance', 'nir', 'securite sociale', 'steuer', 'idnr', 'dni', 'nie', 'codice fiscale', 'bsn', 'burgerservicenummer', 'cpf', 'aadhaar', 'national id', 'pan', 'tfn', 'tax file number'],
  validate: (value) => validateNationalId(value),
  sampleable: true,
  sample: (v) => sampleNationalIdKind(v) !== null,
  fixtures: {
    ok: ['AB123456C', 'AB 12 34 56 C', '046 454 286', '2 95 10 99 126 111 93', '36574261809', '54362315K', 'X2482300W', 'RCCMNL83S18D969H', '111222333', '390.533.447-05', '234123412346', 'ABCPD1234E'],
    ng: ['BG123456C', 'DA123456C', 'AB123456E', '046 454 288', '2 95 10 99 126 111 94', '36574261808', '54362315A', 'X2482300A', 'RCCMNL83S18D969A', '111222334', '390.533.447-06', '111.111.111-11', '234123412345', 'ABCXD1234E', 'ABCPD12345'],
  },
};

/**
 * Elements with no checksum, found by column meaning (header) or a context word in free text:
 * names, addresses, credentials, special categories (GDPR Art. 9: health, genetic, biometric,
 * religion, ethnicity, politics, sexual orientation, trade union), and loosely shaped identifiers
 * (passport, driving licence, tax ID, licence plate, date of birth). Their `validate` only rejects
 * cells that cannot be a value (placeholders, wrong shape); it never classifies a column alone.
 */
import type { ElementId } from '../types.js';
import { type Detector, element, isDigit, isPlaceholder } from './detector.js';

/** `\s` of a non-`u` regex / what `trim()` strips, beyond ASCII: Unicode Zs, LS, PS and BOM. */
const isWideSpace = (c: number) =>
  c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * `value.trim().replace(/\s+/g, ' ')`, returning `value` itself when it already is collapsed
 * (single ASCII spaces between words, none at the ends: nearly every cell), so no copy is made.
 */
function collapsed(value: string): string {
  const n = value.length;
  let prevSpace = true; // a space at index 0 needs the slow path too
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return value.trim().replace(/\s+/g, ' ');
      prevSpace = true;
    } else if ((c >= 9 && c <= 13) || (c >= 0xa0 && isWideSpace(c))) {
      return value.trim().replace(/\s+/g, ' ');
    } else prevSpace = false;
  }
  return prevSpace && n > 0 ? value.trim().replace(/\s+/g, ' ') : value;
}

/** `/\p{L}|\d/u.test(v)`: an ASCII letter or digit settles it; only other text needs the regex. */
function hasLetterOrDigit(v: string): boolean {
  let wide = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122)) return true;
    if (c >= 0x80) wide = true;
  }
  return wide && /\p{L}|\d/u.test(v);
}

function textual(id: ElementId, description: string, ok: string[], keywords?: string[], maxLen = 2000, noOne?: ReadonlySet<string>): Detector {
  return {
    id,
    kind: 'element',
    description,
    keywords,
    validate(value) {
      const v = collapsed(value);
      if (isPlaceholder(v) || v.length > maxLen || !hasLetterOrDigit(v)) return null;
      if (noOne !== undefined && v.length <= 24 && noOne.has(v.toLowerCase())) return null;
      return { element: id, value: v };
    },
    fixtures: { ok, ng: ['', 'N/A', 'null', '-', '   ', ...(noOne ? ['Guest', 'Anonymous', 'Test User'] : [])] },
  };
}

/**
 * What a name column holds for no one: a checkout's guest, an anonymised or test row, a mailing to
 * "Current Resident". Each counted as an individual of its own (a record with a name and nothing
 * else is a person).
 */
export const isNoOneName = (v: string): boolean => v.length <= 24 && NO_ONE_NAMES.has(v.trim().toLowerCase());
const NO_ONE_NAMES: ReadonlySet<string> = new Set([
  'guest', 'guest user', 'anonymous', 'anon', 'anonymous user', 'customer', 'valued customer', 'user', 'test', 'test user', 'testuser', 'test test',
  'admin', 'administrator', 'unknown user', 'no name', 'noname', 'not provided', 'not given', 'occupant', 'current resident', 'resident', 'deleted user', 'deleted',
]);

function shaped(id: ElementId, description: string, re: RegExp, minDigits: number, ok: string[], ng: string[], keywords?: string[]): Detector {
  return {
    id,
    kind: 'element',
    description,
    keywords,
    validate(value) {
      const v = value.trim();
      if (isPlaceholder(v) || !re.test(v)) return null;
      const digits = v.replace(/\D/g, '');
      if (digits.length < minDigits || /^0+$/.test(digits)) return null;
      return element(id, v.replace(/[\s-]/g, '').toUpperCase());
    },
    fixtures: { ok, ng: ['', 'N/A', ...ng] },
  };
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  janv: 1, fev: 2, fevr: 2, mars: 3, avr: 4, mai: 5, juin: 6, juil: 7, aout: 8, sept: 9, okt: 10, dez: 12, ene: 1, abr: 4, ago: 8, dic: 12, gen: 1, mag: 5, giu: 6, lug: 7, set: 9, ott: 10, mrt: 3, mei: 5, out: 10,
};

const month = (w: string): number | undefined => MONTHS[w] ?? MONTHS[w.slice(0, 4)] ?? MONTHS[w.slice(0, 3)];
/** `w` (lower case) is exactly a month's abbreviation in one of MONTHS' languages (`jan`, `mai`), not a word starting with one. */
export const isMonthAbbreviation = (w: string): boolean => Object.hasOwn(MONTHS, w);

/** Days in month `m` (1–12) of Gregorian year `y` (what `Date.UTC` rolls over at). */
function monthDays(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * Days from 1970-01-01 to the Gregorian date y-m-d (H. Hinnant's `days_from_civil`): integer
 * arithmetic that equals `Date.UTC(y, m - 1, d) / 864e5` for real dates, without the builtin call.
 */
function civilDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** Whether y-m-d is a real calendar day from 1900 up to `nowMs` (midnight UTC of that day ≤ now). */
function realPastDay(y: number, m: number, d: number, nowMs: number): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > monthDays(y, m)) return false;
  // Written as !(a > b), as before: an invalid `now` (NaN) rejects nothing.
  return !(civilDays(y, m, d) * 864e5 > nowMs);
}

/** `y-m-d` as ISO when it is a real calendar day from 1900 up to `nowMs`. */
function ymd(y: number, m: number, d: number, nowMs: number): string | null {
  return realPastDay(y, m, d, nowMs) ? `${y}-${pad2(m)}-${pad2(d)}` : null;
}

/** Code of character i as a digit 0–9, or -1. */
function digitAt(v: string, i: number): number {
  const c = v.charCodeAt(i);
  return isDigit(c) ? c - 48 : -1;
}

/** `-`, `/` or `.`: the separators of the numeric forms. */
const isDateSep = (c: number) => c === 45 || c === 47 || c === 46;

/**
 * The two shapes nearly every birth-date column has, parsed without regex or allocation:
 * `yyyy-mm-dd` (also `/` or `.`, which the general ISO pattern accepts) and `yyyymmdd`.
 * `undefined` = another shape, left to the general parser.
 */
function parseFixedDate(v: string, nowMs: number): string | null | undefined {
  const n = v.length;
  if (n !== 10 && n !== 8) return undefined;
  const y0 = digitAt(v, 0);
  const y1 = digitAt(v, 1);
  const y2 = digitAt(v, 2);
  const y3 = digitAt(v, 3);
  if ((y0 | y1 | y2 | y3) < 0) return undefined;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const at = n === 10 ? 5 : 4;
  if (n === 10 && !(isDateSep(v.charCodeAt(4)) && isDateSep(v.charCodeAt(7)))) return undefined;
  const m0 = digitAt(v, at);
  const m1 = digitAt(v, at + 1);
  const d0 = digitAt(v, at + 3 - (n === 10 ? 0 : 1));
  const d1 = digitAt(v, at + 4 - (n === 10 ? 0 : 1));
  if ((m0 | m1 | d0 | d1) < 0) return undefined;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (!realPastDay(y, m, d, nowMs)) return null;
  // `yyyy-mm-dd` comes back unchanged: return the cell itself rather than an equal new string.
  return n === 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45 ? v : `${y}-${pad2(m)}-${pad2(d)}`;
}

/**
 * The century of a two-digit birth year (`05/12/87`): the one that puts it in the last 100 years —
 * 20yy up to this year, else 19yy (in 2026: `26` → 2026, `27` → 1927). A birth date is never in the
 * future, so the window ends today; POSIX `strptime %y`'s fixed pivot (69–99 → 19yy) would make
 * `45` 2045, and Excel's (30–99 → 19yy) `25` 2025 for ever.
 */
export function pivotYear(yy: number, nowMs: number): number {
  const thisYear = new Date(Number.isNaN(nowMs) ? Date.now() : nowMs).getUTCFullYear();
  return 2000 + yy <= thisYear ? 2000 + yy : 1900 + yy;
}

/** The order of a column's `a/b/yyyy` dates: day first (`25/12/1975`, Europe) or month first (`12/25/1975`, US). */
export type SlashDateOrder = 'dmy' | 'mdy';
const SLASH_DATE = /^\s*(\d{1,2})\/(\d{1,2})\/(?:\d{4}|\d{2})\s*$/;

/**
 * The order a column writes its `a/b/yyyy` dates in, when its values show it: some with a first
 * part over 12 and none with a second part over 12 is day first, and the reverse month first;
 * neither, or both (a mixed column), null. Then `03/05/1980` in that column is a date, not a value
 * kept as written that matches only the same spelling (review people22: a US export's
 * `03/05/1980` never linked to the `1980-03-05` of the same person elsewhere). The first 200 rows
 * of a column of real birth dates hold a day over 12 with certainty (each does with p ≈ 0.6).
 */
export function slashDateOrder(values: readonly string[]): SlashDateOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const v of values) {
    const m = SLASH_DATE.exec(v);
    if (m === null) continue;
    if (+m[1] > 12) dayFirst = true;
    else if (+m[2] > 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? null : dayFirst ? 'dmy' : 'mdy';
}

/**
 * Parse a date of birth: ISO `yyyy-mm-dd` (a midnight time part is tolerated, any other time means
 * a timestamp, not a birth date), `dd.mm.yyyy` / `dd-mm-yyyy` (day first), `dd/mm/yyyy` or `mm/dd/yyyy` (ambiguous
 * ones kept as written unless `order` says), each also with a two-digit year (`05/12/87`, `pivotYear`),
 * `yyyymmdd`, `5 March 1980` / `05-MAR-1980` / `March 5, 1980`. Years 1900..today.
 */
export function parseBirthDate(value: string, now?: Date, order?: SlashDateOrder): string | null {
  const v = value.trim();
  const nowMs = now ? now.getTime() : Date.now();
  const fixed = parseFixedDate(v, nowMs);
  if (fixed !== undefined) return fixed;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) {
    if (m[4] !== undefined && (m[4] !== '00' || m[5] !== '00' || (m[6] ?? '00') !== '00')) return null;
    return ymd(+m[1], +m[2], +m[3], nowMs);
  }
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(v);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    const y = m[4].length === 2 ? pivotYear(+m[4], nowMs) : +m[4];
    // dd.mm.yyyy and dd-mm-yyyy are day-first wherever they are written (DE, NL, FR, IT, ES…).
    if (m[2] !== '/' || a > 12) return ymd(y, b, a, nowMs);
    if (b > 12) return ymd(y, a, b, nowMs);
    // Both ≤ 12: the column's order when its other values showed it (slashDateOrder), else
    // unknown: valid either way, keep the value as written.
    if (order === 'dmy') return ymd(y, b, a, nowMs);
    if (order === 'mdy') return ymd(y, a, b, nowMs);
    if (!ymd(y, b, a, nowMs) && !ymd(y, a, b, nowMs)) return null;
    // As written, with a two-digit year made four (`05/12/87` → `05/12/1987`: the same spelling).
    return m[4].length === 2 ? `${m[1]}/${m[3]}/${y}` : v;
  }
  // `yyyymmdd` (every 8-digit value) was settled by parseFixedDate above.
  const norm = v.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/,/g, ' ');
  // `5 March 1980`, `5. März 1980`, and Oracle's default DATE format DD-MON-YYYY (`05-MAR-1980`,
  // NLS_DATE_FORMAT; review people22: a birth date so written linked no one by name + birth date).
  m = /^(\d{1,2})(?:\.?\s+|-)([a-z]{3,9})\.?(?:\s+|-)(\d{4})$/.exec(norm) ?? null;
  if (m) {
    const mo = month(m[2]);
    return mo ? ymd(+m[3], mo, +m[1], nowMs) : null;
  }
  m = /^([a-z]{3,9})\.?\s+(\d{1,2})\s+(\d{4})$/.exec(norm.replace(/\s+/g, ' '));
  if (m) {
    const mo = month(m[1]);
    return mo ? ymd(+m[3], mo, +m[2], nowMs) : null;
  }
  return null;
}

export const CONTEXT_DETECTORS: readonly Detector[] = [
  textual('person_name', 'Person name (by column meaning; in text after cues like "name is", "Mr", "Dr"); not Guest, Anonymous, Test User…', ['Jane Doe', 'Krisztián Szöllösy'], ['name', 'mr', 'mrs', 'ms', 'dr'], 200, NO_ONE_NAMES),
  textual('postal_address', 'Postal address (by column meaning; in text: number + street-type word)', ['14 Crown Street', 'Rua do Arenque 1634'], ['street', 'avenue', 'road', 'strasse', 'rue', 'calle', 'via', 'straat', 'rua']),
  textual('username', 'User name / login (by column meaning)', ['jdoe', 'jane.doe'], ['username', 'login'], 200),
  textual('password', 'Plain-text password (by column meaning or keyword assignment)', ['hunter2', 'P@ssw0rd!'], ['password', 'passwd', 'pwd'], 500),
  textual('security_question', 'Security question or answer (by column meaning)', ["Mother's maiden name?", 'Smith'], ['security question', 'secret question']),
  textual('health', 'Health data: diagnosis, medication, condition (GDPR Art. 9; by column meaning)', ['Type 2 diabetes', 'J45.909'], ['diagnosis', 'medication']),
  textual('health_insurance', 'Health insurance ID or provider (by column meaning)', ['AOK 123456789', 'W123456789'], ['insurance', 'medicare', 'medicaid']),
  textual('biometric', 'Biometric data: fingerprint, face template (GDPR Art. 9; by column meaning)', ['minutiae:3f2a…'], ['fingerprint', 'biometric']),
  textual('genetic', 'Genetic data: genotype, DNA sequence (GDPR Art. 9; by column meaning)', ['rs1801133 CT'], ['genotype', 'dna']),
  textual('special_category', 'Religion, ethnicity, politics, sexual orientation, trade union (GDPR Art. 9; by column meaning)', ['Catholic', 'member of IG Metall'], ['religion', 'ethnicity']),
  {
    id: 'date_of_birth',
    kind: 'element',
    description: 'Date of birth (date parse, years 1900..today; by column meaning or "DOB"/"born" context only)',
    keywords: ['dob', 'date of birth', 'birth', 'born', 'geburtsdatum', 'naissance', 'nacimiento', 'nascita', 'geboortedatum', 'nascimento'],
    validate(value) {
      const d = parseBirthDate(value);
      return d ? { element: 'date_of_birth', value: d } : null;
    },
    fixtures: { ok: ['1980-03-05', '05.03.1980', '25/12/1975', 'March 5, 1980', '5 mars 1980', '05-MAR-1980', '1980-03-05T00:00:00Z'], ng: ['2023-01-05T10:22:11Z', '1899-01-01', '2999-01-01', '1980-02-30', 'yesterday'] },
  },
  shaped('passport_number', 'Passport number (6–10 letters/digits; by column or context only)', /^[A-Za-z0-9]{6,10}$/, 1, ['C01X00T47', '123456789'], ['AB', 'hello world'], ['passport', 'reisepass', 'passeport', 'pasaporte', 'passaporto', 'paspoort', 'passaporte']),
  shaped('drivers_license', "Driver's licence number (by column or context only)", /^[A-Za-z0-9][A-Za-z0-9 -]{3,19}$/, 2, ['D1234567', 'MORGA753116SM9IJ'], ['ab', 'none here'], ['driver', 'licence', 'license', 'fuhrerschein', 'permis']),
  shaped('tax_id', 'Tax identification number other than national IDs (by column or context only)', /^[A-Za-z0-9][A-Za-z0-9 ./-]{4,19}$/, 5, ['12-3456789', 'DE123456789'], ['abc', '12'], ['tax id', 'tin', 'ein', 'vat', 'steuernummer']),
  shaped('license_plate', 'Vehicle licence plate (by column only)', /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/, 1, ['B-AB 123', 'AB12CDE'], ['$$$', 'a very long string'], ['plate', 'kennzeichen', 'immatriculation', 'matricula', 'targa', 'kenteken']),
];

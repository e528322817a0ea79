/**
 * Elements with no checksum, found by column meaning (header) or a context word in free text:
 * names, addresses, credentials, special categories (GDPR Art. 9: health, genetic, biometric,
 * religion, ethnicity, politics, sexual orientation, trade union), and loosely shaped identifiers
 * (passport, driving licence, tax ID, licence plate, date of birth). Their `validate` only rejects
 * cells that cannot be a value (placeholders, wrong shape); it never classifies a column alone.
 */
import type { ElementId } from '../types.js';
import { type Detector, element, isPlaceholder } from './detector.js';

function textual(id: ElementId, description: string, ok: string[], keywords?: string[], maxLen = 2000): Detector {
  return {
    id,
    kind: 'element',
    description,
    keywords,
    validate(value) {
      const v = value.trim().replace(/\s+/g, ' ');
      if (isPlaceholder(v) || v.length > maxLen || !/\p{L}|\d/u.test(v)) return null;
      return element(id, v);
    },
    fixtures: { ok, ng: ['', 'N/A', 'null', '-', '   '] },
  };
}

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

function ymd(y: number, m: number, d: number, now: Date): string | null {
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getTime() > now.getTime()) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Parse a date of birth: ISO `yyyy-mm-dd` (a midnight time part is tolerated, any other time means
 * a timestamp, not a birth date), `dd.mm.yyyy` / `dd-mm-yyyy` (day first), `dd/mm/yyyy` or `mm/dd/yyyy` (ambiguous
 * ones kept as written), `yyyymmdd`, and `5 March 1980` / `March 5, 1980`. Years 1900..today.
 */
export function parseBirthDate(value: string, now = new Date()): string | null {
  const v = value.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) {
    if (m[4] !== undefined && (m[4] !== '00' || m[5] !== '00' || (m[6] ?? '00') !== '00')) return null;
    return ymd(+m[1], +m[2], +m[3], now);
  }
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(v);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    const y = +m[4];
    // dd.mm.yyyy and dd-mm-yyyy are day-first wherever they are written (DE, NL, FR, IT, ES…).
    if (m[2] !== '/' || a > 12) return ymd(y, b, a, now);
    if (b > 12) return ymd(y, a, b, now);
    // Both ≤ 12: day/month order unknown; valid either way, keep the value as written.
    return ymd(y, b, a, now) || ymd(y, a, b, now) ? v : null;
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return ymd(+m[1], +m[2], +m[3], now);
  const norm = v.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/,/g, ' ');
  m = /^(\d{1,2})\.?\s+([a-z]{3,9})\.?\s+(\d{4})$/.exec(norm) ?? null;
  if (m) {
    const mo = month(m[2]);
    return mo ? ymd(+m[3], mo, +m[1], now) : null;
  }
  m = /^([a-z]{3,9})\.?\s+(\d{1,2})\s+(\d{4})$/.exec(norm.replace(/\s+/g, ' '));
  if (m) {
    const mo = month(m[1]);
    return mo ? ymd(+m[3], mo, +m[2], now) : null;
  }
  return null;
}

export const CONTEXT_DETECTORS: readonly Detector[] = [
  textual('person_name', 'Person name (by column meaning; in text after cues like "name is", "Mr", "Dr")', ['Jane Doe', 'Krisztián Szöllösy'], ['name', 'mr', 'mrs', 'ms', 'dr'], 200),
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
      return d ? element('date_of_birth', d) : null;
    },
    fixtures: { ok: ['1980-03-05', '05.03.1980', '25/12/1975', 'March 5, 1980', '5 mars 1980', '1980-03-05T00:00:00Z'], ng: ['2023-01-05T10:22:11Z', '1899-01-01', '2999-01-01', '1980-02-30', 'yesterday'] },
  },
  shaped('passport_number', 'Passport number (6–10 letters/digits; by column or context only)', /^[A-Za-z0-9]{6,10}$/, 1, ['C01X00T47', '123456789'], ['AB', 'hello world'], ['passport', 'reisepass', 'passeport', 'pasaporte', 'passaporto', 'paspoort', 'passaporte']),
  shaped('drivers_license', "Driver's licence number (by column or context only)", /^[A-Za-z0-9][A-Za-z0-9 -]{3,19}$/, 2, ['D1234567', 'MORGA753116SM9IJ'], ['ab', 'none here'], ['driver', 'licence', 'license', 'fuhrerschein', 'permis']),
  shaped('tax_id', 'Tax identification number other than national IDs (by column or context only)', /^[A-Za-z0-9][A-Za-z0-9 ./-]{4,19}$/, 5, ['12-3456789', 'DE123456789'], ['abc', '12'], ['tax id', 'tin', 'ein', 'vat', 'steuernummer']),
  shaped('license_plate', 'Vehicle licence plate (by column only)', /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/, 1, ['B-AB 123', 'AB12CDE'], ['$$$', 'a very long string'], ['plate', 'kennzeichen', 'immatriculation', 'matricula', 'targa', 'kenteken']),
];

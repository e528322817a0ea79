/**
 * Column classification (scanning.md §7.1; Presidio-structured, Macie and DLP column profiles):
 * the header's meaning (multilingual dictionary) combined with validated value sampling.
 *  - A header that names a validated element counts only if ≥ 50 % of the sampled values validate
 *    (a `birth_date` column of timestamps is not a date of birth).
 *  - Values alone classify a column when ≥ 80 % pass a detector's strict `sample` test (`col7` full
 *    of IBANs) — weak shapes (bare 9-digit numbers, bare hex) never do.
 *  - Decoy headers (order/tracking/invoice numbers, SKUs, ids, timestamps) block every numeric-only
 *    value match, so Luhn-valid tracking numbers and SSN-shaped order numbers are not flagged.
 */
import { DETECTORS, detectorFor, isPlaceholder } from '../detectors/index.js';
import { validatePasswordHash } from '../detectors/hashes.js';
import { NATIONAL_ID_KINDS, sampleNationalIdKind, validateNationalId } from '../detectors/national-ids.js';
import { isNoOneName, slashDateOrder } from '../detectors/context-only.js';
import { nameWords } from '../detectors/text-names.js';
import { isNanpColumn, NANP_COLUMN } from '../detectors/phone-nanp.js';
import type { ColumnClass, ElementId, SecretType, ValueFinding } from '../types.js';
import { birthDateColumnRate, streetColumnRate } from './column-shapes.js';
import { isCountry, isUsState } from './geo.js';
import { jsonSample } from './json-cells.js';
import { type HeaderMatch, headerTokens, matchHeader } from './headers.js';
import { applyPostcodePrior } from './postcode-prior.js';

/** Values looked at per column (the engine passes its sample; more would only cost time). */
export const MAX_SAMPLE_VALUES = 500;
export const HEADER_MIN_RATE = 0.5;
export const VALUE_MIN_RATE = 0.8;
/**
 * Values alone, for national IDs in their distinctive written shape with a checksum: a random
 * number passes a check digit 1 time in 10–97, so a column where half the sample passes is an ID
 * column with some invalid (mistyped, test or made-up) numbers, not chance (issue 14 §4).
 */
export const ID_VALUE_MIN_RATE = 0.5;
const ID_MIN_SAMPLE = 10;
/** The share of values that failed, when some did (ColumnClass.invalidShare). */
const invalid = (r: number) => (r < 1 ? { invalidShare: round(1 - r) } : {});

const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
const numericish = (v: string) => /^[\d\s\-./()+]+$/.test(v);
/** Excel turns long numbers into `5.54563E+15`: the header still says what they were (scanning.md §7.1.4). */
const EXCEL_MANGLED = /^\d(?:[.,]\d+)?E\+\d{1,2}$/i;
const MANGLE_ELIGIBLE = new Set<ElementId>(['payment_card', 'phone', 'us_ssn', 'national_id', 'bank_account', 'us_routing_number']);

/** Cells longer than this are no identifier: they only count towards the free-text decision. */
export const MAX_VALUE_LENGTH = 1024;

function columnValues(sample: (string | null)[][], j: number): { values: string[]; long: number } {
  const values: string[] = [];
  let long = 0;
  for (const row of sample) {
    const v = row[j];
    if (v == null || isPlaceholder(v)) continue;
    if (v.length > MAX_VALUE_LENGTH) long++;
    else values.push(v.trim());
    if (values.length + long >= MAX_SAMPLE_VALUES) break;
  }
  return { values, long };
}

/** A column's sampled cells as they are (long ones too: a JSON payload often passes 1 KB). */
function rawValues(sample: (string | null)[][], j: number): string[] {
  const out: string[] = [];
  for (const row of sample) {
    const v = row[j];
    if (v != null && v !== '' && out.length < MAX_SAMPLE_VALUES) out.push(v);
  }
  return out;
}

function rate(values: string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0;
  let hits = 0;
  for (const v of values) if (test(v)) hits++;
  return hits / values.length;
}

function bestNationalIdKind(values: string[], kinds: readonly string[]): { kind: string; rate: number } {
  let best = { kind: '', rate: 0 };
  for (const kind of kinds) {
    const r = rate(values, (v) => validateNationalId(v, kind) !== null);
    if (r > best.rate) best = { kind, rate: r };
  }
  return best;
}

function byHeader(column: string, h: HeaderMatch, all: string[]): ColumnClass | null {
  const el = h.element!;
  // A names column with many `Guest` rows (guest checkouts) is still a names column.
  const values = el === 'person_name' ? all.filter((v) => !isNoOneName(v)) : all;
  if (values.length === 0) return { column, element: el, ...(h.kind ? { kind: h.kind } : {}), confidence: round(0.4 * h.strength) };
  let kind = h.kind;
  let r: number;
  if (el === 'national_id') {
    const b = bestNationalIdKind(values, kind ? [kind] : NATIONAL_ID_KINDS.map((k) => k.kind));
    r = b.rate;
    kind = b.kind || kind;
  } else {
    const d = detectorFor(el);
    r = rate(values, (v) => d.validate(v) !== null);
    // A birth-date column's day/month order, when its sample shows it (record.ts reads it).
    if (el === 'date_of_birth') kind = slashDateOrder(values) ?? kind;
  }
  if (r >= HEADER_MIN_RATE) return { column, element: el, ...(kind ? { kind } : {}), confidence: round(0.5 * h.strength + 0.5 * r), ...invalid(r) };
  if (MANGLE_ELIGIBLE.has(el) && rate(values, (v) => EXCEL_MANGLED.test(v)) >= HEADER_MIN_RATE) {
    return { column, element: el, kind: 'unverifiable', confidence: 0.5 };
  }
  return null;
}

function bySecretHeader(column: string, secret: SecretType, values: string[]): ColumnClass | null {
  if (values.length === 0) return { column, element: null, secret, confidence: 0.4 };
  // A vendor token in an `api_key` column is that vendor's token.
  for (const d of DETECTORS) {
    if (d.kind !== 'secret' || d.id === 'generic_secret') continue;
    const r = rate(values, (v) => d.validate(v) !== null);
    if (r >= HEADER_MIN_RATE) return { column, element: null, secret: d.id as SecretType, confidence: round(0.5 + 0.5 * r) };
  }
  const r = rate(values, (v) => detectorFor(secret).validate(v) !== null);
  return r >= HEADER_MIN_RATE ? { column, element: null, secret, confidence: round(0.4 + 0.5 * r) } : null;
}

/** Phone last: many numeric formats are valid phones somewhere, so on a tie the specific detector wins. */
const SAMPLING_ORDER = [...DETECTORS.filter((d) => d.sampleable && d.id !== 'phone'), ...DETECTORS.filter((d) => d.id === 'phone')];

function byValues(column: string, values: string[], decoy: boolean): ColumnClass | null {
  if (values.length === 0) return null;
  const usable = decoy ? values.filter((v) => !numericish(v)) : values;
  if (usable.length === 0) return null;
  let best: { d: (typeof DETECTORS)[number]; rate: number } | null = null;
  let id: { d: (typeof DETECTORS)[number]; rate: number } | null = null;
  for (const d of SAMPLING_ORDER) {
    if (!d.sampleable) continue;
    const test = d.sample ?? ((v: string) => d.validate(v) !== null);
    // Rate over all values: a decoy column's numeric values count as misses.
    const r = rate(usable, test) * (usable.length / values.length);
    const min = d.id === 'national_id' && usable.length >= ID_MIN_SAMPLE ? ID_VALUE_MIN_RATE : VALUE_MIN_RATE;
    if (r >= min && d.id === 'national_id') id = { d, rate: r };
    if (r >= min && (!best || r > best.rate)) best = { d, rate: r };
  }
  // A national ID in its written shape with a passing checksum beats "a phone somewhere".
  if (id && best?.d.id === 'phone') best = id;
  if (!best) return null;
  const confidence = round((0.4 + 0.5 * best.rate) * Math.min(1, 0.6 + values.length / 25));
  if (best.d.kind === 'secret') return { column, element: null, secret: best.d.id as SecretType, confidence };
  if (best.d.id === 'national_id') {
    const counts = new Map<string, number>();
    for (const v of usable) {
      const k = sampleNationalIdKind(v);
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const kind = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    return { column, element: 'national_id', ...(kind ? { kind } : {}), confidence, ...invalid(best.rate) };
  }
  return { column, element: best.d.id as ElementId, confidence };
}

/** Fewest values that can make a column of names by values alone. */
const NAME_MIN_SAMPLE = 5;

/**
 * The share of values that are, whole, one person's name of two words or more as free text
 * reads names (given-name and surname lists, places and common words vetoed: text-names.ts).
 * Only for a column whose header says nothing (`column_3` of a file without a header, an INSERT
 * without a column list, `col7`): its names were otherwise never found, and no name linked its
 * records (docs/scan-json.md, "Outside review").
 */
function nameColumnRate(values: string[]): number {
  if (values.length < NAME_MIN_SAMPLE) return 0;
  const out: ValueFinding[] = [];
  return rate(values, (v) => {
    if (v.length > 64 || v.indexOf(' ') === -1) return false;
    out.length = 0;
    nameWords(v, out);
    return out.length === 1 && out[0].element === 'person_name' && out[0].value === v;
  });
}

/** Long, spaced values: notes, messages, descriptions (DLP's free-text score). */
function looksFreeText(values: string[]): boolean {
  if (values.length === 0) return false;
  let len = 0;
  let spaced = 0;
  for (const v of values) {
    len += v.length;
    if ((v.match(/\s+/g)?.length ?? 0) >= 3) spaced++;
  }
  return len / values.length >= 30 && spaced / values.length >= 0.5;
}

export function classifyColumn(column: string, values: string[], longValues = 0): ColumnClass {
  const c = classifyByMeaning(column, values, longValues);
  // A phone column of NANP-written numbers reads them as NANP numbers (detectors/phone-nanp.ts).
  if (c.element === 'phone' && c.kind === undefined && isNanpColumn(values)) c.kind = NANP_COLUMN;
  return c;
}

function classifyByMeaning(column: string, values: string[], longValues: number): ColumnClass {
  const h = matchHeader(column);
  // A "password" column of digests (bare md5/sha hex included) holds hashes, not clear text.
  if (h?.element === 'password' && values.length > 0 && rate(values, (v) => validatePasswordHash(v) !== null) >= VALUE_MIN_RATE) {
    const kind = validatePasswordHash(values[0])?.kind;
    return { column, element: 'password_hash', ...(kind ? { kind } : {}), confidence: round(0.5 * h.strength + 0.45) };
  }
  if (h?.element) {
    const c = byHeader(column, h, values);
    if (c) {
      // A context-only header (e.g. `username`) whose values all validate as e-mail is e-mail.
      if (!detectorFor(h.element).sampleable && values.length > 0) {
        const v = byValues(column, values, false);
        if (v?.element && v.confidence >= 0.8 && v.element !== h.element) return v;
      }
      return c;
    }
  }
  if (h?.secret) {
    const c = bySecretHeader(column, h.secret, values);
    if (c) return c;
  }
  if (h?.geo) {
    const ok = h.geo === 'country' ? rate(values, isCountry) : h.geo === 'region' ? rate(values, isUsState) : 1;
    return { column, element: null, geo: h.geo, ...(h.kind ? { kind: h.kind } : {}), confidence: round(0.5 * h.strength + 0.4 * (values.length ? ok : 0.5)) };
  }
  if (h?.freeText) return { column, element: null, freeText: true, confidence: round(0.6 + 0.3 * h.strength) };
  const v = byValues(column, values, h?.decoy === true);
  if (v) return v;
  if (values.length >= 3 && !h?.decoy) {
    // Two-letter values alone are too ambiguous (Mr/Ms are Mauritania/Montserrat): mostly names needed.
    if (rate(values, isCountry) >= 0.9 && rate(values, (x) => x.length > 3) >= 0.5) return { column, element: null, geo: 'country', confidence: 0.6 };
    // Upper-case codes only: lower-case 'de', 'in', 'it' are language codes far more often than states.
    if (rate(values, (x) => isUsState(x) && (x.length > 2 || x === x.toUpperCase())) >= 0.9) return { column, element: null, geo: 'region', confidence: 0.5 };
  }
  if (longValues > values.length || looksFreeText(values)) return { column, element: null, freeText: true, confidence: 0.5 };
  if (!h) {
    const scale = Math.min(1, 0.6 + values.length / 25);
    const r = nameColumnRate(values);
    if (r >= VALUE_MIN_RATE) return { column, element: 'person_name', confidence: round((0.3 + 0.5 * r) * scale) };
    // Only a column that has no name at all: a named one we do not know (`member_since`) may
    // hold old dates that are no births.
    if (NAMELESS.test(column.trim())) {
      const dob = birthDateColumnRate(values);
      if (dob >= VALUE_MIN_RATE) {
        const order = slashDateOrder(values);
        return { column, element: 'date_of_birth', ...(order ? { kind: order } : {}), confidence: round((0.3 + 0.4 * dob) * scale), ...invalid(dob) };
      }
      const street = streetColumnRate(values);
      if (street >= VALUE_MIN_RATE) return { column, element: 'postal_address', confidence: round((0.3 + 0.5 * street) * scale) };
    }
  }
  return { column, element: null, residual: h?.decoy ? 'strong' : 'text', confidence: h?.decoy ? 0.9 : values.length ? 0.6 : 0.3 };
}

/**
 * Classify every column of a table from its header and a sample of rows (`sample[i][j]` is row i,
 * column j). `table` (SQL table / file name) only disambiguates a bare `name` column.
 */
export function classifyColumns(table: string, columns: string[], sample: (string | null)[][], nested = false): ColumnClass[] {
  const thingTable = NON_PERSON_TABLE.test(headerTokens(table ?? '').join(' '));
  const classes = columns.map((c, j): ColumnClass => {
    // A column of JSON objects is a table of its own keys (json-cells.ts); one level deep only.
    const js = nested ? null : jsonSample(rawValues(sample, j));
    if (js) {
      const sub = classifyColumns(table, js.keys.map((k) => `${c}.${k}`), js.rows, true);
      return { column: c, element: null, json: { keys: js.keys, classes: sub }, confidence: 0.8 };
    }
    const { values, long } = columnValues(sample, j);
    // A bare `name`/`title` column of a products, companies, files … table names things, not people;
    // so does one whose values are identifiers (`stripe`, `github`, `deploy-bot`, `web_01`): an
    // integrations table or a deploy key's JSON is no list of people.
    if (BARE_NAME.test(c.trim()) && (thingTable || slugColumn(values))) return { column: c, element: null, residual: 'strong', confidence: 0.7 };
    return classifyColumn(c, values, long);
  });
  applyPostcodePrior(classes, sample);
  return classes;
}

/** The names readers give a column without one (`column_6`, an INSERT's `col7`, `field3`, `5`), or none. */
const NAMELESS = /^(?:(?:column|col|field|c|f)[_ -]?)?\d*$/i;

const BARE_NAME = /^(?:name|nom|nombre|nome|naam|title|label)$/i;
/** Lower-case identifiers: no space, no capital (a person's name has one or the other, or both). */
const SLUG = /^[a-z0-9][a-z0-9._-]*$/;

/** Most of the sampled values (≥ 80 %) are identifiers, not names. */
function slugColumn(values: string[]): boolean {
  return values.length > 0 && rate(values, (v) => SLUG.test(v)) >= VALUE_MIN_RATE;
}

/** Table names whose rows are things, not people (matched on header-normalised tokens). */
const NON_PERSON_TABLE = /\b(?:products?|items?|articles?|skus?|companies|company|organi[sz]ations?|orgs?|brands?|categor(?:y|ies)|tags?|roles?|groups?|departments?|teams?|projects?|files?|documents?|countries|country|cities|city|regions?|stores?|shops?|warehouses?|vendors?|suppliers?|integrations?|services?|apps?|applications?|plugins?|hosts?|servers?|keys?|tokens?|secrets?|credentials?|webhooks?|repos?|repositories|buckets?|environments?|clusters?|plans?|features?|settings?|configs?|permissions?|scopes?|providers?|channels?|queues?|pipelines?|workflows?|templates?|packages?|modules?|databases?|produkte?|artikel|produits?|productos?|prodotti|producten|produtos)\b/;

/**
 * Jurisdiction hints of one record: 'US-CA' (ISO 3166-2), 'US', 'DE' (ISO 3166-1 alpha-2).
 * Sources, strongest first: explicit country/state columns, US ZIP → state, and the country a
 * validated value implies (phone country code, national-ID kind, IBAN country, SSN/ITIN → US).
 * Notification laws attach to residence (e.g. Cal. Civ. Code §1798.82 "California resident"),
 * so a state beats a bare 'US' when both are known for the same person (see people.ts).
 */
import { POSTCODE_ABROAD, type RecordFindings, type ValueFinding } from '../types.js';

const US_STATES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO',
  connecticut: 'CT', delaware: 'DE', 'district of columbia': 'DC', florida: 'FL', georgia: 'GA',
  hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA', kansas: 'KS',
  kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA',
  michigan: 'MI', minnesota: 'MN', mississippi: 'MS', missouri: 'MO', montana: 'MT',
  nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH', 'new jersey': 'NJ', 'new mexico': 'NM',
  'new york': 'NY', 'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK',
  oregon: 'OR', pennsylvania: 'PA', 'rhode island': 'RI', 'south carolina': 'SC',
  'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT', vermont: 'VT', virginia: 'VA',
  washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY', 'puerto rico': 'PR',
  guam: 'GU', 'u.s. virgin islands': 'VI', 'american samoa': 'AS', 'northern mariana islands': 'MP',
};
const US_CODES = new Set(Object.values(US_STATES));
/**
 * The hint of a region cell already in a canonical form ('US-CA', as classify/geo.ts gives, or
 * 'CA'): `US-${normaliseUsState(v)}` without the upper-casing, RegExp and template string it
 * costs per record (issue 21). Other spellings take normaliseUsState.
 */
const US_STATE_HINT = new Map<string, string>();
for (const c of US_CODES) {
  US_STATE_HINT.set(c, `US-${c}`);
  US_STATE_HINT.set(`US-${c}`, `US-${c}`);
}

const COUNTRY_NAMES: Record<string, string> = {
  usa: 'US', 'united states': 'US', 'united states of america': 'US', 'u.s.a.': 'US', 'u.s.': 'US',
  uk: 'GB', 'united kingdom': 'GB', 'great britain': 'GB', england: 'GB', germany: 'DE',
  deutschland: 'DE', france: 'FR', spain: 'ES', españa: 'ES', italy: 'IT', italia: 'IT',
  netherlands: 'NL', nederland: 'NL', 'the netherlands': 'NL', canada: 'CA', brazil: 'BR',
  brasil: 'BR', india: 'IN', portugal: 'PT', ireland: 'IE', austria: 'AT', österreich: 'AT',
  switzerland: 'CH', schweiz: 'CH', belgium: 'BE', mexico: 'MX', australia: 'AU',
};

/** ISO 3166-1 alpha-2 from a country cell ('de', 'Germany', 'USA'), or null. */
export function normaliseCountry(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (/^[a-z]{2}$/.test(v)) return v === 'uk' ? 'GB' : v.toUpperCase();
  return COUNTRY_NAMES[v] ?? null;
}

/** USPS code from a state cell ('CA', 'California', 'US-CA'), or null. */
export function normaliseUsState(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const code = v.toUpperCase().replace(/^US-/, '');
  if (US_CODES.has(code)) return code;
  return US_STATES[v.toLowerCase()] ?? null;
}

export function recordHints(
  f: Pick<RecordFindings, 'elements'> & { geo?: RecordFindings['geo'] },
  zipToState: (zip: string) => string | null | undefined,
): string[] {
  // A small array with an includes() check instead of a Set and a spread copy: called for every
  // record with personal data (allocation showed up as GC time); same order, same de-duplication.
  const out: string[] = [];
  const geo = f.geo;
  if (geo) {
    const country = normaliseCountry(geo.country);
    if (country && country !== 'US') out.push(country === 'CA' ? canadianHint(geo.region, geo.postalCode) : country);
    if (!country || country === 'US') {
      const known = geo.region === undefined ? undefined : US_STATE_HINT.get(geo.region);
      if (known !== undefined) addHint(out, known);
      else if (!country && geo.region !== undefined && geo.region.startsWith('CA-')) addHint(out, geo.region);
      else {
        let state = normaliseUsState(geo.region);
        if (!state && geo.postalCode) {
          const pc = geo.postalCode.trim();
          const abroad = country ? null : postcodeCountry(pc, geo.postalCountry);
          if (abroad) addHint(out, abroad);
          else if (/^\d{5}(-?\d{4})?$/.test(pc) && (country === 'US' || usZip(geo.postalCountry, f.elements))) {
            state = zipToState(pc.slice(0, 5)) ?? null;
          }
        }
        if (state) addHint(out, `US-${state}`);
        else if (country === 'US') addHint(out, 'US');
      }
    }
  }
  // An address in one column or in free text (`400 Broad St, Seattle, WA 98109`): its tail says
  // where, when the record's geo columns did not.
  if (out.length === 0 || (out.length === 1 && out[0] === 'US')) {
    for (let i = 0; i < f.elements.length; i++) {
      const e = f.elements[i];
      if (e.element === 'postal_address') addressHints(e.value, zipToState, out);
    }
  }
  addValueHints(f.elements, out);
  return out;
}

const US_STATE_ZIP = /\b([A-Z]{2})[ ,]+(\d{5})(?:-\d{4})?\b/g;
const CA_PROVINCE_POSTCODE = /\b(AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)[ ,]+[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/;
const UK_POSTCODE_IN = /\b[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}\b/;
const LAST_SEGMENT = /,\s*([^,\d]{4,40}?)\s*\.?$/;

/**
 * Where a whole address says it is, from its last 80 characters: a country name after the last
 * comma; a US state code and ZIP that agree (USPS Pub. 28: `WA 98109`; a ZIP of another state
 * is no evidence); a Canadian province and postcode (`QC H3B 1K9`); a UK postcode (`SW1A 2AA`).
 */
function addressHints(value: string, zipToState: (zip: string) => string | null | undefined, out: string[]): void {
  const hint = addressHint(value.length > 80 ? value.slice(-80) : value, zipToState);
  if (hint) addHint(out, hint);
}

function addressHint(t: string, zipToState: (zip: string) => string | null | undefined): string | null {
  const seg = LAST_SEGMENT.exec(t);
  const country = seg ? normaliseCountry(seg[1]) : null;
  if (country === 'CA') {
    const ca = CA_PROVINCE_POSTCODE.exec(t);
    return ca ? `CA-${ca[1]}` : 'CA';
  }
  if (country && country !== 'US') return country;
  US_STATE_ZIP.lastIndex = 0;
  let state: string | null = null;
  for (let m = US_STATE_ZIP.exec(t); m; m = US_STATE_ZIP.exec(t)) {
    if (US_CODES.has(m[1]) && zipToState(m[2]) === m[1]) state = m[1];
  }
  if (state) return `US-${state}`;
  if (country === 'US') return 'US';
  const ca = CA_PROVINCE_POSTCODE.exec(t);
  if (ca) return `CA-${ca[1]}`;
  return UK_POSTCODE_IN.test(t) ? 'GB' : null;
}

/** UK (BS 7666) and Canadian (Canada Post) postcodes have shapes of their own; never a US ZIP. */
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}$/i;
const CA_POSTCODE = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i;

/** The country a postcode's shape or its column's header names ('DE' for a five-digit PLZ), or null. */
function postcodeCountry(pc: string, header: string | undefined): string | null {
  if (UK_POSTCODE.test(pc)) return 'GB';
  if (CA_POSTCODE.test(pc)) return canadianPostcodeHint(pc);
  return header === 'DE' && /^\d{5}$/.test(pc) ? 'DE' : null;
}

/**
 * May a bare five-digit postcode of this record be read as a US ZIP? Not when its column's header
 * names another country's word for it, nor when the record points abroad; when the column's table
 * points abroad (classify/postcode-prior.ts), only for a record that itself carries a US value.
 */
function usZip(postalCountry: string | undefined, elements: readonly ValueFinding[]): boolean {
  if (postalCountry === undefined) return !pointsAbroad(elements);
  return postalCountry === POSTCODE_ABROAD && pointsToUs(elements);
}

function pointsToUs(elements: readonly ValueFinding[]): boolean {
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    if (e.country === 'US' || e.element === 'us_ssn' || e.element === 'us_itin') return true;
  }
  return false;
}

/**
 * The province of a Canadian postcode by its first letter, the postal district (Canada Post,
 * Canadian Addressing Guide, "Postal code — FSA"): Quebec's Law 25 (CAI notice) and Alberta's PIPA
 * attach to residents of the province, so 'CA' alone lost them. `X` is shared by the Northwest
 * Territories and Nunavut: 'CA' only.
 */
const CA_DISTRICT: Record<string, string> = {
  A: 'NL', B: 'NS', C: 'PE', E: 'NB', G: 'QC', H: 'QC', J: 'QC', K: 'ON', L: 'ON', M: 'ON', N: 'ON', P: 'ON', R: 'MB', S: 'SK', T: 'AB', V: 'BC', Y: 'YT',
};

function canadianPostcodeHint(pc: string): string {
  const p = CA_DISTRICT[pc[0].toUpperCase()];
  return p ? `CA-${p}` : 'CA';
}

/** A Canadian record's hint: its province cell ('CA-QC', from classify/geo.ts), else its postcode's, else 'CA'. */
function canadianHint(region: string | undefined, postalCode: string | undefined): string {
  if (region?.startsWith('CA-')) return region;
  const pc = postalCode?.trim();
  return pc && CA_POSTCODE.test(pc) ? canadianPostcodeHint(pc) : 'CA';
}

/**
 * Does a validated value of the record name a country other than the US (a +49 phone, a German
 * IBAN)? Then its five-digit postcode is that country's, not a US ZIP: before, a German customer
 * with PLZ 10115 counted in US-NY.
 */
function pointsAbroad(elements: readonly ValueFinding[]): boolean {
  for (let i = 0; i < elements.length; i++) {
    const c = elements[i].country;
    if (c !== undefined && c !== 'US' && c !== 'us') return true;
  }
  return false;
}

function addHint(out: string[], h: string): void {
  if (!out.includes(h)) out.push(h);
}

/**
 * Runs for every record with personal data: an indexed loop, the SSN test as two comparisons, and
 * a country code that is already two capital letters (the detectors' own, nearly always) kept as
 * it is — toUpperCase() made a new string each time (≈ 4 % of a worker on the dense CSV,
 * bench/README.md, 2026-11-27, fourth session).
 */
function addValueHints(elements: readonly ValueFinding[], out: string[]): void {
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    const c = e.country;
    if (c) addHint(out, isUpperPair(c) ? c : c.toUpperCase());
    else if (e.element === 'us_ssn' || e.element === 'us_itin') addHint(out, 'US');
  }
}

function isUpperPair(c: string): boolean {
  if (c.length !== 2) return false;
  const a = c.charCodeAt(0);
  const b = c.charCodeAt(1);
  return a >= 65 && a <= 90 && b >= 65 && b <= 90;
}

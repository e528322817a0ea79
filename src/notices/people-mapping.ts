/**
 * Pure core of the affected-people import: maps spreadsheet headers to person fields (automatic
 * where obvious), turns rows into person records, normalises contacts and jurisdictions.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { ELEMENT_IDS, type ElementId } from '../assessment/scanner/types.js';
import type { Person, PersonField } from './people.schema.js';
import { parseConsent } from './electronic-notice.js';
import { normaliseLanguage } from './languages.js';

/** Header synonyms, compared after lower-casing and dropping everything but letters and digits. */
const SYNONYMS: Record<PersonField, string[]> = {
  name: ['name', 'fullname', 'customername', 'customer', 'personname', 'displayname', 'recipient', 'patientname', 'membername'],
  firstName: ['firstname', 'givenname', 'forename', 'first'],
  lastName: ['lastname', 'surname', 'familyname', 'last'],
  email: ['email', 'emailaddress', 'mail', 'emailaddr', 'eMail'.toLowerCase()],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'mobilephone', 'cell', 'cellphone'],
  addressLine1: ['address', 'address1', 'addressline1', 'street', 'streetaddress', 'line1', 'mailingaddress', 'postaladdress'],
  addressLine2: ['address2', 'addressline2', 'line2', 'apt', 'suite', 'unit'],
  city: ['city', 'town', 'locality'],
  region: ['state', 'province', 'region', 'stateprovince', 'st'],
  postalCode: ['zip', 'zipcode', 'postcode', 'postalcode', 'postal', 'plz'],
  country: ['country', 'countrycode', 'nation'],
  jurisdiction: ['jurisdiction', 'residence', 'stateofresidence', 'residency'],
  language: ['language', 'lang', 'locale', 'preferredlanguage', 'languagecode', 'correspondencelanguage', 'sprache', 'langue', 'idioma', 'lingua', 'taal', 'jezyk', 'sprak'],
  elements: ['elements', 'elementsexposed', 'dataelements', 'exposed', 'dataexposed', 'exposeddata', 'datatypes', 'exposedelements'],
  minor: ['minor', 'isminor', 'under18', 'child'],
  deceased: ['deceased', 'isdeceased', 'dead'],
  noContact: ['nocontact', 'donotcontact', 'dnc', 'optout'],
  // Consent to electronic notice (E-SIGN 15 U.S.C. §7001(c)): "paperless" customers agreed to e-mail.
  emailConsent: ['emailconsent', 'esignconsent', 'electronicconsent', 'econsent', 'paperless', 'esign', 'electronicnoticeconsent', 'consenttoemail', 'emailoptin', 'electronicdelivery', 'edelivery', 'consentelectronic'],
};

export function headerKey(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export type Mapping = Partial<Record<PersonField, number>>;

/** Maps each field to the first header that obviously names it; returns unmapped headers too. */
export function autoMap(headers: string[]): { mapping: Mapping; unmapped: string[] } {
  const mapping: Mapping = {};
  const used = new Set<number>();
  for (const [field, names] of Object.entries(SYNONYMS) as [PersonField, string[]][]) {
    const i = headers.findIndex((h, idx) => !used.has(idx) && names.includes(headerKey(h)));
    if (i >= 0) {
      mapping[field] = i;
      used.add(i);
    }
  }
  return { mapping, unmapped: headers.filter((_, i) => !used.has(i)) };
}

/** Applies explicit `field=Header` overrides on top of the automatic mapping. */
export function applyOverrides(headers: string[], base: Mapping, overrides: Record<string, string>): Mapping {
  const out: Mapping = { ...base };
  for (const [field, header] of Object.entries(overrides)) {
    if (!(field in SYNONYMS)) throw new Error(`unknown field "${field}" (known: ${Object.keys(SYNONYMS).join(', ')})`);
    const i = headers.findIndex((h) => h === header || headerKey(h) === headerKey(header));
    if (i < 0) throw new Error(`mapping ${field}=${header}: no such column (columns: ${headers.join(', ')})`);
    out[field as PersonField] = i;
  }
  return out;
}

const ELEMENT_SYNONYMS: Record<string, ElementId> = {
  ssn: 'us_ssn',
  socialsecuritynumber: 'us_ssn',
  socialsecurity: 'us_ssn',
  itin: 'us_itin',
  dl: 'drivers_license',
  driverslicense: 'drivers_license',
  driverlicense: 'drivers_license',
  stateid: 'drivers_license',
  passport: 'passport_number',
  dob: 'date_of_birth',
  dateofbirth: 'date_of_birth',
  birthdate: 'date_of_birth',
  name: 'person_name',
  fullname: 'person_name',
  address: 'postal_address',
  card: 'payment_card',
  creditcard: 'payment_card',
  cardnumber: 'payment_card',
  cvv: 'card_security_code',
  account: 'bank_account',
  bankaccount: 'bank_account',
  accountnumber: 'bank_account',
  routingnumber: 'us_routing_number',
  medical: 'health',
  medicalinformation: 'health',
  phi: 'health',
  healthinsurance: 'health_insurance',
  insurance: 'health_insurance',
  biometrics: 'biometric',
  securityquestion: 'security_question',
  login: 'username',
  ip: 'ip_address',
  location: 'geolocation',
};

/** "SSN; name | card" → ['us_ssn', 'person_name', 'payment_card']; unknown words are returned apart. */
export function parseElements(cell: string): { elements: ElementId[]; unknown: string[] } {
  const elements = new Set<ElementId>();
  const unknown: string[] = [];
  for (const raw of cell.split(/[;,|/]+/)) {
    const t = raw.trim();
    if (!t) continue;
    const direct = t.toLowerCase().replace(/[\s-]+/g, '_');
    if ((ELEMENT_IDS as readonly string[]).includes(direct)) elements.add(direct as ElementId);
    else if (ELEMENT_SYNONYMS[headerKey(t)]) elements.add(ELEMENT_SYNONYMS[headerKey(t)]!);
    else unknown.push(t);
  }
  return { elements: [...elements], unknown };
}

const US_STATES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT', delaware: 'DE',
  districtofcolumbia: 'DC', florida: 'FL', georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA',
  kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA', michigan: 'MI', minnesota: 'MN',
  mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE', nevada: 'NV', newhampshire: 'NH', newjersey: 'NJ',
  newmexico: 'NM', newyork: 'NY', northcarolina: 'NC', northdakota: 'ND', ohio: 'OH', oklahoma: 'OK', oregon: 'OR',
  pennsylvania: 'PA', rhodeisland: 'RI', southcarolina: 'SC', southdakota: 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT',
  vermont: 'VT', virginia: 'VA', washington: 'WA', westvirginia: 'WV', wisconsin: 'WI', wyoming: 'WY', puertorico: 'PR',
  guam: 'GU', virginislands: 'VI',
};
const US_CODES = new Set(Object.values(US_STATES));
const COUNTRY_NAMES: Record<string, string> = {
  unitedstates: 'US', usa: 'US', us: 'US', unitedstatesofamerica: 'US', unitedkingdom: 'GB', uk: 'GB', greatbritain: 'GB',
  germany: 'DE', deutschland: 'DE', france: 'FR', spain: 'ES', italy: 'IT', netherlands: 'NL', ireland: 'IE', canada: 'CA',
  australia: 'AU', brazil: 'BR', japan: 'JP', singapore: 'SG', india: 'IN', switzerland: 'CH', belgium: 'BE', austria: 'AT',
  sweden: 'SE', denmark: 'DK', finland: 'FI', norway: 'NO', poland: 'PL', portugal: 'PT', korea: 'KR', southkorea: 'KR',
};

/** Jurisdiction code (ISO 3166-1 "FR" or 3166-2 "US-CA") from explicit, state and country cells. */
export function deriveJurisdiction(explicit: string, region: string, country: string): string {
  const e = explicit.trim().toUpperCase();
  if (/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(e)) return e === 'UK' ? 'GB' : e;
  const c0 = headerKey(country);
  const c = COUNTRY_NAMES[c0] ?? (/^[a-z]{2}$/.test(c0) ? c0.toUpperCase() : '');
  const r = region.trim();
  const st = US_STATES[headerKey(r)] ?? (US_CODES.has(r.toUpperCase()) ? r.toUpperCase() : '');
  if (st && (c === '' || c === 'US')) return `US-${st}`;
  if (e && US_STATES[headerKey(e)]) return `US-${US_STATES[headerKey(e)]}`;
  if (c) return c === 'UK' ? 'GB' : c;
  return 'UNKNOWN';
}

const TRUE = new Set(['1', 'true', 'yes', 'y', 'x']);
const flag = (v: string | undefined) => TRUE.has((v ?? '').trim().toLowerCase());

export function normaliseEmail(v: string): string | null {
  const t = v.trim().toLowerCase();
  // Deliberately simple (RFC 5321 local@domain with a dotted domain): anything else goes by post.
  return /^[^\s@<>(),;:"]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(t) ? t : null;
}

export function normalisePhone(v: string, jurisdiction: string): string | null {
  const t = v.trim();
  if (!t) return null;
  const country = jurisdiction.slice(0, 2);
  const p = parsePhoneNumberFromString(t, /^[A-Z]{2}$/.test(country) ? (country as never) : undefined);
  return p?.isValid() ? p.number : null;
}

/** One spreadsheet row → a person (or the reason it is unusable). */
export function rowToPerson(row: string[], m: Mapping, defaults: { jurisdiction?: string; elements?: ElementId[] } = {}): { person: Person; warnings: string[] } | { error: string } {
  const get = (f: PersonField) => (m[f] === undefined ? '' : (row[m[f]!] ?? '').trim());
  const name = get('name') || [get('firstName'), get('lastName')].filter(Boolean).join(' ');
  const warnings: string[] = [];
  let jurisdiction = deriveJurisdiction(get('jurisdiction'), get('region'), get('country'));
  if (jurisdiction === 'UNKNOWN' && defaults.jurisdiction) jurisdiction = defaults.jurisdiction;
  const rawEmail = get('email');
  const email = rawEmail ? normaliseEmail(rawEmail) : null;
  if (rawEmail && !email) warnings.push('e-mail is not usable');
  const phone = normalisePhone(get('phone'), jurisdiction);
  const parsed = parseElements(get('elements'));
  if (parsed.unknown.length) warnings.push(`unknown data elements: ${parsed.unknown.join(', ')}`);
  const elements = parsed.elements.length ? parsed.elements : (defaults.elements ?? []);
  const address = {
    line1: get('addressLine1'),
    line2: get('addressLine2'),
    city: get('city'),
    region: get('region'),
    postalCode: get('postalCode'),
    country: get('country'),
  };
  if (!name && !email && !phone && !address.line1) return { error: 'no name, e-mail, phone or address' };
  const rawLanguage = get('language');
  const language = normaliseLanguage(rawLanguage);
  if (rawLanguage && !language) warnings.push(`language "${rawLanguage}" has no notice template: the jurisdiction's default is used`);
  const consent = parseConsent(get('emailConsent'));
  if (consent.warning) warnings.push(consent.warning);
  return {
    person: {
      name,
      email,
      phone,
      address: address.line1 ? address : null,
      jurisdiction,
      language,
      elements,
      emailConsent: consent.consent,
      emailConsentAt: consent.at,
      flags: { minor: flag(get('minor')), deceased: flag(get('deceased')), noContact: flag(get('noContact')) },
    },
    warnings,
  };
}

/** Masks for display (DESIGN.md §4): j***@example.com, *** ** 6789, J*** D***. */
export function maskEmail(e: string | null): string | null {
  if (!e) return null;
  const [l, d] = e.split('@');
  return `${(l ?? '').slice(0, 1)}***@${d ?? ''}`;
}
export function maskPhone(p: string | null): string | null {
  return p ? `***${p.slice(-4)}` : null;
}
export function maskName(n: string): string {
  return n
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w.slice(0, 1)}***`)
    .join(' ');
}

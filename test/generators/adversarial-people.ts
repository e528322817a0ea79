/**
 * An adversarial leak for people counting (outside review, task people22): the same N people
 * written differently across files, tables and columns of one archive, each file linking to the
 * anchor table through one kind of key only, so a class of spelling that fails to normalise
 * shows as its own file's extra people:
 *  - `crm.csv` (anchor): the canonical forms, and where each person lives;
 *  - `orders.ndjson`: the e-mail only — case, a trailing root dot, an IDN domain in Unicode or
 *    in Punycode, a quoted local part, `mailto:`, a display name, Gmail dots and `+tags`;
 *  - `billing.sql`: the card only — with spaces, dashes or dots;
 *  - `hr.csv`: the SSN only — with or without dashes, spaces or dots;
 *  - `calls.csv`: name + phone, no strong identifier — E.164, national with its trunk 0,
 *    dots, dashes, parentheses, `(0)`, `00`, `tel:` URIs and extensions;
 *  - `visits.ndjson`: name + birth date — ISO, `dd.mm.yyyy`, `dd/mm/yyyy`, `d Month yyyy`,
 *    `yyyymmdd`, Oracle's `DD-MON-YYYY`; `claims.csv`: name + a US `m/d/yyyy` birth date;
 * names as "Last, First", upper case, and with or without their diacritics (Ł, Ø, ß, Þ, é).
 * Outside review 4 adds `staff.csv` — name + phone, the name with a title (`Dr.`, `Mr`, `Prof.`),
 * a middle initial, letters after it (`PhD`) or its umlauts written out (`Mueller`) — and
 * `members.csv` — name + birth date, the name with a generational suffix (`Jr.`, `III`) and the
 * date with a two-digit year (`05.12.87`, `5/12/87`).
 * `negatives.csv` holds people who must stay apart: a family sharing a landline and an address
 * (full names, and given names only), namesakes born on different days, a father and a son of one
 * name at one address with their own e-mails, two mailboxes that differ by a dot at a provider
 * where dots matter, two people of different countries whose national numbers share their digits,
 * a father and a son written `Sr.` and `Jr.` at one address and landline, and `Joe` and `Jo` of
 * one surname at one landline.
 */
import { validatePhone } from '../../src/assessment/scanner/detectors/contact.js';
import * as id from './identifiers.js';
import { createRng, type Rng } from './prng.js';
import { dobVariant, emailVariant, formalNameVariant, iso, nameVariant, pad, phoneVariant, shortYearDob, suffixedNameVariant } from './adversarial-spellings.js';
import { csvLine, zipBuffer } from './writers.js';

export type AdvCountry = 'US' | 'GB' | 'FR' | 'DE';

export interface AdvPerson {
  pid: number;
  country: AdvCountry;
  /** The ISO 3166-2 code where known (US states), else the country. */
  jurisdiction: string;
  first: string;
  last: string;
  /** The name without diacritics, as an older system wrote it. */
  asciiFirst: string;
  asciiLast: string;
  /** Canonical e-mail (domain in Unicode for IDN people). */
  email: string;
  /** E.164. */
  phone: string;
  /** The phone as the country writes it nationally, with its trunk 0 where it has one. */
  nationalPhone: string;
  dob: { y: number; m: number; d: number };
  card: string;
  ssn: string | null;
  street: string;
  city: string;
  state: string | null;
  zip: string;
}

export interface AdversarialLeak {
  people: AdvPerson[];
  /** Archive members: name → contents. */
  files: Record<string, string>;
  /** Distinct people in `negatives.csv` (none of them is in `people`). */
  negativePeople: number;
  /** Expected people per jurisdiction over everything (people and negatives). */
  jurisdictions: Record<string, number>;
  /** One .zip of every file. */
  zip(): Buffer;
}

const NAMES: readonly [first: string, last: string, asciiFirst: string, asciiLast: string][] = [
  ['Jane', 'Doe', 'Jane', 'Doe'],
  ['Zoë', 'Müller', 'Zoe', 'Muller'],
  ['Łukasz', 'Żółć', 'Lukasz', 'Zolc'],
  ['Søren', 'Ørsted', 'Soren', 'Orsted'],
  ['Jürgen', 'Weiß', 'Jurgen', 'Weiss'],
  ['Ægir', 'Þórsson', 'Aegir', 'Thorsson'],
  ['François', 'Lefèvre', 'Francois', 'Lefevre'],
  ['José', 'García', 'Jose', 'Garcia'],
  ['Chloé', 'Dubois', 'Chloe', 'Dubois'],
  ['Robert', 'Johnson', 'Robert', 'Johnson'],
  ['Émilie', 'Œuvrard', 'Emilie', 'Oeuvrard'],
  ['Mary', 'Williams', 'Mary', 'Williams'],
  ['Dorota', 'Dąbrowska', 'Dorota', 'Dabrowska'],
  ['Kevin', 'Brown', 'Kevin', 'Brown'],
];
const US_PLACES = [
  { state: 'CA', city: 'San Francisco', zip3: '941', area: '415' },
  { state: 'NY', city: 'New York', zip3: '100', area: '212' },
  { state: 'TX', city: 'Dallas', zip3: '752', area: '214' },
  { state: 'WA', city: 'Seattle', zip3: '981', area: '206' },
] as const;
const DOMAINS = ['example.com', 'mail.example.org', 'gmail.com', 'bücher.example', 'müller-bau.example'];

/** A phone of `country` that the scanner's validator accepts in E.164, and its national form. */
function phoneOf(rng: Rng, p: { country: AdvCountry; area: string }): [e164: string, national: string] {
  for (;;) {
    let e164: string;
    let national: string;
    if (p.country === 'US') {
      const n = id.usPhone(rng, p.area).replace(/\D/g, '').slice(1);
      e164 = `+1${n}`;
      national = `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`;
    } else if (p.country === 'GB') {
      const n = `207${rng.digits(7)}`;
      e164 = `+44${n}`;
      national = `0${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}`;
    } else if (p.country === 'FR') {
      // Paris landlines and mobiles: 01 and 06 + 8 digits, written in pairs.
      const n = `${rng.pick(['1', '6'])}${rng.int(2, 9)}${rng.digits(7)}`;
      e164 = `+33${n}`;
      national = `0${n[0]} ${n.slice(1).replace(/(\d\d)(?=\d)/g, '$1 ')}`;
    } else {
      const n = `30${rng.int(2, 9)}${rng.digits(7)}`;
      e164 = `+49${n}`;
      national = `0${n.slice(0, 2)} ${n.slice(2)}`;
    }
    if (validatePhone(e164)?.value === e164) return [e164, national];
  }
}

function makePeople(rng: Rng, n: number): AdvPerson[] {
  const out: AdvPerson[] = [];
  const countries: AdvCountry[] = ['US', 'GB', 'FR', 'DE'];
  for (let pid = 0; pid < n; pid++) {
    const country = countries[pid % 4];
    // Every name once per country, then a serial in the surname keeps full names unique.
    const [first, last0, af, al0] = NAMES[Math.floor(pid / 4) % NAMES.length];
    const round = Math.floor(pid / (4 * NAMES.length));
    const last = round === 0 ? last0 : `${last0}-${String.fromCharCode(65 + round)}`;
    const al = round === 0 ? al0 : `${al0}-${String.fromCharCode(65 + round)}`;
    const place = US_PLACES[pid % US_PLACES.length];
    const [phone, nationalPhone] = phoneOf(rng, { country, area: place.area });
    const domain = DOMAINS[pid % DOMAINS.length];
    const local = `${af}.${al}.${pid}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
    const dob = { y: rng.int(1940, 2004), m: rng.int(1, 12), d: rng.int(1, 28) };
    const us = country === 'US';
    out.push({
      pid,
      country,
      jurisdiction: us ? `US-${place.state}` : country,
      first,
      last,
      asciiFirst: af,
      asciiLast: al,
      email: `${local}@${domain}`,
      phone,
      nationalPhone,
      dob,
      card: id.paymentCard(rng).replace(/\D/g, ''),
      ssn: us ? id.ssn(rng) : null,
      street: us ? `${rng.int(1, 9999)} Oak Ave` : country === 'DE' ? `Hauptstraße ${rng.int(1, 120)}` : `${rng.int(1, 200)} High Street`,
      city: us ? place.city : country === 'DE' ? 'Berlin' : country === 'FR' ? 'Paris' : 'London',
      state: us ? place.state : null,
      zip: us ? place.zip3 + rng.digits(2) : country === 'DE' ? `10${rng.digits(3)}` : country === 'FR' ? `750${pad(rng.int(1, 20))}` : `SW1A ${rng.int(1, 9)}AA`,
    });
  }
  return out;
}

const sqlQuote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * People who must not be merged: each line's comment says why. Returns the CSV and how many
 * people it holds, and their jurisdictions (every row has a country).
 */
function negatives(rng: Rng): { csv: string; people: number; jurisdictions: Record<string, number> } {
  const rows: (string | null)[][] = [];
  const landline = phoneOf(rng, { country: 'US', area: '212' })[0];
  // A family at one landline and one address, full names, no strong identifier: three people.
  rows.push(['John Carter', landline, null, '1970-04-14', '12 Elm St', 'New York', 'NY', '10001', 'US']);
  rows.push(['Mary Carter', landline, null, '1972-09-21', '12 Elm St', 'New York', 'NY', '10001', 'US']);
  rows.push(['Lucy Carter', landline, null, '2001-02-17', '12 Elm St', 'New York', 'NY', '10001', 'US']);
  // The same family on a survey that asked for a given name only: three more records, and only
  // "Lucy" may be the Lucy above — the names decide, the shared phone alone merges no one. They
  // are counted as people on their own (a name, no link key): three more people.
  const landline2 = phoneOf(rng, { country: 'US', area: '212' })[0];
  rows.push(['Anna', landline2, null, null, null, null, null, null, 'US']);
  rows.push(['Ben', landline2, null, null, null, null, null, null, 'US']);
  rows.push(['Clara', landline2, null, null, null, null, null, null, 'US']);
  // Namesakes born on different days, no strong identifier: two people.
  rows.push(['Peter Novak', null, null, '1961-05-19', null, null, null, null, 'US']);
  rows.push(['Peter Novak', null, null, '1988-11-23', null, null, null, null, 'US']);
  // Father and son: one name, one address and landline, their own e-mails: two people.
  const home = phoneOf(rng, { country: 'US', area: '206' })[0];
  rows.push(['Samuel Reed', home, 'sam.reed.sr@example.net', '1950-06-15', '9 Pine Rd', 'Seattle', 'WA', '98101', 'US']);
  rows.push(['Samuel Reed', home, 'sam.reed.jr@example.net', '1980-08-19', '9 Pine Rd', 'Seattle', 'WA', '98101', 'US']);
  // Two mailboxes one dot apart where dots matter (not Gmail): two people.
  rows.push(['Alex Kim', null, 'a.kim@example.org', null, null, null, null, null, 'US']);
  rows.push(['Avery Kim', null, 'akim@example.org', null, null, null, null, null, 'US']);
  // The same national digits in France and Germany, different names: two people.
  rows.push(['Claire Martin', '+33 1 42 68 53 00', 'claire.martin@example.fr', null, null, null, null, null, 'FR']);
  rows.push(['Klaus Becker', '+49 142 685300', 'k.becker@example.de', null, null, null, null, null, 'DE']);
  // Father and son written Sr. and Jr., one address and landline, no strong identifier: two people
  // (the suffix tells them apart by phone and address; by birth date they differ anyway).
  const kings = phoneOf(rng, { country: 'US', area: '212' })[0];
  rows.push(['Robert King Sr.', kings, null, '1951-03-02', '3 Birch Ln', 'New York', 'NY', '10002', 'US']);
  rows.push(['Robert King Jr.', kings, null, '1979-10-30', '3 Birch Ln', 'New York', 'NY', '10002', 'US']);
  // `Joe` and `Jo` of one surname at one landline: two people (short names keep their `e`).
  const smiths = phoneOf(rng, { country: 'US', area: '212' })[0];
  rows.push(['Joe Smith', smiths, null, null, null, null, null, null, 'US']);
  rows.push(['Jo Smith', smiths, null, null, null, null, null, null, 'US']);
  const header = ['name', 'phone', 'email', 'date_of_birth', 'street', 'city', 'state', 'zip', 'country'];
  return {
    csv: `${[csvLine(header), ...rows.map((r) => csvLine(r))].join('\n')}\n`,
    people: 18,
    jurisdictions: { 'US-NY': 5, US: 9, 'US-WA': 2, FR: 1, DE: 1 },
  };
}

export function adversarialLeak(opts: { seed?: number; people?: number } = {}): AdversarialLeak {
  const rng = createRng(opts.seed ?? 22);
  const people = makePeople(rng, opts.people ?? 56);
  const files: Record<string, string> = {};

  const crm = [csvLine(['customer_id', 'first_name', 'last_name', 'email', 'phone', 'date_of_birth', 'ssn', 'card_number', 'street', 'city', 'state', 'zip', 'country'])];
  for (const p of people) {
    crm.push(csvLine([p.pid + 1, p.first, p.last, p.email, p.phone, iso(p.dob), p.ssn, p.card, p.street, p.city, p.state, p.zip, p.country]));
  }
  files['crm.csv'] = `${crm.join('\n')}\n`;

  files['orders.ndjson'] = `${people.map((p) => JSON.stringify({ order: `ORD-${rng.digits(8)}`, buyer: { full_name: nameVariant(p, p.pid + 1), email: emailVariant(p.email, p.pid) } })).join('\n')}\n`;

  const sql = ['-- MySQL dump 10.13  Distrib 8.0.36', 'LOCK TABLES `payments` WRITE;'];
  const tuples = people.map((p) => {
    // Spaces, dashes or (outside review 4) dots between the groups of four.
    const card = p.card.replace(/(\d{4})(?=\d)/g, `$1${[' ', '-', '.'][p.pid % 3]}`);
    return `(${p.pid + 1},${sqlQuote(nameVariant(p, p.pid + 2))},${sqlQuote(card)},'settled')`;
  });
  sql.push(`INSERT INTO \`payments\` (\`id\`,\`cardholder_name\`,\`card_number\`,\`status\`) VALUES ${tuples.join(',')};`, 'UNLOCK TABLES;', '');
  files['billing.sql'] = sql.join('\n');

  const hr = [csvLine(['employee', 'ssn'])];
  for (const p of people) {
    if (p.ssn === null) continue;
    const forms = [p.ssn, p.ssn.replace(/-/g, ''), p.ssn.replace(/-/g, ' '), p.ssn.replace(/-/g, '.')];
    hr.push(csvLine([nameVariant(p, p.pid + 3), forms[Math.floor(p.pid / 4) % 4]]));
  }
  files['hr.csv'] = `${hr.join('\n')}\n`;

  const calls = [csvLine(['caller_name', 'callback_number', 'outcome'])];
  for (const p of people) calls.push(csvLine([nameVariant(p, p.pid + 4), phoneVariant(p, p.pid), 'resolved']));
  files['calls.csv'] = `${calls.join('\n')}\n`;

  // A US claims export: month first, unpadded (`3/5/1980`), as US systems print dates.
  const claims = [csvLine(['member_name', 'birth_date', 'plan'])];
  for (const p of people) claims.push(csvLine([nameVariant(p, p.pid + 1), `${p.dob.m}/${p.dob.d}/${p.dob.y}`, 'PPO']));
  files['claims.csv'] = `${claims.join('\n')}\n`;

  // Outside review 4: titles, initials, post-nominals and umlauts written out, linked by name + phone.
  const staff = [csvLine(['full_name', 'phone', 'team'])];
  for (const p of people) staff.push(csvLine([formalNameVariant(p, p.pid), phoneVariant(p, p.pid + 3), 'ops']));
  files['staff.csv'] = `${staff.join('\n')}\n`;

  // …and generational suffixes and two-digit years, linked by name + birth date.
  const members = [csvLine(['full_name', 'birth_date', 'tier'])];
  for (const p of people) members.push(csvLine([suffixedNameVariant(p, p.pid), shortYearDob(p.dob, p.pid), 'gold']));
  files['members.csv'] = `${members.join('\n')}\n`;

  files['visits.ndjson'] = `${people.map((p) => JSON.stringify({ patient_name: nameVariant(p, p.pid), date_of_birth: dobVariant(p.dob, p.pid), ward: 'B' })).join('\n')}\n`;

  const neg = negatives(rng);
  files['negatives.csv'] = neg.csv;

  const jurisdictions: Record<string, number> = { ...neg.jurisdictions };
  for (const p of people) jurisdictions[p.jurisdiction] = (jurisdictions[p.jurisdiction] ?? 0) + 1;
  return {
    people,
    files,
    negativePeople: neg.people,
    jurisdictions,
    zip: () => zipBuffer(Object.entries(files).map(([name, data]) => ({ name: `export/${name}`, data: Buffer.from(data) }))),
  };
}

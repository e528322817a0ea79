/** Synthetic people with consistent identifiers and addresses in the US, Germany and the UK. */
import * as id from './identifiers.js';
import type { Rng } from './prng.js';

export type Country = 'US' | 'DE' | 'GB';

export interface Person {
  pid: number;
  country: Country;
  first: string;
  last: string;
  email: string;
  phone: string;
  dob: string;
  street: string;
  city: string;
  /** USPS state code (US only). */
  state?: string;
  zip: string;
  ssn?: string;
  card: string;
  iban?: string;
  /** UK NINO or German Steuer-IdNr. */
  nationalId?: string;
  username: string;
  passwordHash: string;
  ip: string;
}

/** Real ZIP prefixes and area codes per state (USPS, NANPA), so ZIP → state is checkable. */
export const US_PLACES = [
  { state: 'CA', city: 'San Francisco', zip3: '941', area: '415' },
  { state: 'NY', city: 'New York', zip3: '100', area: '212' },
  { state: 'TX', city: 'Dallas', zip3: '752', area: '214' },
  { state: 'FL', city: 'Miami', zip3: '331', area: '305' },
  { state: 'WA', city: 'Seattle', zip3: '981', area: '206' },
  { state: 'IL', city: 'Chicago', zip3: '606', area: '312' },
  { state: 'MA', city: 'Boston', zip3: '021', area: '617' },
] as const;

const FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Lukas',
  'Anna', 'Felix', 'Lena', 'Oliver', 'Amelia', 'Harry', 'Isla', 'Jonas', 'Mia', 'Emma', 'Noah'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Müller',
  'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Evans', 'Roberts', 'Walker', 'Wright', 'Hughes'];
const STREETS = ['Main St', 'Oak Ave', 'Pine Rd', 'Maple Dr', 'Cedar Ln', 'Elm St', 'Park Blvd'];
const DE_STREETS = ['Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Schulstraße'];
const GB_STREETS = ['High Street', 'Station Road', 'Church Lane', 'Victoria Road'];
const DOMAINS = ['example.com', 'mail.example.org', 'example.net', 'corp.example'];

export function makePeople(rng: Rng, n: number): Person[] {
  const out: Person[] = [];
  for (let pid = 0; pid < n; pid++) {
    const roll = rng.next();
    const country: Country = roll < 0.6 ? 'US' : roll < 0.8 ? 'DE' : 'GB';
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const local = `${first}.${last}`.toLowerCase().replace('ü', 'ue');
    const p: Person = {
      pid,
      country,
      first,
      last,
      // pid in the address keeps every e-mail unique, so identity is known exactly
      email: `${local}${pid}@${rng.pick(DOMAINS)}`,
      phone: '',
      dob: `${rng.int(1940, 2004)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      street: '',
      city: '',
      zip: '',
      card: id.paymentCard(rng),
      username: `${first[0]}${last}${pid}`.toLowerCase().replace('ü', 'ue'),
      passwordHash: id.bcryptHash(rng),
      ip: id.ipv4(rng),
    };
    if (country === 'US') {
      const place = rng.pick(US_PLACES);
      Object.assign(p, {
        phone: id.usPhone(rng, place.area),
        street: `${rng.int(1, 9999)} ${rng.pick(STREETS)}`,
        city: place.city,
        state: place.state,
        zip: place.zip3 + rng.digits(2),
        ssn: id.ssn(rng),
      });
    } else if (country === 'DE') {
      Object.assign(p, {
        phone: id.dePhone(rng),
        street: `${rng.pick(DE_STREETS)} ${rng.int(1, 120)}`,
        city: 'Berlin',
        zip: `10${rng.digits(3)}`,
        iban: id.iban(rng, 'DE'),
        nationalId: id.deTaxId(rng),
      });
    } else {
      Object.assign(p, {
        phone: id.gbPhone(rng),
        street: `${rng.int(1, 200)} ${rng.pick(GB_STREETS)}`,
        city: 'London',
        zip: `SW1A ${rng.int(1, 9)}AA`,
        iban: id.iban(rng, 'GB'),
        nationalId: id.ukNino(rng),
      });
    }
    out.push(p);
  }
  return out;
}

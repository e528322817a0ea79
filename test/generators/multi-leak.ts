/**
 * A multi-file leak of one customer base (issue 20 §7): a CRM CSV, an NDJSON order export, a
 * mysqldump (accounts and support calls) and an auth log, all about the same N people, with the
 * true identity of every record known. It holds what made people counts go wrong before:
 *  - e-mails in log lines written as `user=…`, `email='…'`, `<…>`, `for …` (they must link to the
 *    same e-mail in the tables);
 *  - households: every 40th customer shares phone and address with the next one, a different
 *    person (a shared phone or address alone must not merge them);
 *  - support calls with only a name and a phone (they link through name + phone);
 *  - masked card numbers, private and loopback IP addresses.
 * Composite keys are kept unambiguous on purpose (no two people share name + phone, name + birth
 * date or name + address): that is the rule's documented limit, not something to test here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as id from './identifiers.js';
import { US_PLACES } from './persons.js';
import { createRng, type Rng } from './prng.js';
import { csvLine } from './writers.js';

const FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark', 'Sandra', 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily', 'Kenneth', 'Donna', 'Joshua', 'Michelle', 'Kevin', 'Carol'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores'];
const STREETS = ['Main St', 'Oak Ave', 'Pine Rd', 'Maple Dr', 'Cedar Ln', 'Elm St', 'Park Blvd', 'Lake Dr', 'Hill Rd', 'Sunset Blvd'];
const DOMAINS = ['example.com', 'mail.example.org', 'example.net'];

export interface LeakPerson {
  pid: number;
  first: string;
  last: string;
  email: string;
  phone: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  dob: string;
  card: string;
  username: string;
}

export interface MultiLeak {
  files: string[];
  people: LeakPerson[];
  /** Pairs of different people who share one phone (and address). */
  households: [number, number][];
  /** Truth: distinct full names and distinct addresses (street + ZIP) in the leak. */
  distinctNames: number;
  distinctAddresses: number;
}

function makeLeakPeople(rng: Rng, n: number): { people: LeakPerson[]; households: [number, number][] } {
  const people: LeakPerson[] = [];
  const households: [number, number][] = [];
  const used = new Set<string>();
  for (let pid = 0; pid < n; pid++) {
    const place = rng.pick(US_PLACES);
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const mate = pid % 40 === 1 ? people[pid - 1] : null;
    let p: LeakPerson;
    for (;;) {
      p = {
        pid,
        first,
        last,
        email: `${first}.${last}.${pid}@${rng.pick(DOMAINS)}`.toLowerCase(),
        phone: mate ? mate.phone : id.usPhone(rng, place.area),
        street: mate ? mate.street : `${rng.int(1, 9999)} ${rng.pick(STREETS)}`,
        city: mate ? mate.city : place.city,
        state: mate ? mate.state : place.state,
        zip: mate ? mate.zip : place.zip3 + rng.digits(2),
        dob: `${rng.int(1940, 2004)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
        card: id.paymentCard(rng),
        username: `${first[0]}${last}${pid}`.toLowerCase(),
      };
      // A household mate with the same name would be one person by the rule: pick another name.
      if (mate && mate.first === p.first && mate.last === p.last) p.first = FIRST[(FIRST.indexOf(p.first) + 1) % FIRST.length];
      const name = `${p.first} ${p.last}`.toLowerCase();
      const keys = [`${name}|${p.phone}`, `${name}|${p.dob}`, `${name}|${p.street}|${p.zip}`];
      if (keys.every((k) => !used.has(k))) {
        for (const k of keys) used.add(k);
        break;
      }
    }
    if (mate) households.push([mate.pid, pid]);
    people.push(p);
  }
  return { people, households };
}

const sqlQuote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function writeMultiLeak(dir: string, opts: { seed?: number; people?: number; logLines?: number } = {}): MultiLeak {
  const rng = createRng(opts.seed ?? 20);
  const { people, households } = makeLeakPeople(rng, opts.people ?? 6000);
  const files: string[] = [];
  const put = (name: string, data: string) => {
    writeFileSync(join(dir, name), data);
    files.push(join(dir, name));
  };

  const crm = [csvLine(['id', 'first_name', 'last_name', 'email', 'phone', 'street', 'city', 'state', 'zip', 'date_of_birth'])];
  for (const p of people) crm.push(csvLine([p.pid + 1, p.first, p.last, p.email, p.phone, p.street, p.city, p.state, p.zip, p.dob]));
  put('crm.csv', `${crm.join('\n')}\n`);

  const orders: string[] = [];
  for (const p of people) {
    if (!rng.chance(0.6)) continue;
    orders.push(
      JSON.stringify({
        order_id: `ORD-${rng.digits(8)}`,
        customer: { name: `${p.first} ${p.last}`, email: p.email.toUpperCase(), phone: p.phone.replace(/^\+1 /, '(').replace('-', ') ') },
        shipping: { street: p.street, city: p.city, postcode: p.zip, country: 'US' },
        payment: { method: 'card', card_last4: `************${p.card.replace(/\D/g, '').slice(-4)}` },
      }),
    );
  }
  put('orders.ndjson', `${orders.join('\n')}\n`);

  const sql = ['-- MySQL dump 10.13  Distrib 8.0.36', 'LOCK TABLES `users` WRITE;'];
  const accounts = people.filter(() => rng.chance(0.7));
  for (let i = 0; i < accounts.length; i += 100) {
    const tuples = accounts
      .slice(i, i + 100)
      .map((p) => `(${p.pid + 1},${sqlQuote(p.username)},${sqlQuote(p.email)},${sqlQuote(id.bcryptHash(rng))},${sqlQuote(id.ipv4(rng))})`);
    sql.push(`INSERT INTO \`users\` (\`id\`,\`username\`,\`email\`,\`password_hash\`,\`last_login_ip\`) VALUES ${tuples.join(',')};`);
  }
  sql.push('UNLOCK TABLES;', 'LOCK TABLES `support_calls` WRITE;');
  const calls = people.filter(() => rng.chance(0.2));
  for (let i = 0; i < calls.length; i += 100) {
    const tuples = calls.slice(i, i + 100).map((p, j) => `(${i + j + 1},${sqlQuote(`${p.first} ${p.last}`)},${sqlQuote(p.phone)},'callback')`);
    sql.push(`INSERT INTO \`support_calls\` (\`id\`,\`caller_name\`,\`phone\`,\`outcome\`) VALUES ${tuples.join(',')};`);
  }
  sql.push('UNLOCK TABLES;', '');
  put('shop.sql', sql.join('\n'));

  const log: string[] = [];
  const n = opts.logLines ?? 20_000;
  for (let i = 0; i < n; i++) {
    const p = people[rng.int(0, people.length - 1)];
    const ts = `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:07Z`;
    const roll = rng.int(0, 6);
    if (roll === 0) log.push(`${ts} sshd[${rng.int(100, 9999)}]: Accepted password for ${p.email} from ${id.ipv4(rng)} port ${rng.int(1024, 65535)} ssh2`);
    else if (roll === 1) log.push(`${ts} auth: login ok user=${p.email} ip=10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`);
    else if (roll === 2) log.push(`${ts} auth: password reset requested email='${p.email}' from 127.0.0.1`);
    else if (roll === 3) log.push(`${ts} mail: queued reset link to=<${p.email}>`);
    else if (roll === 4) log.push(`${ts} billing: card ************${p.card.replace(/\D/g, '').slice(-4)} declined for ${p.email}`);
    else if (roll === 5) log.push(`${ts} auth: login failed for "${p.email.toUpperCase()}" (bad password)`);
    else log.push(`${ts} health: ok in ${rng.int(1, 90)} ms`);
  }
  put('auth.log', `${log.join('\n')}\n`);

  return {
    files,
    people,
    households,
    distinctNames: new Set(people.map((p) => `${p.first} ${p.last}`)).size,
    distinctAddresses: new Set(people.map((p) => `${p.street}|${p.zip}`)).size,
  };
}

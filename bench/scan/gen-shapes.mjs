#!/usr/bin/env node
/**
 * Leaks shaped like real ones (issue 21), each from its own seeded randomness, streamed to disk:
 *   node bench/scan/gen-shapes.mjs SHAPE SIZE_MB OUT [SEED]
 * Values are drawn at random (random area codes, random names from large pools, random streets),
 * so a scan cannot lean on repetition the way the dense benchmark CSV lets it. Shapes: see SHAPES.
 */
import { createWriteStream } from 'node:fs';
import { seeded } from './seeded.mjs';
import { once } from 'node:events';

const [shape, sizeMb, out, seedArg] = process.argv.slice(2);

const { rnd, int, pick } = seeded(Number(seedArg ?? 0) || [...(shape ?? '')].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7));
const digits = (n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += int(0, 9);
  return s;
};
const pad = (n, w) => String(n).padStart(w, '0');
function luhn(p) {
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    let d = p.charCodeAt(p.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return p + String((10 - (sum % 10)) % 10);
}

const FIRST = ['José', 'María', 'Zoë', 'Chloé', 'Renée', 'André', 'Łukasz', 'Søren', 'Björn', 'Inés', 'Noël', 'Françoise',
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Daniel', 'Nancy', 'Matthew', 'Lisa',
  'Anthony', 'Betty', 'Mark', 'Margaret', 'Donald', 'Sandra', 'Steven', 'Ashley', 'Paul', 'Kimberly', 'Andrew', 'Emily',
  'Joshua', 'Donna', 'Kenneth', 'Michelle', 'Kevin', 'Carol', 'Brian', 'Amanda', 'George', 'Dorothy', 'Timothy', 'Melissa',
  'Ronald', 'Deborah', 'Edward', 'Stephanie', 'Jason', 'Rebecca', 'Jeffrey', 'Sharon', 'Ryan', 'Laura', 'Jacob', 'Cynthia',
  'Gary', 'Kathleen', 'Nicholas', 'Amy', 'Eric', 'Angela', 'Jonathan', 'Shirley', 'Stephen', 'Anna', 'Larry', 'Brenda',
  'Justin', 'Pamela', 'Scott', 'Emma', 'Brandon', 'Nicole', 'Benjamin', 'Helen', 'Samuel', 'Samantha', 'Gregory', 'Katherine'];
const LAST = ["O'Brien", "D'Angelo", "O'Connor", 'Müller', 'González', 'Núñez', 'Åberg', 'Dvořák', 'Lefèvre',
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White',
  'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott',
  'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell',
  'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
  'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson'];
const STREETS = ['Main', 'Oak', 'Pine', 'Maple', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Sunset', 'Park', 'River',
  'Church', 'Highland', 'Jefferson', 'Lincoln', 'Madison', 'Franklin', 'Chestnut', 'Walnut', 'Spring', 'Ridge'];
const TYPES = ['St', 'Ave', 'Rd', 'Blvd', 'Ln', 'Dr', 'Ct', 'Way', 'Pl', 'Terrace'];
const CITIES = [['Springfield', 'IL'], ['Portland', 'OR'], ['Austin', 'TX'], ['Denver', 'CO'], ['Miami', 'FL'],
  ['Boston', 'MA'], ['Seattle', 'WA'], ['Phoenix', 'AZ'], ['Columbus', 'OH'], ['Nashville', 'TN'], ['Raleigh', 'NC'],
  ['Albany', 'NY'], ['Fresno', 'CA'], ['Tulsa', 'OK'], ['Omaha', 'NE'], ['Reno', 'NV'], ['Boise', 'ID'], ['Dover', 'DE']];
const DOMAINS = ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'aol.com', 'proton.me', 'example.org'];
const WORDS = ('the customer called about a late delivery and asked for a refund of the order placed last week ' +
  'package arrived damaged please contact back after five pm prefers email follow up next month ' +
  'complaint escalated to supervisor account verified address changed shipping label reprinted').split(' ');

const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase();
const person = () => {
  const first = pick(FIRST);
  const last = pick(LAST);
  return { first, last, full: `${first} ${last}`, email: `${ascii(first)}.${ascii(last)}${int(1, 99999)}@${pick(DOMAINS)}` };
};
/** NANP: area and exchange 2–9 then two digits, never N11; the subscriber any 4 digits. */
const nanp = () => {
  let a;
  do a = `${int(2, 9)}${digits(2)}`;
  while (a[1] === '1' && a[2] === '1');
  let e;
  do e = `${int(2, 9)}${digits(2)}`;
  while (e[1] === '1' && e[2] === '1');
  return [a, e, digits(4)];
};
const usNational = () => {
  const [a, e, s] = nanp();
  return `(${a}) ${e}-${s}`;
};
/** Area 001–899 but not 666, group 01–99, serial 0001–9999. */
const ssn = () => {
  let a;
  do a = int(1, 899);
  while (a === 666);
  return `${pad(a, 3)}-${pad(int(1, 99), 2)}-${pad(int(1, 9999), 4)}`;
};
const dob = () => `${int(1940, 2005)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;
const street = () => `${int(1, 9999)} ${pick(STREETS)} ${pick(TYPES)}`;
const card = () => luhn(`${pick(['4', '51', '52', '53', '54', '55'])}${digits(14)}`.slice(0, 15));
const money = () => `${int(1, 2999)}.${pad(int(0, 99), 2)}`;
const ipv4 = () => `${int(1, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;
const csvq = (s) => `"${s.replace(/"/g, '""')}"`;
const sentence = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
const capital = (s) => `${s[0].toUpperCase()}${s.slice(1)}.`;

/** International phones in the formats exports carry: E.164, national, with and without spaces. */
const INTL = [
  () => `+1 ${usNational()}`,
  () => { const [a, e, s] = nanp(); return `+1${a}${e}${s}`; },
  () => `+44 7${int(100, 999)} ${digits(6)}`,
  () => `07${int(100, 999)} ${digits(6)}`,
  () => `+49 15${int(1, 9)} ${digits(8)}`,
  () => `+33 6 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
  () => `06 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
  () => `+34 6${digits(2)} ${digits(3)} ${digits(3)}`,
  () => `+39 3${digits(2)} ${digits(7)}`,
  () => `+61 4${digits(2)} ${digits(3)} ${digits(3)}`,
  () => `+91 9${digits(4)} ${digits(5)}`,
  () => `+55 11 9${digits(4)}-${digits(4)}`,
];
const COUNTRIES = ['US', 'US', 'GB', 'GB', 'DE', 'FR', 'FR', 'ES', 'IT', 'AU', 'IN', 'BR'];

const customersUS = {
  header: 'id,full_name,email,phone,ssn,dob,street,city,state,zip,card_number,order_total',
  row(i) {
    const p = person();
    const [city, state] = pick(CITIES);
    return `${i},${csvq(p.full)},${p.email},${usNational()},${ssn()},${dob()},${street()},${city},${state},${pad(int(501, 99950), 5)},${card()},${money()}`;
  },
};
const SHAPES = {
  /** The reviewer's export (issue 21): 12 columns, quoted names, US national phones. */
  'customers-us': { ...customersUS, encoding: 'utf8' },
  /** The same in Latin-1 (ISO 8859-1), as Windows exports still write it. */
  'customers-latin1': { ...customersUS, encoding: 'latin1' },
  /** The same in UTF-16LE with a BOM, as Excel's "Unicode text" writes it. */
  'customers-utf16': { ...customersUS, encoding: 'utf16le' },
  /** Few unquoted columns, international phones in mixed formats, a country column. */
  'customers-intl': {
    header: 'customer_id,name,email,phone,country',
    row(i) {
      const p = person();
      const k = int(0, INTL.length - 1);
      return `${i},${p.full},${p.email},${INTL[k]()},${COUNTRIES[k]}`;
    },
  },
  /** Many columns (28), every field quoted, two wide free-text columns. */
  'customers-wide': {
    header: ['id', 'first_name', 'last_name', 'email', 'phone', 'mobile', 'ssn', 'dob', 'street', 'city', 'state', 'zip',
      'card_number', 'card_exp', 'iban_last4', 'order_id', 'order_date', 'order_total', 'currency', 'status', 'channel',
      'ip_address', 'user_agent', 'notes', 'support_transcript', 'created_at', 'updated_at', 'loyalty_tier'].join(','),
    row(i) {
      const p = person();
      const [city, state] = pick(CITIES);
      const f = [i, p.first, p.last, p.email, usNational(), `+1${nanp().join('')}`, ssn(), dob(), street(), city, state,
        pad(int(501, 99950), 5), card(), `${pad(int(1, 12), 2)}/${int(26, 31)}`, digits(4), `ORD-${digits(9)}`,
        `2024-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`, money(), 'USD', pick(['shipped', 'open', 'refunded']),
        pick(['web', 'store', 'phone']), ipv4(), `Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/${int(90, 130)}.0`,
        sentence(int(8, 30)), sentence(int(20, 60)), `2024-01-${pad(int(1, 28), 2)}T${pad(int(0, 23), 2)}:00:00Z`,
        `2024-02-${pad(int(1, 28), 2)}T${pad(int(0, 23), 2)}:00:00Z`, pick(['gold', 'silver', 'bronze'])];
      return f.map((x) => csvq(String(x))).join(',');
    },
  },
  /**
   * A help-desk ticket export (RFC 4180, CRLF row ends as Excel and help-desk tools write them):
   * the ticket body, the last agent reply and the shipping address are quoted cells holding line
   * breaks — greeting, a few sentences, a signature with the requester's name and phone —, now and
   * then a doubled quote. Its blocks almost always end inside a cell (issue 21, wide21).
   */
  tickets: {
    header: 'ticket_id,created_at,requester,requester_email,requester_phone,subject,description,status,priority,assignee,tags,last_reply,shipping_address',
    eol: '\r\n',
    row(i) {
      const p = person();
      const agent = pick(FIRST);
      const [city, state] = pick(CITIES);
      const lines = (n) => Array.from({ length: n }, () => capital(sentence(int(5, 16)))).join(pick(['\n', '\n', ' ', '\r\n']));
      const body = `Hi,\n\n${lines(int(1, 4))}${int(0, 9) === 0 ? `\nThe label says "${pick(WORDS)} ${pick(WORDS)}".` : ''}\n\nThanks,\n${p.first}\n${usNational()}`;
      const reply = `Hello ${p.first},\n${lines(int(1, 3))}\nBest regards,\n${agent} (support)`;
      const f = [`T-${100000 + i}`, `2024-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)} ${pad(int(0, 23), 2)}:${pad(int(0, 59), 2)}`, p.full, p.email,
        usNational(), capital(sentence(int(3, 8))), body, pick(['open', 'pending', 'solved', 'closed']), pick(['low', 'normal', 'high', 'urgent']),
        agent, pick(['delivery', 'refund', 'damaged', 'billing', 'account']), reply, `${street()}\n${city}, ${state} ${pad(int(501, 99950), 5)}`];
      return f.map((x) => csvq(String(x))).join(',');
    },
  },
  /** NDJSON export (one customer object a line, nested address). */
  ndjson: {
    row(i) {
      const p = person();
      const [city, state] = pick(CITIES);
      return JSON.stringify({ id: i, name: p.full, email: p.email, phone: usNational(), ssn: ssn(), dob: dob(),
        address: { street: street(), city, state, zip: pad(int(501, 99950), 5) }, card: card(), total: Number(money()) });
    },
  },
  /** mysqldump: extended INSERTs of 200 rows. */
  mysqldump: {
    header: "CREATE TABLE `customers` (\n  `id` int NOT NULL,\n  `full_name` varchar(100),\n  `email` varchar(100),\n  `phone` varchar(32),\n  `ssn` varchar(11),\n  `dob` date,\n  `card_number` varchar(19),\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;",
    group: 200,
    groupStart: 'INSERT INTO `customers` VALUES ',
    groupSep: ',',
    groupEnd: ';',
    row(i) {
      const p = person();
      const q = (s) => `'${s.replace(/'/g, "\\'")}'`;
      return `(${i},${q(p.full)},${q(p.email)},${q(usNational())},${q(ssn())},${q(dob())},${q(card())})`;
    },
  },
  /** pg_dump: one COPY block, tab-separated. */
  pgdump: {
    header: 'CREATE TABLE public.customers (\n    id integer NOT NULL,\n    full_name text,\n    email text,\n    phone text,\n    ssn text,\n    dob date,\n    card_number text\n);\n\nCOPY public.customers (id, full_name, email, phone, ssn, dob, card_number) FROM stdin;',
    footer: '\\.',
    row(i) {
      const p = person();
      return `${i}\t${p.full}\t${p.email}\t${usNational()}\t${ssn()}\t${dob()}\t${card()}`;
    },
  },
  /** nginx "combined" access log; a share of requests carry an e-mail or phone in the query. */
  weblog: {
    row() {
      const r = rnd();
      const q = r < 0.1 ? `/account?email=${encodeURIComponent(person().email)}` : r < 0.15 ? `/lookup?phone=${encodeURIComponent(usNational())}` : `/static/${pick(['app', 'vendor', 'main'])}.${digits(6)}.js`;
      return `${ipv4()} - - [12/Mar/2024:${pad(int(0, 23), 2)}:${pad(int(0, 59), 2)}:${pad(int(0, 59), 2)} +0000] "GET ${q} HTTP/1.1" ${pick([200, 200, 304, 404])} ${int(200, 90000)} "https://shop.example.com/" "Mozilla/5.0 (X11; Linux x86_64) Firefox/${int(100, 125)}.0"`;
    },
  },
  /** sshd auth.log (syslog): logins and failures with user names and source addresses. */
  authlog: {
    row() {
      const p = person();
      const ts = `Mar ${pad(int(1, 28), 2)} ${pad(int(0, 23), 2)}:${pad(int(0, 59), 2)}:${pad(int(0, 59), 2)}`;
      const user = ascii(p.first) + int(1, 999);
      const kind = rnd();
      const msg = kind < 0.4 ? `Failed password for invalid user ${user} from ${ipv4()} port ${int(1024, 65535)} ssh2`
        : kind < 0.7 ? `Accepted publickey for ${user} from ${ipv4()} port ${int(1024, 65535)} ssh2: RSA SHA256:${digits(20)}`
        : kind < 0.9 ? `pam_unix(sshd:session): session opened for user ${user}(uid=${int(1000, 60000)}) by (uid=0)`
        : `Disconnected from authenticating user ${user} ${ipv4()} port ${int(1024, 65535)} [preauth]`;
      return `${ts} web-${int(1, 40)} sshd[${int(1000, 99999)}]: ${msg}`;
    },
  },
};

async function writeText(def, target, file) {
  const enc = def.encoding ?? 'utf8';
  const ws = createWriteStream(file);
  let written = 0;
  let buf = [];
  let bufLen = 0;
  const flush = async () => {
    const eol = def.eol ?? '\n';
    const text = `${buf.join(eol)}${eol}`;
    buf = [];
    bufLen = 0;
    const b = enc === 'utf16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, enc === 'latin1' ? 'latin1' : 'utf8');
    written += b.length;
    if (!ws.write(b)) await once(ws, 'drain');
  };
  if (enc === 'utf16le') ws.write(Buffer.from([0xff, 0xfe]));
  if (def.header) buf.push(def.header);
  let i = 1;
  while (written < target) {
    if (def.group) {
      const rows = [];
      for (let k = 0; k < def.group; k++) rows.push(def.row(i++));
      buf.push(`${def.groupStart}${rows.join(def.groupSep)}${def.groupEnd}`);
    } else buf.push(def.row(i++));
    bufLen += def.group ?? 1;
    // Flush by rows written, so `written` (the size test) never lags far behind (groups are lines of 200 rows).
    if (bufLen >= 2000) await flush();
  }
  if (def.footer) buf.push(def.footer);
  await flush();
  ws.end();
  await once(ws, 'finish');
}

/** XLSX through exceljs' streaming writer (shared strings on, as Excel writes them). */
async function writeXlsx(target, file) {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('Customers');
  ws.addRow(customersUS.header.split(',')).commit();
  // ~95 bytes of sheet XML + shared strings per row after deflate is far less; size by rows.
  const rows = Math.round(target / 115);
  for (let i = 1; i <= rows; i++) {
    const p = person();
    const [city, state] = pick(CITIES);
    ws.addRow([i, p.full, p.email, usNational(), ssn(), dob(), street(), city, state, pad(int(501, 99950), 5), card(), Number(money())]).commit();
  }
  ws.commit();
  await wb.commit();
}

if (!(shape in SHAPES) && shape !== 'xlsx') {
  console.error(`usage: gen-shapes.mjs ${[...Object.keys(SHAPES), 'xlsx'].join('|')} SIZE_MB OUT [SEED]`);
  process.exit(2);
}
const target = Number(sizeMb) * 1e6;
if (!target || !out) {
  console.error('usage: gen-shapes.mjs SHAPE SIZE_MB OUT [SEED]');
  process.exit(2);
}
if (shape === 'xlsx') await writeXlsx(target, out);
else await writeText(SHAPES[shape], target, out);

/**
 * Labelled corpus generator: realistic leaked files in several formats (CSV with decoy columns,
 * nested NDJSON, a mysqldump and a pg_dump, an XLSX, a log with PII in free text, a .zip and a
 * .tar.gz), the same people repeated across files, and the ground truth of every record.
 * Deterministic for a seed. Usage: `await generateCorpus(dir, { seed: 1 })`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementId } from '../../src/assessment/scanner/types.js';
import * as id from './identifiers.js';
import { makePeople, type Person } from './persons.js';
import { createRng, type Rng } from './prng.js';
import { key, Truth } from './truth.js';
import { csvLine, tarGzBuffer, writeXlsx, zipBuffer } from './writers.js';
import { writeLog, writeSqlDumps } from './corpus-text.js';

export interface Corpus {
  dir: string;
  /** Leaked files to scan (top level). */
  files: string[];
  /** The organisation's own customer list (for --customers). */
  customersFile: string;
  truth: Truth;
}

export interface CorpusOptions {
  seed?: number;
  /** Scales every file's record count (1 = a few hundred records per file). */
  scale?: number;
}

/** Jurisdiction codes a US/DE/GB person's address fields reveal. */
export function addressCode(p: Person): string {
  return p.country === 'US' ? `US-${p.state}` : p.country;
}

function usersCsv(rng: Rng, truth: Truth, us: Person[], extra: Person[], n: number): string {
  const file = 'shop-users.csv';
  const lines = [
    csvLine(['id', 'first_name', 'last_name', 'email', 'phone', 'ssn', 'date_of_birth', 'street', 'city', 'state', 'zip', 'card_number', 'order_no', 'tracking_no']),
  ];
  const decoys = () => [id.ssn(rng), id.luhnDecoy(rng)];
  for (let i = 0; i < n; i++) {
    const p = us[i % us.length];
    const els: ElementId[] = ['person_name', 'email'];
    const codes: string[] = [];
    const keys = [key.email(p)];
    const has = (prob: number, el: ElementId, code?: string) => {
      const yes = rng.chance(prob);
      if (yes) {
        els.push(el);
        if (code) codes.push(code);
      }
      return yes;
    };
    const phone = has(0.85, 'phone', 'US');
    if (phone) keys.push(key.phone(p));
    const ssn = has(0.8, 'us_ssn', 'US');
    const dob = has(0.85, 'date_of_birth');
    const addr = has(0.85, 'postal_address', addressCode(p));
    const card = has(0.5, 'payment_card');
    lines.push(
      csvLine([i + 1, p.first, p.last, p.email, phone ? p.phone : '', ssn ? p.ssn : '', dob ? p.dob : '',
        addr ? p.street : '', addr ? p.city : '', addr ? p.state : '', addr ? p.zip : '', card ? p.card : '', ...decoys()]),
    );
    truth.record(file, els, p.pid, codes, keys);
  }
  // Name and address but no strong identifier: one individual each (docs/scan-json.md rule).
  for (const p of extra) {
    lines.push(csvLine([lines.length, p.first, p.last, '', '', '', '', p.street, p.city, p.state, p.zip, '', ...decoys()]));
    truth.record(file, ['person_name', 'postal_address'], p.pid, [addressCode(p)]);
  }
  // Rows with nothing personal.
  for (let i = 0; i < 3; i++) {
    lines.push(csvLine([lines.length, '', '', '', '', '', '', '', '', '', '', '', ...decoys()]));
    truth.record(file, [], null);
  }
  return `${lines.join('\n')}\n`;
}

function ordersNdjson(rng: Rng, truth: Truth, people: Person[], file: string): string {
  const out: string[] = [];
  for (const p of people) {
    const els: ElementId[] = ['person_name', 'email'];
    const codes: string[] = [];
    const keys = [key.email(p)];
    const customer: Record<string, unknown> = { name: `${p.first} ${p.last}`, email: p.email };
    if (rng.chance(0.7)) {
      customer.phone = p.phone;
      els.push('phone');
      codes.push(p.country);
      keys.push(key.phone(p));
    }
    if (rng.chance(0.8)) {
      customer.address = { street: p.street, city: p.city, postcode: p.zip, country: p.country };
      els.push('postal_address');
      codes.push(addressCode(p));
    }
    const payment: Record<string, unknown> = { method: 'transfer', amount: rng.int(5, 900) };
    if (p.iban && rng.chance(0.7)) {
      payment.iban = p.iban;
      els.push('iban');
      codes.push(p.country);
    }
    const record = {
      order_id: `ORD-${rng.digits(8)}`,
      customer,
      payment,
      tracking: { carrier: 'UPS', number: id.luhnDecoy(rng) },
      items: [{ sku: `SKU-${rng.digits(5)}`, qty: rng.int(1, 4) }],
    };
    out.push(JSON.stringify(record));
    truth.record(file, els, p.pid, codes, keys);
  }
  return `${out.join('\n')}\n`;
}

function newsletterCsv(truth: Truth, people: Person[], file: string): Buffer {
  const lines = [csvLine(['email', 'first_name', 'last_name', 'country'])];
  for (const p of people) {
    lines.push(csvLine([p.email, p.first, p.last, p.country]));
    truth.record(file, ['email', 'person_name'], p.pid, [p.country], [key.email(p)]);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

function contactsNdjson(rng: Rng, truth: Truth, people: Person[], file: string): Buffer {
  const out: string[] = [];
  for (const p of people) {
    const phone = rng.chance(0.6);
    const contact: Record<string, string> = { full_name: `${p.first} ${p.last}`, email: p.email };
    if (phone) contact.mobile = p.phone;
    out.push(JSON.stringify({ id: rng.digits(6), source: 'crm', contact }));
    const keys = [key.email(p), ...(phone ? [key.phone(p)] : [])];
    truth.record(file, ['person_name', 'email', ...(phone ? (['phone'] as const) : [])], p.pid, phone ? [p.country] : [], keys);
  }
  return Buffer.from(`${out.join('\n')}\n`);
}

export async function generateCorpus(dir: string, opts: CorpusOptions = {}): Promise<Corpus> {
  const rng = createRng(opts.seed ?? 1);
  const scale = opts.scale ?? 1;
  mkdirSync(dir, { recursive: true });
  const people = makePeople(rng, Math.round(400 * scale));
  const us = people.filter((p) => p.country === 'US');
  const eu = people.filter((p) => p.country !== 'US');
  const nameOnly = makePeople(createRng((opts.seed ?? 1) + 1000), 40)
    .filter((p) => p.country === 'US')
    .slice(0, 5)
    .map((p, i) => ({ ...p, pid: 1_000_000 + i }));
  const truth = new Truth();
  const files: string[] = [];
  const put = (name: string, data: string | Buffer) => {
    writeFileSync(join(dir, name), data);
    files.push(join(dir, name));
  };

  put('shop-users.csv', usersCsv(rng, truth, us.slice(0, Math.round(200 * scale)), nameOnly, Math.round(220 * scale)));
  put('orders.ndjson', ordersNdjson(rng, truth, [...eu, ...us.slice(0, 40)], 'orders.ndjson'));
  writeSqlDumps(rng, truth, people, put);
  put('app.log', writeLog(rng, truth, people, Math.round(400 * scale)));

  const nlFile = 'leak.zip!/exports/newsletter.csv';
  const newsletter = newsletterCsv(truth, people.filter((_, i) => i % 3 === 0), nlFile);
  const readme = Buffer.from('Newsletter export\nGenerated nightly\n');
  truth.record('leak.zip!/exports/README.txt', [], null);
  truth.record('leak.zip!/exports/README.txt', [], null);
  put('leak.zip', zipBuffer([{ name: 'exports/newsletter.csv', data: newsletter }, { name: 'exports/README.txt', data: readme }]));

  const crmFile = 'backup.tar.gz!/crm/contacts.ndjson';
  put('backup.tar.gz', await tarGzBuffer([{ name: 'crm/contacts.ndjson', data: contactsNdjson(rng, truth, people.filter((_, i) => i % 4 === 1), crmFile) }]));

  const vip = people.filter((_, i) => i % 10 === 3);
  const vipRows = vip.map((p) => {
    truth.record('vip.xlsx', ['person_name', 'email', 'phone', 'date_of_birth'], p.pid, [p.country], [key.email(p), key.phone(p)]);
    return [`${p.first} ${p.last}`, p.email, p.phone, p.dob, p.country];
  });
  await writeXlsx(join(dir, 'vip.xlsx'), 'VIP', ['Name', 'E-Mail', 'Telefon', 'Geburtsdatum', 'Land'], vipRows);
  files.push(join(dir, 'vip.xlsx'));

  // The organisation's customers: some leaked people, some never leaked.
  const never = makePeople(createRng((opts.seed ?? 1) + 2000), 40).map((p, i) => ({ ...p, pid: 2_000_000 + i }));
  const custLines = [csvLine(['customer_id', 'full_name', 'email', 'phone'])];
  for (const p of [...people.filter((_, i) => i % 5 === 0), ...never]) {
    custLines.push(csvLine([`C${p.pid}`, `${p.first} ${p.last}`, p.email, p.phone]));
    truth.customerPids.push({ pid: p.pid, keys: [key.email(p), key.phone(p)] });
  }
  truth.customers = custLines.length - 1;
  const customersFile = join(dir, 'customers.csv');
  writeFileSync(customersFile, `${custLines.join('\n')}\n`);
  return { dir, files, customersFile, truth };
}

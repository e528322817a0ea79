/**
 * People counting on a multi-file leak (issue 20 §7, "Done when": tests pin the linking rules):
 * the same 6,000 people in a CSV, an NDJSON export, a SQL dump and an auth log are 6,000
 * individuals — an e-mail in a log line links to the same e-mail in the tables, a household's
 * shared phone and address do not merge two customers, a support call with only a name and a
 * phone links to its customer — and names and addresses are counted as whole values.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScanResult, scan } from '../../src/assessment/scanner/engine/scan.js';
import { type MultiLeak, writeMultiLeak } from './multi-leak.js';

let dir: string;
let leak: MultiLeak;
let all: ScanResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'breachdesk-multi-leak-'));
  leak = writeMultiLeak(dir, { seed: 20, people: 6000, logLines: 20_000 });
  all = await scan({ paths: leak.files, workers: 0 });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('people across a multi-file leak', () => {
  it('reads every file without errors', () => {
    expect(all.report.files.flatMap((f) => f.errors)).toEqual([]);
  });

  it('counts each of the 6,000 people once across CSV, NDJSON, SQL and the auth log', () => {
    expect(leak.households.length).toBeGreaterThan(100);
    expect(all.report.totals.individuals).toBe(leak.people.length);
    expect(all.report.elements.email.distinctValues).toBe(leak.people.length);
  });

  it('does not merge the households that share a phone and an address (CRM alone)', async () => {
    const crm = await scan({ paths: [join(dir, 'crm.csv')], workers: 0 });
    expect(crm.report.totals.individuals).toBe(leak.people.length);
    expect(crm.report.elements.phone.distinctValues).toBe(leak.people.length - leak.households.length);
  });

  it('links a support call (name + phone, no e-mail) to its customer, and only to it', async () => {
    const r = await scan({ paths: [join(dir, 'crm.csv'), join(dir, 'shop.sql')], workers: 0 });
    expect(r.report.totals.individuals).toBe(leak.people.length);
  });

  it('counts whole names and addresses, masked cards and internal addresses apart', () => {
    const el = all.report.elements;
    expect(el.person_name.distinctValues).toBe(leak.distinctNames);
    expect(el.postal_address.distinctValues).toBe(leak.distinctAddresses);
    expect(el.payment_card_partial.records).toBeGreaterThan(1000);
    expect(el.payment_card).toBeUndefined();
    expect(el.ip_address_internal.records).toBeGreaterThan(1000);
  });

  it('never joins two people with their own e-mails by name + birth date; a record without one attaches', async () => {
    const a = join(dir, 'namesakes.csv');
    const b = join(dir, 'visits.csv');
    writeFileSync(a, 'name,email,date_of_birth\nJohn Smith,john.smith@example.com,1980-01-01\nJohn Smith,jsmith77@example.org,1980-01-01\n');
    writeFileSync(b, 'patient,birth_date,phone\nJohn Smith,1980-01-01,\nSmith John,1980-01-01,\n');
    const r = await scan({ paths: [a, b], workers: 0 });
    expect(r.report.totals.individuals).toBe(2);
  });
});

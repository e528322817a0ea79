/**
 * Outside review of people counting (task people22): the same people written differently in a
 * CSV, NDJSON and a SQL dump of one archive are counted once each, in the right jurisdictions,
 * and people who only share a household, a name or a phone's digits are not merged.
 * adversarial-people.ts says what each file holds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/assessment/scanner/engine/scan.js';
import { type AdversarialLeak, adversarialLeak } from './adversarial-people.js';

let dir: string;
let leak: AdversarialLeak;
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breachdesk-people22-'));
  leak = adversarialLeak({ seed: 22, people: 56 });
  for (const [name, data] of Object.entries(leak.files)) writeFileSync(path(name), data);
  writeFileSync(path('leak.zip'), leak.zip());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const individuals = async (...files: string[]) => (await scan({ paths: files.map(path), workers: 0 })).report.totals.individuals;

describe('one person written differently is one individual', () => {
  it('the anchor table alone: one individual per person', async () => {
    expect(await individuals('crm.csv')).toBe(leak.people.length);
  });

  it.each([
    ['orders.ndjson', 'e-mail: case, trailing dot, IDN Unicode/Punycode, quoted local part, mailto:, +tag, spaces'],
    ['billing.sql', 'card with spaces, dashes or dots'],
    ['hr.csv', 'SSN with or without dashes, spaces or dots'],
    ['calls.csv', 'name + phone: national with trunk 0, dots, (0), 00, tel: URIs, extensions'],
    ['visits.ndjson', 'name + birth date: ISO, dd.mm.yyyy, d Month yyyy, yyyymmdd, DD-MON-YYYY, dd/mm/yyyy'],
    ['claims.csv', 'name + birth date: US m/d/yyyy, day and month both ≤ 12 in some rows'],
    // Outside review 4: before, each of these files counted most of its people twice.
    ['staff.csv', 'name + phone: Dr./Mr/Prof./Ms titles, middle initials, PhD, umlauts written out (Mueller)'],
    ['members.csv', 'name + birth date: Jr., III, Senior, Jnr; two-digit years dd.mm.yy and m/d/yy'],
  ])('%s links to the anchor (%s)', async (file) => {
    expect(await individuals('crm.csv', file)).toBe(leak.people.length);
  });

  it('every SSN and card is found whatever its separators (dots: outside review 4)', async () => {
    const hr = (await scan({ paths: [path('hr.csv')], workers: 0 })).report;
    expect(hr.elements.us_ssn?.distinctValues).toBe(leak.people.filter((p) => p.ssn !== null).length);
    const billing = (await scan({ paths: [path('billing.sql')], workers: 0 })).report;
    expect(billing.elements.payment_card?.distinctValues).toBe(leak.people.length);
  });

  it('the whole archive (CSV + NDJSON + SQL): people and negatives counted once, per jurisdiction', async () => {
    const r = (await scan({ paths: [path('leak.zip')], workers: 0 })).report;
    expect(r.files.flatMap((f) => f.errors)).toEqual([]);
    expect(r.totals.individuals).toBe(leak.people.length + leak.negativePeople);
    expect(r.jurisdictions).toEqual({ ...leak.jurisdictions, unknown: 0 });
  });
});

describe('people who only share something weak stay apart', () => {
  it('a family at one landline, namesakes, a father and son, one-dot-apart mailboxes, one national number in two countries, Sr. and Jr., Joe and Jo', async () => {
    expect(await individuals('negatives.csv')).toBe(leak.negativePeople);
  });

  it('the negatives do not merge into the people either', async () => {
    expect(await individuals('crm.csv', 'calls.csv', 'negatives.csv')).toBe(leak.people.length + leak.negativePeople);
  });
});

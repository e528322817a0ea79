import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from './scan.js';

/**
 * Outside review 4 (docs/scan-json.md): SSNs and card numbers written with dots or spaces, through
 * every reader — a CSV column, a header-less CSV, NDJSON keys and free text, a SQL dump and prose —
 * and what must stay no SSN or card (IPs, versions, dates, prices). Real readers and detectors, in
 * this thread and in worker threads.
 */
describe('scan: SSNs and cards with dots or spaces (outside review 4)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-review4-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const people = [
    ['Jane Doe', '536.22.1234', '4111.1111.1111.1111'],
    ['John Roe', '536 90 4399', '5555 5555 5555 4444'],
    ['Mary Poe', '853.37.1694', '3782.822463.10005'],
  ];

  for (const workers of [0, 2]) {
    it(`a CSV, NDJSON and SQL dump of dotted and spaced numbers: 3 SSNs, 3 cards, no phones, 3 people (workers ${workers})`, async () => {
      const csv = write(`people-${workers}.csv`, `name,ssn,card_number\n${people.map((r) => r.join(',')).join('\n')}\n`);
      const { report } = await scan({ paths: [csv], workers, tmpDir: dir });
      expect(report.elements.us_ssn?.distinctValues).toBe(3);
      expect(report.elements.payment_card?.distinctValues).toBe(3);
      expect(report.elements.phone).toBeUndefined();
      const ndjson = write(`people-${workers}.ndjson`, `${people.map(([n, s, c]) => JSON.stringify({ name: n, ssn: s, card: c })).join('\n')}\n`);
      const sql = write(`people-${workers}.sql`, `CREATE TABLE p (name text, ssn text, card_number text);\nINSERT INTO p VALUES ${people.map((r) => `('${r.join("','")}')`).join(',')};\n`);
      // The same people written with dashes in another file: one person each, by SSN and card.
      const dashed = write(`dashed-${workers}.csv`, `ssn,card\n536-22-1234,4111-1111-1111-1111\n536-90-4399,5555-5555-5555-4444\n853-37-1694,3782-822463-10005\n`);
      const all = await scan({ paths: [ndjson, sql, dashed], workers, tmpDir: dir });
      expect(all.report.elements.us_ssn?.distinctValues).toBe(3);
      expect(all.report.elements.payment_card?.distinctValues).toBe(3);
      expect(all.report.elements.phone).toBeUndefined();
      expect(all.report.totals.individuals).toBe(3);
    });

    it(`a header-less column of dotted SSNs is SSNs, not phones (workers ${workers})`, async () => {
      const ssns = ['536.22.1234', '536.90.4399', '853.37.1694', '536.90.4398', '536.91.4399', '401.22.9876'];
      const p = write(`noheader-${workers}.csv`, `${ssns.map((s, i) => `${i + 1},${s},ok`).join('\n')}\n`);
      const { report } = await scan({ paths: [p], workers, tmpDir: dir });
      expect(report.elements.us_ssn?.distinctValues).toBe(6);
      expect(report.elements.phone).toBeUndefined();
    });

    it(`prose and free-text cells: dotted and spaced numbers after their words, a card with its expiry (workers ${workers})`, async () => {
      const prose = [
        'Customer called about billing. His card 4111.1111.1111.1111 was charged twice.',
        'Other card on file: 5555 5555 5555 4444 05/27, please update.',
        'Her SSN is 536.22.1234 according to the form.',
        'ssn 536 90 4399 12/05/1987 as given.',
      ].join('\n');
      const txt = write(`notes-${workers}.txt`, `${prose}\n`);
      const json = write(`notes-${workers}.ndjson`, `${prose
        .split('\n')
        .map((note, i) => JSON.stringify({ id: i, note }))
        .join('\n')}\n`);
      for (const p of [txt, json]) {
        const { report } = await scan({ paths: [p], workers, tmpDir: dir });
        expect(report.elements.payment_card?.distinctValues).toBe(2);
        expect(report.elements.us_ssn?.distinctValues).toBe(2);
      }
    });

    it(`a .log written as CSV with a header is a table: its state column places people in their state (workers ${workers})`, async () => {
      const rows = ['timestamp,level,full_name,email,state,message'];
      const names = ['Jane Doe', 'John Roe', 'Mary Poe', 'Ann Lee', 'Bob Ray', 'Cy Young'];
      for (const [i, n] of names.entries()) rows.push(`2024-03-01T10:0${i}:00Z,INFO,${n},${n.toLowerCase().replace(' ', '.')}@example.org,${i % 2 ? 'TX' : 'CA'},"Login ok, session ${i}"`);
      const { report } = await scan({ paths: [write(`audit-${workers}.log`, `${rows.join('\n')}\n`)], workers, tmpDir: dir });
      expect(report.files[0].format).toBe('csv');
      expect(report.jurisdictions).toMatchObject({ 'US-CA': 3, 'US-TX': 3 });
    });

    it(`dotted IPs, versions, dates, prices and a bare dotted 3-2-4 number are no SSN or card (workers ${workers})`, async () => {
      const text = [
        'Server 10.1.2.3 upgraded to version 1.2.3.4 on 12.05.1987.',
        'Total 1.234.567.890.123,45 EUR; build 536.22.1234 released; order 4111.1111.1111.1112.',
        'Release 2024.1201.1530.0001 and amount 4.111.111.111.111.111.',
      ].join('\n');
      const { report } = await scan({ paths: [write(`fp-${workers}.txt`, `${text}\n`)], workers, tmpDir: dir });
      expect(report.elements.us_ssn).toBeUndefined();
      expect(report.elements.payment_card).toBeUndefined();
    });
  }
});

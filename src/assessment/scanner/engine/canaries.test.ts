import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { luhnDigit } from '../../../../test/generators/identifiers.js';
import { ExposureReportSchema } from '../../scan.schema.js';
import { type CanaryRecord, readCanaryFile } from './canaries.js';
import { defaultRead, scan } from './scan.js';

/** A Visa test-range card (4000…) with its Luhn check digit. */
const card = (body11: string) => `4000${body11}${luhnDigit(`4000${body11}`)}`;

const canary = (i: number, dataset: string, phone: string): CanaryRecord => ({
  id: `c${i}`,
  dataset,
  plantedWhere: `${dataset} table`,
  name: ['Alys Ashdown', 'Bram Brightwell', 'Cora Corrigan', 'Dario Dunmore', 'Edda Ellery', 'Felix Fairbank'][i]!,
  email: `canary.${i}.tok${i}abcdef@canary.example.org`,
  phone,
  card: card(String(31_415_926_500 + i)),
});
// Canary sets planted with numbers the organisation owns (valid numbers, unlike Breachdesk's own
// drama-range ones). B's third canary has A's first one's phone: a shared phone alone must not attribute.
const A = [canary(0, 'crm', '+442079460701'), canary(1, 'crm', '+442079460702'), canary(2, 'crm', '+442079460703')];
const B = [canary(3, 'newsletter', '+442079460801'), canary(4, 'newsletter', '+442079460802'), canary(5, 'newsletter', '+442079460701')];

const dir = mkdtempSync(join(tmpdir(), 'bd-canary-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function leak(name: string, lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
}

describe('canary records in a scan', () => {
  it('names the dataset whose canaries a leak holds, by e-mail, card, or name with phone; a shared phone alone attributes nothing', async () => {
    const rows = ['full_name,email,phone,card'];
    for (let i = 0; i < 30; i++) rows.push(`Person Number${i},person${i}@example.com,+4420794600${String(i).padStart(2, '0')},`);
    rows.push(`${A[0]!.name},${A[0]!.email},${A[0]!.phone},${A[0]!.card}`);
    rows.push(`${A[1]!.name},,${A[1]!.phone},`); // e-mail and card dropped: name + phone still single it out
    rows.push(`Someone Else,,${B[2]!.phone},`); // B's third canary's phone (= A[0]'s) with another name
    const path = leak('dump.csv', rows);
    const { report } = await scan({ paths: [path], workers: 0, canaries: [...A, ...B] });
    expect(ExposureReportSchema.parse(report).canaries).toEqual({
      known: 6,
      found: 2,
      datasets: [
        {
          dataset: 'crm',
          plantedWhere: ['crm table'],
          canariesFound: 2,
          canariesPlanted: 3,
          score: 0.667,
          matchedOn: { email: 1, payment_card: 1, name_phone: 2 },
          samples: ['c***@canary.example.org', 'c***@canary.example.org'],
        },
      ],
    });
    // Canaries are not customers, and nothing of theirs is in the report in clear.
    expect(report.matching).toEqual({ customers: 0, matched: 0, unmatched: 0 });
    const json = JSON.stringify(report);
    for (const c of [...A, ...B]) {
      expect(json).not.toContain(c.email);
      expect(json).not.toContain(c.card);
    }
  });

  it('reports an empty section for a set with no canary in the leak, and none without a set', async () => {
    const path = leak('clean.csv', ['email', 'nobody@example.com']);
    expect((await scan({ paths: [path], workers: 0, canaries: A })).report.canaries).toEqual({ known: 3, found: 0, datasets: [] });
    expect((await scan({ paths: [path], workers: 0 })).report.canaries).toBeUndefined();
  });

  it('finds canaries in free text (a log line) as in a table', async () => {
    const path = leak('mail.log', ['Dec  7 03:00:01 mx postfix/smtp[1]: to=<nobody@example.com>, status=sent', `Dec  7 03:00:02 mx postfix/smtp[2]: to=<${B[1]!.email}>, status=sent`]);
    const { report } = await scan({ paths: [path], workers: 0, canaries: [...A, ...B] });
    expect(report.canaries?.datasets.map((d) => [d.dataset, d.canariesFound])).toEqual([['newsletter', 1]]);
  });

  it('reads an exported canary set and names the rows it cannot use', async () => {
    const path = leak('canaries.csv', ['canary_id,dataset,planted_where,name,email,phone,card_number', `c0,crm,crm table,${A[0]!.name},${A[0]!.email},${A[0]!.phone},${A[0]!.card}`, `c9,,,X Y,x@y.org,,`]);
    const { canaries, problems } = await readCanaryFile(path, await defaultRead());
    expect(canaries).toEqual([{ id: 'c0', dataset: 'crm', plantedWhere: 'crm table', name: A[0]!.name, email: A[0]!.email, phone: A[0]!.phone, card: A[0]!.card }]);
    expect(problems).toEqual([`${path} (line 3): no dataset`]);
    const wrong = leak('people.csv', ['name,email', 'A B,a@b.org']);
    expect((await readCanaryFile(wrong, await defaultRead())).problems[0]).toMatch(/no "dataset" column/);
  });
});

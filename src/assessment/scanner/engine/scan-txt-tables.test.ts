import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from './scan.js';

/**
 * A delimited export saved as `.txt` (`mysql -B`, `SELECT … INTO OUTFILE`, a pipe-delimited
 * export dialog) is a table: its state column places people in their state. Read as prose, the
 * same file put every resident in bare `US` and no state's notice counted them. Without a header
 * (INTO OUTFILE), dates of birth and street addresses were not reported at all.
 */
describe('a delimited table in a .txt file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-txt-table-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const STATES = ['OH', 'TX', 'CA', 'WA', 'NY', 'CO'];
  const ZIPS = ['43215', '73301', '94203', '98101', '12207', '80202'];
  const FIRST = ['Ann', 'Bob', 'Cy', 'Di', 'Ed', 'Fay', 'Gus', 'Hal', 'Ida', 'Jo', 'Kit', 'Lou'];
  const LAST = ['Lee', 'Ray', 'Dunn', 'Lopez', 'Moss', 'Hart', 'Gray', 'Cole', 'Ford', 'Hill', 'Kerr', 'Long'];
  // name, e-mail, phone, SSN, date of birth, street, state, ZIP: 12 people, two a state.
  const PEOPLE = FIRST.map((f, i) => [
    `${f} ${LAST[i]}`,
    `${f.toLowerCase()}.${LAST[i].toLowerCase()}@example.com`,
    `(614) 555-01${String(10 + i)}`,
    `${409 + i}-46-${String(1096 + i)}`,
    `${1941 + 5 * i}-0${(i % 9) + 1}-1${i % 9}`,
    `${100 + 7 * i} ${['Elm St', 'Oak Ave', 'Hill Ct', 'Sunset Rd'][i % 4]}`,
    STATES[i % 6],
    ZIPS[i % 6],
  ]);
  const run = async (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return (await scan({ paths: [file], key: randomBytes(32), tmpDir: dir })).report;
  };

  it.each([
    ['pipes with a header', 'export.txt', `name|email|phone|ssn|dob|street|state|zip\n${PEOPLE.map((p) => p.join('|')).join('\n')}\n`],
    ['tabs without a header (INTO OUTFILE)', 'outfile.txt', `${PEOPLE.map((p, i) => [i + 1, ...p].join('\t')).join('\n')}\n`],
  ])('%s: read as a table, people counted in their states', async (_label, name, text) => {
    const r = await run(name, text);
    expect(r.files[0].format).not.toBe('text');
    expect(r.totals.individuals).toBe(12);
    expect(r.jurisdictions).toMatchObject({ 'US-OH': 2, 'US-TX': 2, 'US-CA': 2, 'US-WA': 2, 'US-NY': 2, 'US-CO': 2 });
    expect(r.jurisdictions.US).toBeUndefined();
    // Without a header too, births and street lines are what they are (classify/column-shapes.ts).
    expect(Object.keys(r.elements)).toEqual(expect.arrayContaining(['date_of_birth', 'postal_address', 'us_ssn', 'email', 'phone', 'person_name']));
  });

  it('keeps prose in a .txt file as text', async () => {
    const r = await run('letter.txt', 'Dear Ann Lee, thank you for writing.\nWe met, talked, and left, at last.\nReach me at ann.lee@example.com.\nBest,\nBob\n');
    expect(r.files[0].format).toBe('text');
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from './scan.js';

/**
 * A delimited export saved as `.txt` (`mysql -B`, `SELECT … INTO OUTFILE`, a pipe-delimited
 * export dialog) is a table: its state column places people in their state. Read as prose, the
 * same file put every resident in bare `US` and no state's notice counted them.
 */
describe('a delimited table in a .txt file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-txt-table-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const PEOPLE = [
    ['Ann Lee', 'ann.lee@example.com', '(614) 555-0101', '409-46-1096', 'OH', '43215'],
    ['Bob Ray', 'bob.ray@example.org', '(512) 555-0102', '458-97-2264', 'TX', '73301'],
    ['Cy Dunn', 'cy.dunn@example.net', '(916) 555-0103', '512-33-7764', 'CA', '94203'],
    ['Di Lopez', 'di.lopez@example.com', '(206) 555-0104', '623-18-0704', 'WA', '98101'],
    ['Ed Moss', 'ed.moss@example.org', '(518) 555-0105', '701-52-1558', 'NY', '12207'],
    ['Fay Hart', 'fay.hart@example.net', '(303) 555-0106', '219-64-3390', 'CO', '80202'],
  ];
  const run = async (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return (await scan({ paths: [file], key: randomBytes(32), tmpDir: dir })).report;
  };

  it.each([
    ['pipes with a header', 'export.txt', `name|email|phone|ssn|state|zip\n${PEOPLE.map((p) => p.join('|')).join('\n')}\n`],
    ['tabs without a header (INTO OUTFILE)', 'outfile.txt', `${PEOPLE.map((p, i) => [i + 1, ...p].join('\t')).join('\n')}\n`],
  ])('%s: read as a table, people counted in their states', async (_label, name, text) => {
    const r = await run(name, text);
    expect(r.files[0].format).not.toBe('text');
    expect(r.totals.individuals).toBe(6);
    expect(r.jurisdictions).toMatchObject({ 'US-OH': 1, 'US-TX': 1, 'US-CA': 1, 'US-WA': 1, 'US-NY': 1, 'US-CO': 1 });
    expect(r.jurisdictions.US).toBeUndefined();
  });

  it('keeps prose in a .txt file as text', async () => {
    const r = await run('letter.txt', 'Dear Ann Lee, thank you for writing.\nWe met, talked, and left, at last.\nReach me at ann.lee@example.com.\nBest,\nBob\n');
    expect(r.files[0].format).toBe('text');
  });
});

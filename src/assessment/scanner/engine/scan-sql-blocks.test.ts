import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanBothWays } from './blocks-testing.js';

function luhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** A mysqldump of people (linked by e-mail every 7th row), with one row the blocks cannot take. */
function writeDump(file: string, rows: number): void {
  const names = ["Ann O\\'Lee", 'Bob Stone', 'Chloé Martin', 'Dieter Müller'];
  const out = ['-- MySQL dump 10.13', 'CREATE TABLE `people` (`id` int, `name` text, `email` text, `phone` text, `ssn` text, `card_number` text, `date_of_birth` date, `state` text);'];
  for (let s = 0; s < rows; s += 200) {
    const tuples: string[] = [];
    for (let i = s; i < Math.min(rows, s + 200); i++) {
      const ssn = `${String(100 + (i % 600)).padStart(3, '0')}-${String(10 + (i % 80)).padStart(2, '0')}-${String(1000 + (i % 9000)).padStart(4, '0')}`;
      const email = i === 5000 ? "_binary 'x@example.com'" : `'user${i % 7 === 0 ? 0 : i}@example.com'`;
      tuples.push(`(${i},'${names[i % 4]}',${email},'+1 212-555-${String(i % 10000).padStart(4, '0')}','${ssn}','${luhn(`411111${String(i).padStart(9, '0')}`)}','199${i % 10}-0${1 + (i % 9)}-1${i % 10}',NULL)`);
    }
    out.push(`INSERT INTO \`people\` VALUES ${tuples.join(',')};`);
  }
  writeFileSync(file, `${out.join('\n')}\n`);
}

/**
 * The scan's two ways through a SQL dump — rows parsed by the reader, or strict rows handed over
 * unsplit and parsed where detection runs (readers/sql-block.ts) — must give the same report,
 * record by record. In-thread with the real readers and detectors; worker threads run the same
 * processBatch.
 */
describe('scan: SQL dump blocks split where detection runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-sqlblocks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const N = 12_000; // three batches: the second holds the row blocks cannot take, and goes as rows
  const file = join(dir, 'leak.sql');
  writeDump(file, N);

  it('gives the same report and the same per-record elements with and without blocks', async () => {
    const { plain, blocks } = await scanBothWays(file, 'sql-block', dir);
    expect(plain.blocks).toBe(0);
    expect(blocks.blocks).toBe(2);
    expect(blocks.report).toEqual(plain.report);
    expect(blocks.trace).toEqual(plain.trace);
    expect(plain.report.totals.records).toBe(N);
    expect(plain.report.elements.us_ssn?.records).toBeGreaterThan(N * 0.95);
    expect(plain.report.totals.individuals).toBeLessThan(N);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { luhnDigit } from '../../../../test/generators/identifiers.js';
import { scanBothWays } from './blocks-testing.js';

/** An NDJSON export of people (linked by e-mail every 7th line), with a broken line and a line of another shape. */
function writeExport(file: string, rows: number): void {
  const names = ["Ann O'Lee", 'Bob "B" Stone', 'Chloé Martin', 'Dieter Müller'];
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    const ssn = `${String(100 + (i % 600)).padStart(3, '0')}-${String(10 + (i % 80)).padStart(2, '0')}-${String(1000 + (i % 9000)).padStart(4, '0')}`;
    const card = `411111${String(i).padStart(9, '0')}`;
    const r = {
      id: i,
      name: names[i % 4],
      email: `user${i % 7 === 0 ? 0 : i}@example.com`,
      phone: `+1 212-555-${String(i % 10000).padStart(4, '0')}`,
      ssn,
      card: card + luhnDigit(card),
      dob: `199${i % 10}-0${1 + (i % 9)}-1${i % 10}`,
      address: { street: `${i} Main St`, state: 'NY', zip: '10001' },
      total: i / 4,
    };
    if (i === 5000) out.push('{"id": 5000, "broken"');
    else if (i === 9000) out.push(JSON.stringify({ ...r, extra: [1] }));
    else out.push(JSON.stringify(r));
  }
  writeFileSync(file, `${out.join('\n')}\n`);
}

/**
 * The scan's two ways through NDJSON — lines read into rows by the reader, or lines of one learned
 * shape handed over unparsed and read where detection runs (readers/ndjson-block.ts) — must give
 * the same report, record by record. In-thread with the real readers and detectors; worker threads
 * run the same processBatch.
 */
describe('scan: NDJSON blocks parsed where detection runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-ndjsonblocks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const N = 40_000;
  const file = join(dir, 'leak.ndjson');
  writeExport(file, N);

  it('gives the same report and the same per-record elements with and without blocks', async () => {
    const { plain, blocks } = await scanBothWays(file, 'ndjson-block', dir);
    expect(plain.blocks).toBe(0);
    expect(blocks.blocks).toBeGreaterThan(3);
    expect(blocks.report).toEqual(plain.report);
    expect(blocks.trace).toEqual(plain.trace);
    expect(plain.report.totals.records).toBe(N - 1);
    expect(plain.report.elements.us_ssn?.records).toBeGreaterThan(N * 0.95);
    expect(plain.report.totals.individuals).toBeLessThan(N);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { scanBothWays } from './blocks-testing.js';

/**
 * The scan's two ways through a workbook — rows parsed by the reader, or sheet rows handed over as
 * bytes and parsed where detection runs (readers/xlsx-blocks.ts) — give the same report, record
 * by record, on a workbook exceljs writes with several layouts: shared and inline strings, rich
 * text, dates, formulas, a hidden sheet, a sheet without a header, rows wider than the header.
 */
describe('scan: XLSX sheets parsed where detection runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bd-xlsxblocks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function workbook(file: string, sharedStrings: boolean): Promise<void> {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: sharedStrings, useStyles: true });
    const people = wb.addWorksheet('People');
    people.addRow(['id', 'full_name', 'email', 'phone', 'ssn', 'dob', 'notes', 'balance']).commit();
    const first = ['Ann', 'José', "O'Neil", 'Zoë', 'Li', 'Marta', 'Kwame', 'Eva'];
    const last = ['Lee', 'García', 'Smith', 'Müller', 'Chen', 'Okafor', 'Novak', 'Dubois'];
    for (let i = 1; i <= 11_000; i++) {
      const name = `${first[i % 8]} ${last[(i * 7) % 8]}`;
      const row = people.addRow([
        i,
        i % 5 === 0 ? { richText: [{ text: first[i % 8] }, { font: { bold: true }, text: ` ${last[(i * 7) % 8]}` }] } : name,
        `${first[i % 8].toLowerCase().replace(/[^a-z]/g, '')}.${i}@example.com`,
        `(${200 + (i % 700)}) 555-${String(1000 + (i % 9000)).padStart(4, '0')}`,
        `${String(100 + (i % 600)).padStart(3, '0')}-${String(10 + (i % 89))}-${String(1000 + ((i * 37) % 9000))}`,
        new Date(Date.UTC(1950 + (i % 50), i % 12, 1 + (i % 28))),
        i % 3 === 0 ? `call back & ask for ${name}` : null,
        i % 4 === 0 ? { formula: `A${i + 1}*2`, result: i * 2 } : i / 4,
      ]);
      // Now and then a cell past the header: a batch with more columns.
      if (i % 4999 === 0) row.getCell(11).value = 'extra 123-45-6789';
      row.commit();
    }
    people.commit();
    const hidden = wb.addWorksheet('Hidden', { state: 'hidden' });
    for (let i = 1; i <= 5000; i++) hidden.addRow([`${first[i % 8]} ${last[i % 8]}`, `${i}.${last[i % 8].toLowerCase()}@example.org`, 4_000_000_000 + i]).commit();
    hidden.commit();
    await wb.commit();
  }

  for (const shared of [true, false]) {
    it(`gives the same report and per-record elements with and without blocks (${shared ? 'shared' : 'inline'} strings)`, async () => {
      const file = join(dir, `book-${shared}.xlsx`);
      await workbook(file, shared);
      const { plain, blocks } = await scanBothWays(file, 'xlsx-block', dir);
      expect(plain.blocks).toBe(0);
      expect(blocks.blocks).toBeGreaterThanOrEqual(2);
      expect(blocks.report).toEqual(plain.report);
      expect(blocks.trace).toEqual(plain.trace);
      // Both sheets were read and are personal data (the reader's own row counts: xlsx-reader.test.ts).
      expect(plain.report.totals.records).toBeGreaterThan(14_000);
      expect(plain.report.elements.email?.records).toBeGreaterThan(14_000);
      expect(plain.report.elements.us_ssn?.records).toBeGreaterThan(10_000);
    }, 180_000);
  }
});

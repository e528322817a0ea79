/** Reads an uploaded people file (CSV/TSV via udsv, XLSX via exceljs) into a header and rows. */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { inferSchema, initParser } from 'udsv';
import { BadInputError } from '../platform/errors.js';

export interface Table {
  headers: string[];
  rows: string[][];
}

export function isXlsx(buf: Buffer): boolean {
  // XLSX is a ZIP container (PK\x03\x04).
  return buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

export function readCsv(text: string): Table {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new BadInputError('the file is empty');
  const schema = inferSchema(body, { header: () => [] });
  const all = initParser(schema).stringArrs(body) as string[][];
  const rows = all.filter((r) => r.some((c) => c.trim() !== ''));
  const headers = (rows.shift() ?? []).map((h) => h.trim());
  return { headers, rows };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: string; result?: unknown; richText?: { text: string }[]; hyperlink?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return String(o.result);
    return '';
  }
  return String(v);
}

/** First worksheet of an XLSX workbook, read with exceljs' streaming reader. */
export async function readXlsx(buf: Buffer): Promise<Table> {
  const rows: string[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { worksheets: 'emit', sharedStrings: 'cache' });
  for await (const ws of reader) {
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      const vals = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < vals.length; i++) cells[i - 1] = cellText(vals[i]).trim();
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      if (cells.some((c) => c !== '')) rows.push(cells);
    }
    break;
  }
  const headers = rows.shift() ?? [];
  return { headers, rows };
}

export async function readTable(buf: Buffer): Promise<Table> {
  const t = isXlsx(buf) ? await readXlsx(buf) : readCsv(buf.toString('utf8'));
  if (t.headers.length === 0) throw new BadInputError('the file has no header row');
  return t;
}

/**
 * Parsers for the small SpreadsheetML parts of an XLSX (ECMA-376 Part 1): workbook (sheet names,
 * date1904), relationships and styles (which cell styles are dates); the shared-strings table is in
 * xlsx-shared-strings.ts.
 */
import { attr } from './xml-scanner.js';

/**
 * Excel holds at most 32,767 characters per cell; text beyond 4× that (escaped XML) is dropped so a
 * hostile 200 MB string never sits in memory.
 */
export const MAX_CELL_CHARS = 4 * 32_767;

export interface SheetRef {
  name: string;
  /** Zip entry name, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

export function parseWorkbook(workbookXml: string, relsXml: string): { sheets: SheetRef[]; date1904: boolean } {
  const rels = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const sheets: SheetRef[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attr(m[1], 'name') ?? `Sheet${sheets.length + 1}`;
    const rid = attr(m[1], 'id');
    const part = rid ? rels.get(rid) : undefined;
    if (part) sheets.push({ name, part });
  }
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbookXml);
  const d1904 = pr ? attr(pr[1], 'date1904') : null;
  return { sheets, date1904: d1904 === '1' || d1904 === 'true' };
}

/** Built-in number formats that are dates (ECMA-376 Part 1 §18.8.30). */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** For each cellXfs index: is it a date style? */
export function parseDateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, boolean>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const id = Number(attr(m[1], 'numFmtId'));
    custom.set(id, isDateFormat(attr(m[1], 'formatCode') ?? ''));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml);
  if (!xfs) return [];
  const out: boolean[] = [];
  for (const m of xfs[1].matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    out.push(custom.get(id) ?? BUILTIN_DATE.has(id));
  }
  return out;
}

/** Serial day number → ISO date (1900 system counts from 1899-12-30 because of the 1900 leap-year bug). */
export function serialToIsoDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial > 2_958_465) return null;
  // Serials 1–59 precede Excel's fictitious 1900-02-29 (serial 60), so they count from 1899-12-31.
  const base = date1904 ? Date.UTC(1904, 0, 1) : serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Fast paths for the common forms of a shared string (here) and a cell (xlsx-reader.ts), as Excel
 * and exceljs write them; tests turn them off to compare with the general tokenizer's path.
 */
export const xlsxFast = { on: true };

/**
 * A sheet read in blocks for the detection threads (xlsx-blocks.ts, xlsx-rows.ts,
 * xlsx-block-rows.ts) gives the batches the reading thread's parse gives (readSheet): the same
 * tables, columns and rows in the same order, on sheets mixing the forms writers use with the ones
 * the row finder leaves to the tokenizer, cut into byte chunks anywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReaderEvent } from '../types.js';
import { eachXlsxBlockRow } from './xlsx-block-rows.js';
import { readSheetBlocks } from './xlsx-blocks.js';
import { SharedStrings, type SstHandle } from './xlsx-shared-strings.js';
import { readSheet } from './xlsx-reader.js';
import { xlsxBlockRows } from './xlsx-sheet.js';

const SST_ITEMS = ['name', 'email', 'phone', 'Ann Lee', 'ann@example.com', 'O\u2019Brien & Co', '(275) 748-1542', 'é', '', 'x'.repeat(300)];
function sharedStrings(): { sst: SharedStrings; handle: SstHandle } {
  const sst = new SharedStrings(1 << 20);
  const esc = (t: string) => t.replace(/&/g, '&amp;');
  sst.scanner.feed(`<sst>${SST_ITEMS.map((t) => `<si><t>${esc(t)}</t></si>`).join('')}</sst>`);
  const handle = sst.handle();
  if (!handle) throw new Error('no handle');
  return { sst, handle };
}
const dateStyles = [false, true, false];

const col = (j: number) => (j < 26 ? String.fromCharCode(65 + j) : `A${String.fromCharCode(65 + (j - 26))}`);

/** One cell at column j of row i, in form k. */
function cellXml(k: number, j: number, i: number, v: number): string {
  const r = `${col(j)}${i}`;
  switch (k) {
    case 0:
      return `<c r="${r}" t="s"><v>${v % SST_ITEMS.length}</v></c>`;
    case 1:
      return `<c r="${r}"><v>${v * 7}</v></c>`;
    case 2:
      return `<c r="${r}" s="1"><v>${29000 + v}</v></c>`;
    case 3:
      return `<c r="${r}" t="inlineStr"><is><t>inline ${v} &amp; é</t></is></c>`;
    case 4:
      return `<c r="${r}" s="2" t="str"><v>O&apos;Brien ${v}</v></c>`;
    case 5:
      return `<c r="${r}" t="b"><v>${v % 2}</v></c>`;
    case 6:
      return `<c r="${r}" t="inlineStr"><is><t xml:space="preserve"> ${v} </t></is></c>`;
    case 7:
      return `<c r="${r}"><f>A1+1</f><v>${v}</v></c>`;
    case 8:
      return `<c r="${r}" t="inlineStr"><is><r><t>ri</t></r><r><rPr/><t>ch ${v}</t></r></is></c>`;
    case 9:
      return `<c r="${r}" s="1"/>`;
    case 10:
      return `<c t="s"><v>${v % 4}</v></c>`;
    case 11:
      return `<c t='n' r='${r}'><v>${v}</v></c>`;
    case 12:
      return `<c r="${r.toLowerCase()}"><v>${v}</v></c>`;
    case 13:
      return `<c r="${r}" t="e"><v>#N/A</v></c>`;
    case 14:
      return `<c r="${r}"><v></v></c>`;
    case 15:
      return `\n  <c r="${r}" t="s"><v>${v % 3}</v></c>`;
    case 16:
      return `<c r="XFE${i}"><v>${v}</v></c>`;
    case 17:
      return `<c r="${r}" t="str"><v>&#x41;&#66;&lt;</v></c>`;
    default:
      return `<c r="${r}" t="s"><v>999</v></c>`;
  }
}

/** Rarer constructs: the row finder gives up on some, others change the batch's columns. */
function oddRow(k: number, i: number): string {
  switch (k) {
    case 0:
      return `<row r="${i}"><c r="A${i}"><v>1</v></c><!-- note --><c r="B${i}"><v>2</v></c></row>`;
    case 1:
      return `<row r="${i}"><c r="A${i}" t="str"><v><![CDATA[a</row>b]]></v></c></row>`;
    case 2:
      return `<x:row r="${i}"><x:c r="A${i}"><x:v>3</x:v></x:c></x:row>`;
    case 3:
      // Wider than the header: a batch with more columns.
      return `<row r="${i}">${Array.from({ length: 12 }, (_, j) => cellXml(1, j, i, j)).join('')}</row>`;
    case 4:
      // Far wider: its own batch.
      return `<row r="${i}"><c r="CZ${i}"><v>9</v></c></row>`;
    case 5:
      return `<row r="${i}"/>`;
    case 6:
      return `<row r="${i}"></row>`;
    case 7:
      return `<row><c r="A${i}"><v>5</v></c></row>`;
    default:
      return `<?pi x?><row r="${i}"><c r="A${i}"><v>6</v></c></row>`;
  }
}

const sheetArb = fc.record({
  rows: fc.integer({ min: 4000, max: 13_000 }),
  forms: fc.array(fc.array(fc.integer({ min: 0, max: 18 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
  odd: fc.array(fc.record({ at: fc.integer({ min: 1, max: 13_000 }), k: fc.integer({ min: 0, max: 8 }) }), { maxLength: 4 }),
  header: fc.boolean(),
  seed: fc.integer({ min: 1, max: 1 << 30 }),
  cuts: fc.array(fc.integer({ min: 1, max: 400_000 }), { maxLength: 8 }),
});

function sheetXml(s: { rows: number; forms: number[][]; odd: { at: number; k: number }[]; header: boolean; seed: number }): string {
  let seed = s.seed;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const odd = new Map(s.odd.map((o) => [o.at, o.k]));
  const out: string[] = ['<?xml version="1.0"?><worksheet><sheetData>'];
  if (s.header) out.push('<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>dob</t></is></c></row>');
  for (let i = 2; i < s.rows; i++) {
    const k = odd.get(i);
    if (k !== undefined) {
      out.push(oddRow(k, i));
      continue;
    }
    const forms = s.forms[rnd(s.forms.length)];
    out.push(`<row r="${i}" spans="1:6">${forms.map((f, j) => cellXml(f, j, i, rnd(1000))).join('')}</row>`);
  }
  out.push('</sheetData></worksheet>');
  return out.join('\n');
}

type Batch = { kind: string; table?: string; columns?: string[]; rows?: (string | null)[][]; message?: string };

async function viaTokenizer(xml: string, sst: SharedStrings): Promise<Batch[]> {
  const out: Batch[] = [];
  async function* one() {
    yield xml;
  }
  for await (const e of readSheet('b.xlsx', 'S', one(), sst, dateStyles, false)) out.push(strip(e));
  return out;
}

async function viaBlocks(xml: string, cuts: number[], sst: SharedStrings, handle: SstHandle): Promise<{ batches: Batch[]; blocks: number }> {
  const bytes = Buffer.from(xml);
  const points = [...new Set(cuts.map((c) => c % bytes.length))].sort((a, b) => a - b);
  async function* chunks() {
    let from = 0;
    for (const p of points) {
      yield bytes.subarray(from, p);
      from = p;
    }
    yield bytes.subarray(from);
  }
  const out: Batch[] = [];
  let blocks = 0;
  for await (const e of readSheetBlocks('b.xlsx', 'S', chunks(), { sst, handle, dateStyles, date1904: false })) {
    if (e.kind === 'xlsx-block') {
      blocks++;
      const width = e.columns.length;
      const ref = xlsxBlockRows(e.buf, e.sheet, width, null, e.rows);
      const walked: (string | null)[][] = [];
      eachXlsxBlockRow(e.buf, e.sheet, width, null, e.rows, (r) => walked.push(r));
      expect(walked).toEqual(ref);
      // With a projection, the walk gives the kept columns of the same rows.
      const keep = [width - 1, 0];
      const kept: (string | null)[][] = [];
      eachXlsxBlockRow(e.buf, e.sheet, width, keep, e.rows, (r) => kept.push(r));
      expect(kept).toEqual(ref.map((r) => keep.map((j) => r[j])));
      out.push({ kind: 'records', table: e.table, columns: e.columns, rows: ref });
    } else out.push(strip(e));
  }
  return { batches: out, blocks };
}

function strip(e: ReaderEvent): Batch {
  if (e.kind === 'records') return { kind: e.kind, table: e.table, columns: e.columns, rows: e.rows };
  if (e.kind === 'error') return { kind: e.kind, message: e.message };
  return { kind: e.kind };
}

describe('XLSX sheets in blocks', () => {
  it('give the batches, columns and rows the tokenizer gives', async () => {
    let withBlocks = 0;
    await fc.assert(
      fc.asyncProperty(sheetArb, async (s) => {
        const xml = sheetXml(s);
        const { sst, handle } = sharedStrings();
        const want = await viaTokenizer(xml, sst);
        const got = await viaBlocks(xml, s.cuts, sst, handle);
        expect(got.batches).toEqual(want);
        if (got.blocks > 0) withBlocks++;
      }),
      { numRuns: 25 },
    );
    // Most sheets really went through blocks (the rest gave up early on an odd row).
    expect(withBlocks).toBeGreaterThan(5);
  }, 120_000);

  it('hands a plain sheet over in blocks after its first batch', async () => {
    const xml = sheetXml({ rows: 20_000, forms: [[0, 1, 2, 3, 4]], odd: [], header: true, seed: 7 });
    const { sst, handle } = sharedStrings();
    const got = await viaBlocks(xml, [], sst, handle);
    expect(got.blocks).toBe(4);
    expect(got.batches.map((b) => b.rows?.length)).toEqual([4096, 4096, 4096, 4096, 3614]);
    expect(got.batches[0].columns).toEqual(['name', 'email', 'phone', 'dob', 'column_5']);
    expect(got.batches).toEqual(await viaTokenizer(xml, sst));
  });
});

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readStream } from './index.js';
import { collect, errorsOf, makeZip, recordsOf } from './testing.js';
import { MAX_CELL_CHARS, serialToIsoDate } from './xlsx-parts.js';
import { SharedStrings, SstView } from './xlsx-shared-strings.js';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s1 = wb.addWorksheet('Customers');
  s1.addRow(['Name', 'Email', 'Birth date', 'Balance']);
  s1.addRow(['Ann Lee', 'ann@example.com', new Date(Date.UTC(1980, 4, 17)), 12.5]);
  s1.addRow(['Bob', { text: 'bob@example.org', hyperlink: 'mailto:bob@example.org' }, null, { formula: '1+1', result: 2 }]);
  const s2 = wb.addWorksheet('Raw');
  s2.addRow(['123-45-6789', 'x']);
  s2.addRow(['987-65-4320', 'y']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('XLSX reader', () => {
  it('reads each sheet as a table with header sniffing and cell values as text', async () => {
    const evs = await collect(readStream('book.xlsx', Readable.from([await workbook()])));
    expect(evs[0]).toMatchObject({ kind: 'file-start', format: 'xlsx' });
    expect(errorsOf(evs)).toEqual([]);
    const [c, r] = recordsOf(evs);
    expect(c).toMatchObject({ table: 'Customers', columns: ['Name', 'Email', 'Birth date', 'Balance'], firstLocation: { unit: 'row', n: 2 } });
    expect(c.rows).toEqual([
      ['Ann Lee', 'ann@example.com', '1980-05-17', '12.5'],
      ['Bob', 'bob@example.org', null, '2'],
    ]);
    expect(r).toMatchObject({ table: 'Raw', columns: ['column_1', 'column_2'], firstLocation: { unit: 'row', n: 1 } });
    expect(r.rows).toHaveLength(2);
  });

  it('reports a corrupt workbook as an error event', async () => {
    const buf = await workbook();
    const evs = await collect(readStream('bad.xlsx', Readable.from([buf.subarray(0, 400)])));
    expect(errorsOf(evs).length).toBeGreaterThan(0);
    expect(evs.at(-2)).toMatchObject({ kind: 'file-end' });
  });

  it('reads a hand-built workbook: sheet before sharedStrings, rich text, inline strings, entities, custom date format, 1904 dates', async () => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const sheet = `<?xml version="1.0"?><worksheet ${ns}><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>dob</t></is></c><c r="D1" t="s"><v>2</v></c></row>
      <row r="3"><c r="A3" t="s"><v>3</v></c><c r="C3" s="1"><v>0</v></c><c r="D3" t="b"><v>1</v></c></row>
      <row r="4"><c r="A4" t="str"><f>A3</f><v>O&apos;Brien &amp; Co</v></c><c r="B4" t="e"><v>#N/A</v></c><c r="C4" s="1"><v>28000.75</v></c><c r="D4"><v>42</v></c></row>
    </sheetData></worksheet>`;
    const sst = `<sst ${ns}><si><t>name</t></si><si><r><t>e</t></r><r><t>mail</t></r><rPh><t>ignored</t></rPh></si><si><t>active</t></si><si><t xml:space="preserve">Ann &lt;Lee&gt;</t></si></sst>`;
    const x = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: `<workbook ${ns}><workbookPr date1904="1"/><sheets><sheet name="Pe&amp;ople" sheetId="1" r:id="rId7"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId7" Type="x" Target="worksheets/s.xml"/></Relationships>' },
      { name: 'xl/styles.xml', data: '<styleSheet><numFmts><numFmt numFmtId="170" formatCode="dd/mm/yyyy;@"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs></styleSheet>' },
      { name: 'xl/worksheets/s.xml', data: sheet, deflate: true },
      { name: 'xl/sharedStrings.xml', data: sst, deflate: true },
    ]);
    const evs = await collect(readStream('hand.xlsx', Readable.from([x])));
    expect(errorsOf(evs)).toEqual([]);
    const [b] = recordsOf(evs);
    expect(b).toMatchObject({ table: 'Pe&ople', columns: ['name', 'email', 'dob', 'active'], firstLocation: { unit: 'row', n: 3 } });
    expect(b.rows).toEqual([
      ['Ann <Lee>', null, '1904-01-01', 'TRUE'],
      ["O'Brien & Co", null, '1980-08-29', '42'],
    ]);
  });
});

describe('XLSX parts inflated by the reader', () => {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  // Rows enough for a sheet of several 256 KiB inflated chunks.
  const rows = Array.from({ length: 8000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>person ${i} &amp; co</t></is></c><c r="B${i + 1}"><v>${i * 7}</v></c></row>`).join('');
  const sheet = `<?xml version="1.0"?><worksheet ${ns}><sheetData>${rows}</sheetData></worksheet>`;
  const book = (declaredSize?: number) =>
    makeZip([
      { name: 'xl/workbook.xml', data: `<workbook ${ns}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Type="x" Target="worksheets/s.xml"/></Relationships>' },
      { name: 'xl/worksheets/s.xml', data: sheet, deflate: true, declaredSize },
    ]);

  it('reads a sheet of many inflated chunks whole', async () => {
    expect(sheet.length).toBeGreaterThan(3 * 256 * 1024);
    const evs = await collect(readStream('big.xlsx', Readable.from([book()])));
    expect(errorsOf(evs)).toEqual([]);
    const all = recordsOf(evs).flatMap((b) => b.rows);
    expect(all).toHaveLength(8000);
    expect(all[7999]).toEqual(['person 7999 & co', String(7999 * 7)]);
  });

  it('reports a part longer or shorter than its declared size, as yauzl did', async () => {
    for (const [size, msg] of [
      // dispatch.ts names yauzl's 'too many bytes in the stream' for what it is.
      [sheet.length - 10, /member expands beyond its declared size/],
      [sheet.length + 10, /not enough bytes in the stream/],
    ] as const) {
      const evs = await collect(readStream('sized.xlsx', Readable.from([book(size)])));
      expect(errorsOf(evs).map((e) => e.message).join('\n')).toMatch(msg);
      expect(evs.at(-2)).toMatchObject({ kind: 'file-end' });
    }
  });
});

describe('serialToIsoDate', () => {
  it('follows Excel day numbering in both date systems', () => {
    expect(serialToIsoDate(1, false)).toBe('1900-01-01');
    expect(serialToIsoDate(59, false)).toBe('1900-02-28');
    expect(serialToIsoDate(61, false)).toBe('1900-03-01');
    expect(serialToIsoDate(29358, false)).toBe('1980-05-17');
    expect(serialToIsoDate(0, true)).toBe('1904-01-01');
    expect(serialToIsoDate(0, false)).toBeNull();
    expect(serialToIsoDate(Number.NaN, false)).toBeNull();
  });
});

describe('SharedStrings', () => {
  it('gives back every item across its flat chunks, and nothing outside the table', () => {
    // ≈ 2.6 M characters: items fall on both sides of the 1 M-character chunk joins.
    const items: string[] = [];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 40_000; i++) {
      const len = rnd(9) === 0 ? 0 : rnd(4) === 0 ? 200 + rnd(300) : 1 + rnd(40);
      items.push(Array.from({ length: len }, (_, k) => 'abcdé Z&<'[(i + k) % 9]).join(''));
    }
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const xml = `<sst>${items.map((t) => `<si><t>${esc(t)}</t></si>`).join('')}</sst>`;
    const sst = new SharedStrings(64 * 1024 * 1024);
    for (let i = 0; i < xml.length; i += 300_000) expect(sst.scanner.feed(xml.slice(i, i + 300_000))).toBe(true);
    expect(items.join('').length).toBeGreaterThan(2_500_000);
    expect(sst.length).toBe(items.length);
    for (let i = 0; i < items.length; i++) if (sst.at(i) !== items[i]) expect([i, sst.at(i)]).toEqual([i, items[i]]);
    expect([sst.at(-1), sst.at(items.length), sst.at(Number.NaN)]).toEqual([undefined, undefined, undefined]);
  });

  it('keeps rich-text runs, skips phonetic runs and caps one string at MAX_CELL_CHARS', () => {
    const sst = new SharedStrings(1_000_000);
    const huge = 'x'.repeat(300_000);
    const xml = `<sst><si><r><t>a</t></r><r><t>b</t></r><rPh><t>z</t></rPh></si><si><t>${huge}</t></si><si><t>after</t></si></sst>`;
    for (let i = 0; i < xml.length; i += 1000) expect(sst.scanner.feed(xml.slice(i, i + 1000))).toBe(true);
    expect(sst.strings[0]).toBe('ab');
    expect(sst.strings[1].length).toBeLessThanOrEqual(MAX_CELL_CHARS + 1000);
    expect(sst.strings[1].length).toBeGreaterThanOrEqual(MAX_CELL_CHARS);
    expect(sst.strings[2]).toBe('after');
  });

  it('reads items past the cap as empty, in its shared-memory view too', () => {
    const sst = new SharedStrings(10);
    sst.scanner.feed('<sst><si><t>abcd</t></si><si><t>éfgh</t></si><si><t>ijkl</t></si><si><t>m</t></si></sst>');
    expect(sst.strings).toEqual(['abcd', 'éfgh', '', '']);
    expect(sst.truncated).toBe(true);
    const handle = sst.handle();
    expect(handle?.full).toBe(2);
    const view = new SstView(handle as NonNullable<typeof handle>);
    expect([0, 1, 2, 3, 4].map((i) => view.at(i))).toEqual(['abcd', 'éfgh', '', '', undefined]);
  });

  it('keeps an item UTF-8 cannot hold (a lone surrogate) exactly, and then stays off shared memory', () => {
    const sst = new SharedStrings(1000);
    sst.scanner.feed('<sst><si><t>a&#xD800;b</t></si><si><t>ok</t></si></sst>');
    expect(sst.strings).toEqual(['a\uD800b', 'ok']);
    expect(sst.handle()).toBeNull();
  });
});

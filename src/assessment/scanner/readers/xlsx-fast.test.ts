/**
 * The XLSX fast paths (a plain cell in xlsx-sheet.ts, a plain shared string in xlsx-shared-strings.ts) give
 * what the general tokenizer path gives, on sheets mixing the fast forms with every other form a
 * cell or string may take, cut into chunks anywhere.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { xlsxFast } from './xlsx-parts.js';
import { SharedStrings, SstView } from './xlsx-shared-strings.js';
import { readSheet } from './xlsx-reader.js';

afterEach(() => {
  xlsxFast.on = true;
});

const text = fc.oneof(
  fc.constantFrom('', '0', '12', '3.5', 'Ann', "O'Brien", 'x y', 'a&amp;b', '&lt;t&gt;', '&#x41;&#66;', '1>2', 'é', '28000.75', '-1', 'TRUE'),
  fc.string({ maxLength: 6 }).map((s) => s.replace(/[<&]/g, '')),
);
// XFE is past XLSX's last column (XFD): dropped on both paths. XFD itself would pad every row to 16,384 cells.
const letters = fc.constantFrom('A', 'B', 'C', 'L', 'Z', 'AA', 'AB', 'XFE');

/** One cell in one of the forms Excel, exceljs, LibreOffice or a hand-made file may write. */
const anyCell = fc
  .record({
    col: letters,
    row: fc.constantFrom('1', '2', '17', '0', '01'),
    hasR: fc.boolean(),
    s: fc.option(fc.constantFrom('0', '1', '2', '9'), { nil: undefined }),
    t: fc.option(fc.constantFrom('s', 'n', 'str', 'inlineStr', 'b', 'e', 'd', 'S'), { nil: undefined }),
    extra: fc.constantFrom('', ' x14:foo="1"', " cm='1'"),
    order: fc.constantFrom('rst', 'tsr', 'str'),
    quote: fc.constantFrom('"', "'"),
    space: fc.constantFrom(' ', '  ', '\n'),
    prefix: fc.constantFrom('', 'x:'),
    body: fc.constantFrom('v', 'fv', 'is', 'self', 'vv', 'empty', 'ws'),
    value: text,
  })
  .map((c) => {
    const q = c.quote;
    const parts: Record<string, string> = {};
    if (c.hasR) parts.r = `r=${q}${c.col}${c.row}${q}`;
    if (c.s !== undefined) parts.s = `s=${q}${c.s}${q}`;
    if (c.t !== undefined) parts.t = `t=${q}${c.t}${q}`;
    const attrs = [...c.order].flatMap((k) => (parts[k] ? [parts[k]] : [])).map((a) => c.space + a).join('') + c.extra;
    const p = c.prefix;
    const open = `<${p}c${attrs}`;
    const v = `<${p}v>${c.value}</${p}v>`;
    switch (c.body) {
      case 'self':
        return `${open}/>`;
      case 'fv':
        return `${open}><${p}f>A1</${p}f>${v}</${p}c>`;
      case 'is':
        return `${open}><${p}is><${p}t>${c.value}</${p}t></${p}is></${p}c>`;
      case 'vv':
        return `${open}>${v}${v}</${p}c>`;
      case 'empty':
        return `${open}></${p}c>`;
      case 'ws':
        return `${open}> ${v} </${p}c>`;
      default:
        return `${open}>${v}</${p}c>`;
    }
  });

/** The plain form the fast path takes (and near misses of it: row 0, `01`, column XFE). */
const plainCell = fc
  .record({ col: letters, row: fc.constantFrom('1', '2', '17', '0', '01', '1048576'), s: fc.option(fc.constantFrom('0', '1', '2'), { nil: undefined }), t: fc.option(fc.constantFrom('s', 'n', 'str', 'inlineStr', 'b', 'e', 'd'), { nil: undefined }), value: text })
  .map((c) => `<c r="${c.col}${c.row}"${c.s === undefined ? '' : ` s="${c.s}"`}${c.t === undefined ? '' : ` t="${c.t}"`}><v>${c.value}</v></c>`);
const cell = fc.oneof({ arbitrary: plainCell, weight: 3 }, { arbitrary: anyCell, weight: 2 });

const row = fc.record({ r: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }), self: fc.boolean(), cells: fc.array(cell, { maxLength: 8 }) }).map((r) => {
  const attrs = r.r === undefined ? '' : ` r="${r.r}" spans="1:8"`;
  return r.self && r.cells.length === 0 ? `<row${attrs}/>` : `<row${attrs}>${r.cells.join('')}</row>`;
});

/** `s` cut at the given fractions of its length. */
function cut(s: string, at: number[]): string[] {
  const points = [...new Set(at.map((f) => Math.floor(f * s.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(s.slice(from, p));
    from = p;
  }
  out.push(s.slice(from));
  return out;
}

async function sheetEvents(xml: string, chunks: number[], fast: boolean): Promise<unknown[]> {
  xlsxFast.on = fast;
  const sst = ['name', 'e-mail', 'Ann', '123-45-6789'];
  const dateStyles = [false, true, false];
  async function* pieces() {
    yield* cut(xml, chunks);
  }
  const out: unknown[] = [];
  for await (const ev of readSheet('book.xlsx', 'Sheet1', pieces(), sst, dateStyles, false)) out.push(ev);
  return out;
}

describe('XLSX fast paths', () => {
  it('a sheet reads the same with and without the cell fast path', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 30 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), async (rows, chunks) => {
        const xml = `<?xml version="1.0"?><worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`;
        expect(await sheetEvents(xml, chunks, true)).toEqual(await sheetEvents(xml, chunks, false));
      }),
      { numRuns: 150 },
    );
  });

  it('the fast path takes the plain cells exceljs writes', async () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>29358</v></c><c r="C2"><v>2536.14</v></c></row></sheetData></worksheet>';
    const evs = (await sheetEvents(xml, [], true)) as { rows: unknown }[];
    expect(evs.map((e) => e.rows)).toEqual([[['Ann', '1980-05-17', '2536.14']]]);
  });

  it('shared strings read the same with and without the fast path', () => {
    const run = fc.oneof(
      text.map((t) => `<si><t>${t}</t></si>`),
      text.map((t) => `<si><t xml:space="preserve">${t}</t></si>`),
      fc.tuple(text, text).map(([a, b]) => `<si><r><t>${a}</t></r><r><rPr/><t>${b}</t></r></si>`),
      fc.tuple(text, text).map(([a, b]) => `<si><t>${a}</t><rPh><t>${b}</t></rPh></si>`),
      text.map((t) => `<x:si><x:t>${t}</x:t></x:si>`),
      fc.constantFrom('<si/>', '<si><t/></si>', '<rPh>', '</rPh>', '<si><t>a</t>', '</si>', '<!-- c -->', '<![CDATA[a<b]]>'),
    );
    fc.assert(
      fc.property(fc.array(run, { maxLength: 20 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }), (items, chunks) => {
        const xml = `<sst count="9">${items.join('')}</sst>`;
        const read = (fast: boolean) => {
          xlsxFast.on = fast;
          const sst = new SharedStrings(40);
          const ok = cut(xml, chunks).map((c) => sst.scanner.feed(c));
          return { ok, strings: sst.strings, truncated: sst.truncated };
        };
        expect(read(true)).toEqual(read(false));
      }),
      { numRuns: 400 },
    );
  });

  it('plain shared strings cut by chunk ends stay off the tokenizer (feedBytes carries the cut item)', () => {
    const items = Array.from({ length: 2000 }, (_, i) => `item ${i} ${'x'.repeat(i % 23)}`);
    const xml = `<?xml version="1.0"?>\n<sst count="2000">${items.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
    const bytes = Buffer.from(xml);
    const sst = new SharedStrings(1 << 20);
    let tokenized = 0;
    const feed = sst.scanner.feed.bind(sst.scanner);
    sst.scanner.feed = (t: string) => {
      tokenized += t.length;
      return feed(t);
    };
    // 97-byte chunks: nearly every chunk end falls inside an item.
    for (let i = 0; i < bytes.length; i += 97) expect(sst.feedBytes(bytes.subarray(i, i + 97))).toBe(true);
    expect(sst.endBytes()).toBe(true);
    expect(sst.strings).toEqual(items);
    // Only the XML declaration, <sst …> and </sst> go through the tokenizer; before, a cut item
    // handed it every following chunk whole (the whole table here).
    expect(tokenized).toBeLessThan(100);
  });

  it('shared strings read the same from the part bytes (feedBytes) as from its decoded text', () => {
    const plain = fc.stringMatching(/^[a-zA-Z0-9 .@'()-]{0,12}$/);
    const item = fc.oneof(
      { arbitrary: plain.map((t) => `<si><t>${t}</t></si>`), weight: 4 },
      plain.map((t) => `<si><t xml:space="preserve">${t}</t></si>`),
      text.map((t) => `<si><t>${t}</t></si>`),
      text.map((t) => `<si><t>${t}é😀</t></si>`),
      fc.tuple(plain, text).map(([a, b]) => `<si><r><t>${a}</t></r><r><rPr/><t>${b}</t></r></si>`),
      fc.tuple(plain, plain).map(([a, b]) => `<si><t>${a}</t><rPh><t>${b}</t></rPh></si>`),
      plain.map((t) => `<x:si><x:t>${t}</x:t></x:si>`),
      fc.constantFrom('<si/>', '<si><t/></si>', '<rPh>', '</rPh>', '<si><t>a</t>', '</si>', '<!-- </si> -->', '<![CDATA[a<b]]>', '\n', 'a&amp;b'),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 8 }), fc.constantFrom(30, 200, 1 << 20), (items, cuts, max) => {
        const xml = `<?xml version="1.0"?>\n<sst count="9">${items.join('')}</sst>`;
        const fromText = new SharedStrings(max);
        fromText.scanner.feed(xml);
        const bytes = Buffer.from(xml);
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const fromBytes = new SharedStrings(max);
        let from = 0;
        for (const p of [...points, bytes.length]) {
          expect(fromBytes.feedBytes(bytes.subarray(from, p))).toBe(true);
          from = p;
        }
        expect(fromBytes.endBytes()).toBe(true);
        expect({ strings: fromBytes.strings, truncated: fromBytes.truncated }).toEqual({ strings: fromText.strings, truncated: fromText.truncated });
      }),
      { numRuns: 600 },
    );
  });

  it('a table past one piece of bytes (16 MB) and of ends (262,144 items) reads whole, here and from its handle', () => {
    // The pieces start small and grow as they fill: every growth, the item across the 16 MB piece
    // boundary and the first item of the second ends piece, by both paths (fast and tokenizer).
    const want: string[] = [];
    const xml: string[] = ['<?xml version="1.0"?>\n<sst>'];
    for (let i = 0; i < 300_000; i++) {
      const v = i % 3 === 0 ? `Ann é ${i} ${'x'.repeat(i % 97)}` : `person${i}@example.org ${'y'.repeat(i % 61)}`;
      want.push(v);
      xml.push(i % 5 === 0 ? `<si><r><t>${v}</t></r></si>` : `<si><t>${v}</t></si>`);
    }
    xml.push('</sst>');
    const bytes = Buffer.from(xml.join(''));
    expect(Buffer.byteLength(want.join(''))).toBeGreaterThan(16 << 20);
    const t = new SharedStrings(1 << 30);
    for (let i = 0; i < bytes.length; i += 65_536) expect(t.feedBytes(bytes.subarray(i, i + 65_536))).toBe(true);
    expect(t.endBytes()).toBe(true);
    expect(t.truncated).toBe(false);
    expect(t.strings).toEqual(want);
    const view = new SstView(t.handle()!);
    expect(Array.from({ length: want.length }, (_, i) => view.at(i))).toEqual(want);
  });
});

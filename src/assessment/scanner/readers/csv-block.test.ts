import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../../test/generators/prng.js';
import type { ReaderEvent } from '../types.js';
import { countBlockRows, countQuotedBlockRows, countQuotedRows, csvBlockRows } from './csv-block.js';
import { tuning } from './dispatch.js';
import { readStream } from './index.js';
import { collect, errorsOf, recordsOf } from './testing.js';

/** Read in blocks of `n` bytes within the current describe (many blocks: raw and fallback paths interleave). */
function useBlockBytes(n: number): void {
  const saved = tuning.blockBytes;
  beforeAll(() => {
    tuning.blockBytes = n;
  });
  afterAll(() => {
    tuning.blockBytes = saved;
  });
}

const rowsOf = (s: string, width: number, keep: number[] | null = null) => csvBlockRows(Buffer.from(s), ',', width, keep);

describe('csv blocks (rows split where they are used)', () => {
  it('splits lines like the tokenizer: CRLF, empty lines, short rows padded, projection', () => {
    expect(rowsOf('a,b,c\r\n\r\n\nd,e\nf,g,h\n', 3)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', null],
      ['f', 'g', 'h'],
    ]);
    expect(rowsOf('a,b,c\nd\n', 3, [2, 0])).toEqual([
      ['c', 'a'],
      [null, 'd'],
    ]);
    expect(rowsOf('ü,\u00e9\n', 2)).toEqual([['ü', 'é']]);
    // A projection gives exactly split()'s fields: empty ones, a trailing delimiter, short rows.
    const text = 'a,,c,d\n,b,,\nx\n,,,\n';
    const full = rowsOf(text, 4);
    for (const keep of [[0], [3, 1], [1, 2, 3], [2, 0, 3, 1]]) {
      expect(rowsOf(text, 4, keep)).toEqual(full.map((r) => keep.map((c) => r[c] ?? null)));
    }
  });

  it('counts non-empty rows and refuses a block with a row wider than the header', () => {
    const b = (s: string) => Buffer.from(s);
    expect(countBlockRows(b('a,b\n\r\n\nc\n'), 44, 2)).toBe(2);
    expect(countBlockRows(b('a,b\nc,d,e\n'), 44, 2)).toBe(-1);
    expect(countBlockRows(b('x\r\n'), 44, 1)).toBe(1);
    expect(countBlockRows(b('\r\n\n'), 44, 1)).toBe(0);
  });
});

/** Every record of a read, as arrays, with raw blocks split by csvBlockRows. */
function allRows(evs: ReaderEvent[]): { columns: string[]; rows: (string | null)[][] }[] {
  const out: { columns: string[]; rows: (string | null)[][] }[] = [];
  for (const e of evs) {
    if (e.kind === 'records') out.push({ columns: e.columns, rows: e.rows });
    if (e.kind === 'csv-block') out.push({ columns: e.columns, rows: csvBlockRows(e.buf, e.delim, e.columns.length, null, e.quoted) });
  }
  // Batch boundaries differ between the two paths; compare per column set.
  const merged: { columns: string[]; rows: (string | null)[][] }[] = [];
  for (const b of out) {
    const last = merged.at(-1);
    if (last && last.columns.join('\0') === b.columns.join('\0')) last.rows.push(...b.rows);
    else merged.push({ columns: b.columns, rows: [...b.rows] });
  }
  return merged;
}

describe('CSV reader with csvBlocks', () => {
  useBlockBytes(64); // many blocks, so the raw path and the fallbacks interleave
  const read = (data: string, csvBlocks: boolean) =>
    collect(readStream('people.csv', Readable.from(data.match(/[\s\S]{1,50}/g) ?? []), { csvBlocks }));

  const body = Array.from({ length: 400 }, (_, i) => `${i},user${i}@example.com,+1 201-555-${String(i).padStart(4, '0')}`);
  const cases: [string, string][] = [
    ['plain', ['id,email,phone', ...body].join('\n')],
    ['CRLF and empty lines', ['id,email,phone', ...body.map((l, i) => (i % 50 === 7 ? `${l}\r\n` : l))].join('\r\n').replace(/(\r\n){2}/g, '\r\n\r\n\n')],
    ['quoted fields here and there', ['id,email,phone', ...body.map((l, i) => (i % 97 === 3 ? `${i},"q,${i}@example.com",x` : l))].join('\n')],
    ['a row wider than the header', ['id,email,phone', ...body.slice(0, 200), '9,a@b.co,1,extra,more', ...body.slice(200)].join('\n')],
    ['short rows', ['id,email,phone', ...body.map((l, i) => (i % 13 === 0 ? `${i}` : l))].join('\n')],
    ['no trailing newline', ['id,email,phone', ...body].join('\n').trimEnd()],
  ];

  it.each(cases)('%s: the same rows, columns, count and errors as without it', async (_name, text) => {
    const plain = await read(text, false);
    const raw = await read(text, true);
    expect(allRows(raw)).toEqual(allRows(plain));
    expect(errorsOf(raw)).toEqual(errorsOf(plain));
    expect(raw.find((e) => e.kind === 'file-end')).toEqual(plain.find((e) => e.kind === 'file-end'));
  });

  it('hands blocks over unsplit, marking those with (strict) quotes, and never one with a lenient quote', async () => {
    const raw = await read(cases[2][1], true);
    const blocks = raw.filter((e) => e.kind === 'csv-block');
    expect(blocks.length).toBeGreaterThan(3);
    expect(blocks.some((b) => b.quoted)).toBe(true);
    for (const b of blocks) {
      expect(Buffer.from(b.buf).includes('"')).toBe(b.quoted);
      expect(b.columns).toEqual(['id', 'email', 'phone']);
    }
    // A quote inside an unquoted field is literal in the tokenizer: such blocks stay on its path.
    const lenient = await read(['id,email,phone', ...body.map((l, i) => (i % 5 === 0 ? `${i},ab"c,x` : l))].join('\n'), true);
    for (const b of lenient.filter((e) => e.kind === 'csv-block')) expect(Buffer.from(b.buf).includes('"')).toBe(false);
  });

  it('checks strict quoting byte by byte', () => {
    const q = (s: string, width = 3) => countQuotedBlockRows(Buffer.from(s), 44, width);
    expect(q('"a,b",c,"d""e"\n')).toBe(1);
    expect(q('"multi\nline",x\r\n\r\n"y"\n')).toBe(2);
    expect(q('"a"\r\n')).toBe(1);
    expect(q('a"b,c\n')).toBe(-1); // quote inside an unquoted field
    expect(q('"a"b,c\n')).toBe(-1); // text after a closing quote
    expect(q('"a" ,c\n')).toBe(-1);
    expect(q('"a"\rb\n')).toBe(-1);
    expect(q('"open,c\n')).toBe(-1); // still open at the end
    expect(q('"a","b","c","d"\n')).toBe(-1); // wider than the header
    expect(q('"a,b,c,d"\n', 1)).toBe(1); // delimiters inside quotes do not count
  });

  it('leaves a header-less CSV on the ordinary path (its columns depend on each batch)', async () => {
    const evs = await read(body.join('\n'), true);
    expect(evs.some((e) => e.kind === 'csv-block')).toBe(false);
    expect(evs.find((e) => e.kind === 'file-end')).toMatchObject({ records: 400 });
  });
});

describe('CSV reader with csvBlocks: differential fuzz', () => {
  useBlockBytes(32);

  /** Seeded CSV-ish text: a header, then rows mixing every case the raw path must refuse or match. */
  function fuzzCsv(seed: number): { text: string; chunk: number } {
    const rng = createRng(seed);
    const d = rng.pick([',', ';', '\t', '|']);
    const width = rng.int(1, 6);
    // Per input, how often the refused cases appear: some inputs are clean, some full of them.
    const quoteRate = rng.pick([0, 0, 0.005, 0.2]);
    const plainCell = () =>
      rng.pick([() => '', () => rng.digits(rng.int(1, 12)), () => `user${rng.int(0, 99)}@example.com`, () => 'Zoë Ünal', () => ' spaced ', () => '\uFFFD\u00e9'])();
    const quotedCell = () => rng.pick([() => `"quoted${d}with ""quotes"""`, () => 'ab"c', () => '"multi\nline"', () => '"unclosed'])();
    const cell = () => (rng.chance(quoteRate) ? quotedCell() : plainCell());
    const wideRate = rng.pick([0, 0, 0.01, 0.05]);
    const lines = [Array.from({ length: width }, (_, j) => `col${j}`).join(d)];
    const n = rng.int(50, 400);
    for (let i = 0; i < n; i++) {
      const w = rng.chance(wideRate) ? rng.int(width + 1, width + 4) : rng.chance(0.1) ? rng.int(0, width) : width;
      lines.push(Array.from({ length: w }, cell).join(d));
      if (rng.chance(0.03)) lines.push('');
    }
    const eol = rng.pick(['\n', '\r\n']);
    return { text: lines.join(eol) + (rng.chance(0.5) ? eol : ''), chunk: rng.int(5, 200) };
  }

  it('gives the same rows, counts and errors as the ordinary path on 200 seeded inputs', async () => {
    let raw = 0;
    let rawQuoted = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { text, chunk } = fuzzCsv(seed);
      const parts = (bytes: Buffer) => Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
      const read = (csvBlocks: boolean) => collect(readStream('fuzz.csv', Readable.from(parts(Buffer.from(text))), { csvBlocks, format: 'csv' }));
      const [plain, blocks] = [await read(false), await read(true)];
      raw += blocks.filter((e) => e.kind === 'csv-block').length;
      rawQuoted += blocks.filter((e) => e.kind === 'csv-block' && e.quoted).length;
      expect(allRows(blocks), `seed ${seed}`).toEqual(allRows(plain));
      expect(errorsOf(blocks), `seed ${seed}`).toEqual(errorsOf(plain));
      expect(blocks.find((e) => e.kind === 'file-end'), `seed ${seed}`).toEqual(plain.find((e) => e.kind === 'file-end'));
    }
    // The fuzz reaches both raw paths, not only the fallbacks.
    expect(raw).toBeGreaterThan(50);
    expect(rawQuoted).toBeGreaterThan(5);
  });
});

describe('CSV reader with csvBlocks: mutated input', () => {
  useBlockBytes(48);

  it('gives the same rows, counts and errors as the ordinary path on 300 mutations (truncated, flipped bytes, stray quotes and newlines)', async () => {
    const rng = createRng(99);
    const rows = Array.from({ length: 160 }, (_, i) =>
      i % 9 === 4 ? `${i},"Ann ""A"" ${i}","multi\nline ${i}"` : `${i},user${i}@example.com,+1 212-555-${String(i).padStart(4, '0')}`,
    );
    const base = Buffer.from(['id,contact,notes', ...rows].join('\r\n'));
    let raw = 0;
    for (let k = 0; k < 300; k++) {
      const m = Buffer.from(base);
      let data = m;
      if (k % 3 === 0) data = m.subarray(0, rng.int(0, m.length));
      else if (k % 3 === 1) for (let j = 0; j < rng.int(1, 5); j++) m[rng.int(0, m.length - 1)] = rng.int(0, 255);
      else for (let j = 0; j < 3; j++) m[rng.int(0, m.length - 1)] = rng.pick([34, 10, 13, 44]);
      const size = rng.int(1, 300);
      const parts = Array.from({ length: Math.ceil(data.length / size) }, (_, i) => data.subarray(i * size, (i + 1) * size));
      const read = (csvBlocks: boolean) => collect(readStream('m.csv', Readable.from(parts), { csvBlocks, format: 'csv', limits: { maxLineBytes: 4096 } }));
      const [plain, blocks] = [await read(false), await read(true)];
      raw += blocks.filter((e) => e.kind === 'csv-block').length;
      expect(allRows(blocks), `mutation ${k}`).toEqual(allRows(plain));
      expect(errorsOf(blocks), `mutation ${k}`).toEqual(errorsOf(plain));
      expect(blocks.find((e) => e.kind === 'file-end'), `mutation ${k}`).toEqual(plain.find((e) => e.kind === 'file-end'));
    }
    expect(raw).toBeGreaterThan(100);
  });
});

describe('CSV reader with csvBlocks: line breaks inside quoted cells', () => {
  useBlockBytes(64);

  /** A support-ticket-like export: most rows hold a multi-line quoted cell, some longer than a block. */
  function ticketsCsv(seed: number): { text: string; chunk: number; strict: boolean } {
    const rng = createRng(seed);
    // A third of the inputs also hold the cases the raw path must refuse (lenient quotes, an unclosed one).
    const strict = seed % 3 !== 0;
    const cell = () =>
      rng.pick([
        () => rng.digits(rng.int(1, 8)),
        () => `"Hi,\nmy order ${rng.digits(6)} is late.\r\nThanks, Zoë"`,
        () => `"she said ""call me""\nat 212-555-${rng.digits(4)}"`,
        () => `"${'long line of text '.repeat(rng.int(5, 20))}\n${'more '.repeat(rng.int(10, 40))}"`,
        () => '""',
        () => '"\n"',
        () => '"""quoted"""',
        () => `"ends with a break\n"`,
        () => (strict ? 'plain' : rng.pick(['ab"c', '"unclosed', '"a"b'])),
      ])();
    const width = rng.int(2, 5);
    // Named columns and an id first, so the header is recognised and blocks can go over.
    const lines = [['id', 'notes', 'address', 'comment', 'phone'].slice(0, width).join(',')];
    for (let i = 0, n = rng.int(60, 200); i < n; i++) {
      lines.push([String(i), ...Array.from({ length: rng.chance(0.03) ? width : width - 1 }, cell)].join(','));
    }
    const eol = rng.pick(['\n', '\r\n']);
    return { text: lines.join(eol) + (rng.chance(0.7) ? eol : ''), chunk: rng.int(5, 300), strict };
  }

  it('hands over the complete rows of each block and carries the open one: same rows, counts and errors on 150 seeded inputs', async () => {
    let rawRows = 0;
    let strictRows = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const { text, chunk, strict } = ticketsCsv(seed);
      const bytes = Buffer.from(text);
      const parts = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
      const read = (csvBlocks: boolean) => collect(readStream('t.csv', Readable.from(parts), { csvBlocks, format: 'csv', limits: { maxLineBytes: 4096 } }));
      const [plain, blocks] = [await read(false), await read(true)];
      expect(allRows(blocks), `seed ${seed}`).toEqual(allRows(plain));
      expect(errorsOf(blocks), `seed ${seed}`).toEqual(errorsOf(plain));
      expect(blocks.find((e) => e.kind === 'file-end'), `seed ${seed}`).toEqual(plain.find((e) => e.kind === 'file-end'));
      for (const e of blocks) if (e.kind === 'csv-block') rawRows += e.rows;
      if (strict) strictRows += recordsOf(plain).reduce((n, r) => n + r.rows.length, 0);
    }
    // Most rows of the strict inputs went over unsplit (before, nearly none: blocks ended inside cells).
    expect(rawRows).toBeGreaterThan(strictRows * 0.6);
  });

  it('carries a quoted cell longer than several blocks, and a CR at a block end', async () => {
    const long = `"${'x'.repeat(300)}\r\n${'y'.repeat(300)}"`;
    // Every row spans 8 lines: a block almost never ends between rows.
    const short = (i: number) => `"${Array.from({ length: 8 }, (_, k) => `line ${k} of ${i}`).join('\r\n')}"`;
    const text = ['id,note', ...Array.from({ length: 200 }, (_, i) => `${i},${i % 4 === 0 ? long : short(i)}`)].join('\r\n') + '\r\n';
    for (const chunk of [7, 63, 64, 65, 1000]) {
      const bytes = Buffer.from(text);
      const parts = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk));
      const read = (csvBlocks: boolean) => collect(readStream('l.csv', Readable.from(parts), { csvBlocks, format: 'csv' }));
      const [plain, blocks] = [await read(false), await read(true)];
      expect(allRows(blocks), `chunk ${chunk}`).toEqual(allRows(plain));
      expect(allRows(plain)[0].rows).toHaveLength(200);
      // Every row after the header's sample (50 rows) and its block goes over unsplit, also after
      // a block ending inside a cell left the tokenizer an open row.
      const raw = blocks.reduce((n, e) => n + (e.kind === 'csv-block' ? e.rows : 0), 0);
      expect(raw, `chunk ${chunk}`).toBeGreaterThan(140);
    }
  });

  it("takes the tokenizer's open row over when the header's block ends inside a cell", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `${i},"note ${i}\nsecond line",x${i}@example.com`);
    const text = `id,notes,email\n${rows.join('\n')}\n`;
    // The header is decided in the first block, which ends inside row 60's note; the second block
    // is the rest, whole rows.
    const cut = text.indexOf('\nsecond line', text.indexOf('60,"note')) + 1;
    const read = (csvBlocks: boolean) =>
      collect(readStream('h.csv', Readable.from([Buffer.from(text.slice(0, cut)), Buffer.from(text.slice(cut))]), { csvBlocks, format: 'csv' }));
    const [plain, blocks] = [await read(false), await read(true)];
    expect(allRows(blocks)).toEqual(allRows(plain));
    expect(blocks.filter((e) => e.kind === 'csv-block').map((e) => (e.kind === 'csv-block' ? e.rows : 0))).toEqual([60]);
  });

  it('counts the complete rows of a block and where they end', () => {
    const cut = { end: -1 };
    const rows = (s: string) => [countQuotedRows(Buffer.from(s), 44, 3, cut), cut.end];
    expect(rows('"a\nb",c\n"open\n')).toEqual([1, 8]);
    expect(rows('"a""\n""b"\n')).toEqual([1, 10]);
    expect(rows('"still\nopen"\r')).toEqual([0, 0]); // a CR last: judged with the next block
    expect(rows('x\n"a"b\n')).toEqual([-1, 0]); // text after a closing quote, in the open part too
    expect(rows('x\n\n"a\n')).toEqual([1, 3]);
  });
});

import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReaderEvent } from '../types.js';
import { tuning } from './dispatch.js';
import { readStream } from './index.js';
import { eachSqlBlockRow, sqlBlockRows, strictCopyLines, strictValueRows } from './sql-block.js';
import { collect } from './testing.js';

/**
 * SQL dump rows handed over unsplit (sql-block.ts) must give exactly the rows, tables, columns and
 * errors of the reader's own tokenizer, whatever the values hold (quotes, `;`, `),(`, line breaks,
 * escapes) and wherever the chunks are cut.
 */
const saved = tuning.blockBytes;
beforeAll(() => {
  tuning.blockBytes = 64;
});
afterAll(() => {
  tuning.blockBytes = saved;
});

function chunked(s: string, size: number): Readable {
  const buf = Buffer.from(s);
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
}

/** Every event as rows (blocks split here) or errors, in order; block boundaries do not show. */
function flatten(evs: ReaderEvent[]): { rows: string[]; errors: string[]; blocks: number; records: number } {
  const rows: string[] = [];
  const errors: string[] = [];
  let blocks = 0;
  let records = 0;
  for (const e of evs) {
    if (e.kind === 'records') for (const r of e.rows) rows.push(JSON.stringify([e.table, e.columns, r]));
    else if (e.kind === 'sql-block') {
      blocks++;
      for (const r of sqlBlockRows(e.buf, e.mode, e.backslash, e.columns.length)) rows.push(JSON.stringify([e.table, e.columns, r]));
    } else if (e.kind === 'error') errors.push(`${e.location}: ${e.message}`);
    else if (e.kind === 'file-end') records = e.records;
  }
  return { rows, errors, blocks, records };
}

async function both(text: string, chunk: number, maxLineBytes = 1 << 20) {
  const read = async (sqlBlocks: boolean) =>
    flatten(await collect(readStream('dump.sql', chunked(text, chunk), { sqlBlocks, limits: { maxLineBytes } })));
  return { plain: await read(false), blocks: await read(true) };
}

/** Characters that matter to the tokenizer, and some that do not. */
const piece = fc.constantFrom("'", "''", '\\', "\\'", '\\\\', ';', '),(', '(', ')', ',', '\n', '\r\n', '\t', ' ', '"', '`', 'NULL', 'é', '😀', '--', '/*', 'x', '42', '\\n', '\\N', '_binary ');
const text = fc.array(piece, { maxLength: 8 }).map((a) => a.join(''));
/** A value as mysqldump or pg_dump writes it, or something rougher. */
const mysqlValue = fc.oneof(
  text.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`),
  text.map((t) => `'${t.replace(/'/g, "''")}'`),
  fc.integer().map(String),
  fc.constantFrom('NULL', 'null', ' 7 ', '-1.5e3', '0x1F', "_binary 'ab'", "X'00'", 'NOW()', '', "'open"),
  text,
);
const row = fc.array(mysqlValue, { minLength: 1, maxLength: 5 }).map((vs) => `(${vs.join(',')})`);
const rowsSep = fc.constantFrom(',', ',\n', ' , ', '', ',,');

describe('SQL blocks: same rows as the tokenizer', () => {
  it('INSERT rows with quotes, `;` and `),(` inside values, line breaks and escapes (property)', async () => {
    let used = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(row, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        rowsSep,
        fc.boolean(),
        fc.integer({ min: 1, max: 200 }),
        async (statements, sep, pg, chunk) => {
          const head = pg ? '-- PostgreSQL database dump\nSET standard_conforming_strings = on;\n' : '-- MySQL dump\n';
          const dump = [
            head,
            'CREATE TABLE t (a text, b text, c text, d text);',
            "INSERT INTO t VALUES ('first','row');",
            'INSERT INTO u VALUES (1);', // another table between t's statements
            ...statements.map((rs) => `INSERT INTO t VALUES ${rs.join(sep)};`),
            "INSERT INTO t (a) VALUES ('last');",
            '',
          ].join('\n');
          const { plain, blocks } = await both(dump, chunk);
          expect(blocks).toEqual({ ...plain, blocks: blocks.blocks });
          if (blocks.blocks > 0) used++;
        },
      ),
      { numRuns: 150, seed: 21 },
    );
    expect(used).toBeGreaterThan(30);
  });

  it('hands a clean dump over in blocks of one batch (4,096 rows) each', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `(${i},'O\\'Brien ${i}','a;b),(c','line\\nbreak')`);
    const dump = `CREATE TABLE t (id int, n text, x text, y text);\n${Array.from({ length: 25 }, (_, k) => `INSERT INTO t VALUES ${rows.slice(k * 200, k * 200 + 200).join(',')};`).join('\n')}\n`;
    const { plain, blocks } = await both(dump, 4096);
    expect(plain.blocks).toBe(0);
    expect(blocks.blocks).toBe(2); // 4,096 rows, then the last 904 at the end of the dump
    expect(blocks.rows).toEqual(plain.rows);
    expect(blocks.records).toBe(5000);
    expect(JSON.parse(blocks.rows[4999])[2]).toEqual(['4999', "O'Brien 4999", 'a;b),(c', 'line\nbreak']);
  });

  it('COPY lines with escapes, \\N, CR LF, over-long and wide lines (property)', async () => {
    const field = fc.array(fc.constantFrom('a', '\\t', '\\n', '\\\\', '\\N', 'é', ' ', '\\x41', '\\101', ';', "'"), { maxLength: 4 }).map((a) => a.join(''));
    let withBlocks = 0;
    const line = fc.oneof(
      fc.array(field, { minLength: 1, maxLength: 4 }).map((fs) => fs.join('\t')),
      fc.constantFrom('', '\r', 'x'.repeat(300), 'a\tb\tc\td\te\tf'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 30 }), fc.boolean(), fc.integer({ min: 1, max: 300 }), async (lines, crlf, chunk) => {
        const eol = crlf ? '\r\n' : '\n';
        const dump = [
          'COPY public.t (a, b, c, d) FROM stdin;',
          'first',
          '\\.',
          'COPY public.u (a) FROM stdin;',
          'x',
          '\\.',
          'COPY public.t (a, b, c, d) FROM stdin;',
          ...lines,
          '\\.',
          '',
        ].join(eol);
        const { plain, blocks } = await both(dump, chunk, 200);
        expect(blocks).toEqual({ ...plain, blocks: blocks.blocks });
        if (blocks.blocks > 0) withBlocks++;
      }),
      { numRuns: 150, seed: 7 },
    );
    expect(withBlocks).toBeGreaterThan(30);
  });
});

describe('SQL blocks: a projection gives the projected rows', () => {
  it('COPY lines: only the kept columns, in `keep` order, whatever the line holds (property)', () => {
    const field = fc.array(fc.constantFrom('a', '\\t', '\\N', '\\\\', 'é', ' ', '\\101'), { maxLength: 3 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 5 }),
        (lines, width, keep) => {
          const buf = Buffer.from(lines.map((l) => `${l.join('\t')}\n`).join(''));
          const projected: (string | null)[][] = [];
          eachSqlBlockRow(buf, 'copy', false, width, keep, (r) => projected.push(r.slice()));
          const full = sqlBlockRows(buf, 'copy', false, width);
          expect(projected).toEqual(full.map((r) => keep.map((c) => (c < width ? r[c] : null))));
        },
      ),
      { numRuns: 500, seed: 21 },
    );
  });
});

describe('strict runs end between rows', () => {
  it('a VALUES run never ends inside a quoted string or a row', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), rowsSep, fc.boolean(), (rs, sep, backslash) => {
        const s = `${rs.join(sep)};`;
        const run = strictValueRows(s, 0, backslash, 5);
        if (run.rows === 0) return;
        // What follows a run is what follows a row: the next row, its separator, or the `;`.
        expect(s.charCodeAt(run.end - 1)).toBe(41);
        const rows = sqlBlockRows(Buffer.from(s.slice(0, run.end)), 'values', backslash, 5);
        expect(rows).toHaveLength(run.rows);
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('stops before a row it cannot take as it is', () => {
    expect(strictValueRows("(1,'a'),(2,_binary 'b'),(3,'c');", 0, true, 5)).toEqual({ end: 7, rows: 1 });
    expect(strictValueRows("(1,'a'),(2,'b", 0, true, 5)).toEqual({ end: 7, rows: 1 });
    // The closing quote is the text's last character: it could still be the first of `''`.
    expect(strictValueRows("(1,'a'),(2,'b'", 0, true, 5)).toEqual({ end: 7, rows: 1 });
    expect(strictValueRows('(1,2,3)', 0, true, 2)).toEqual({ end: 0, rows: 0 });
    expect(strictValueRows("('it\\'s;'),('x''y')", 0, true, 1)).toEqual({ end: 19, rows: 2 });
    expect(strictValueRows("('a\\'),('b')", 0, false, 1)).toEqual({ end: 12, rows: 2 });
    expect(strictCopyLines('a\tb\nc\n\\.\n', 0, 2, 100)).toEqual({ end: 6, rows: 2 });
    expect(strictCopyLines('a\tb\tc\n', 0, 2, 100)).toEqual({ end: 0, rows: 0 });
  });
});

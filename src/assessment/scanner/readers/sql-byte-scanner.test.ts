import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReaderEvent } from '../types.js';
import { tuning } from './dispatch.js';
import { readStream } from './index.js';
import { sqlBlockRows, strictValueRows } from './sql-block.js';
import { strictValueBytes } from './sql-block-bytes.js';
import { collect } from './testing.js';

/**
 * INSERT rows found on the bytes (sql-block-bytes.ts, sql-byte-scanner.ts) must be the rows the
 * tokenizer reads on the text, with the same errors at the same lines, wherever chunks are cut,
 * on the values that can fool a row finder: `'),('` and `;` inside strings, backslash escapes and
 * `''`, `_binary` and `X'…'` literals, `0x…`, NULL, line breaks between and inside rows, one INSERT
 * a row, column lists, and multi-byte characters.
 */
const saved = tuning.blockBytes;
afterEach(() => {
  tuning.blockBytes = saved;
  vi.restoreAllMocks();
});

function chunked(buf: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
}

function flatten(evs: ReaderEvent[]) {
  const rows: string[] = [];
  const errors: string[] = [];
  let records = 0;
  for (const e of evs) {
    if (e.kind === 'records') {
      records += e.rows.length;
      for (const r of e.rows) rows.push(JSON.stringify([e.table, e.columns, r]));
    } else if (e.kind === 'sql-block') for (const r of sqlBlockRows(e.buf, e.mode, e.backslash, e.columns.length)) rows.push(JSON.stringify([e.table, e.columns, r]));
    else if (e.kind === 'error') errors.push(`${e.location}: ${e.message}`);
  }
  /** `records`: rows the reading thread split itself (not in blocks). */
  return { rows, errors, records };
}

async function read(dump: Buffer, chunk: number, sqlBlocks: boolean, maxLineBytes = 1 << 20) {
  return flatten(await collect(readStream('dump.sql', chunked(dump, chunk), { sqlBlocks, limits: { maxLineBytes } })));
}

const piece = fc.constantFrom("'", "''", '\\', "\\'", '\\\\', ';', '),(', "'),('", '(', ')', ',', '\n', '\r\n', '\t', ' ', 'NULL', 'é', '😀', '\u00a0', 'x', '42', '0x1F', '\\n');
const text = fc.array(piece, { maxLength: 8 }).map((a) => a.join(''));
const value = fc.oneof(
  text.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`),
  text.map((t) => `'${t.replace(/'/g, "''")}'`),
  fc.integer().map(String),
  fc.constantFrom('NULL', 'null', ' 7 ', '0x1F', "_binary 'a),(b'", "X'00'", 'NOW()', '', '\u00a07', 'é1', "'open"),
  text,
);
const row = fc.array(value, { minLength: 1, maxLength: 5 }).map((vs) => `(${vs.join(',')})`);
const sep = fc.constantFrom(',', ',\n', ' , ', '', ',,');

describe('strict rows on bytes', () => {
  it('end where the text check ends them; fewer only before a bare token starting with a non-ASCII character (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), sep, fc.boolean(), fc.boolean(), (rs, sp, backslash, tail) => {
        const s = `${rs.join(sp)}${tail ? ';' : ''}`;
        const b = Buffer.from(s);
        const t = strictValueRows(s, 0, backslash, 5);
        const y = strictValueBytes(b, 0, backslash, 5, Number.POSITIVE_INFINITY);
        const same = strictValueRows(s, 0, backslash, 5, y.rows);
        expect(same.rows).toBe(y.rows);
        expect(y.end).toBe(Buffer.byteLength(s.slice(0, same.end)));
        if (y.rows < t.rows) expect(/[(,]\s*[^\x00-\x7f]/.test(s.slice(same.end))).toBe(true);
        else expect(y.rows).toBe(t.rows);
      }),
      { numRuns: 1000, seed: 211 },
    );
  });

  it('says when the bytes ended inside a row, not at a row it cannot take', () => {
    const run = (s: string, bs = true) => strictValueBytes(Buffer.from(s), 0, bs, 5, Number.POSITIVE_INFINITY);
    expect(run("(1,'a'),(2,'b")).toEqual({ end: 7, rows: 1, more: true });
    expect(run("(1,'a'),(2,'b'")).toEqual({ end: 7, rows: 1, more: true }); // could be `''`
    expect(run("(1,'a\\")).toEqual({ end: 0, rows: 0, more: true });
    expect(run("(1,'a'),")).toEqual({ end: 7, rows: 1, more: true });
    expect(run("(1,'a'),(2,_binary 'b')")).toEqual({ end: 7, rows: 1, more: false });
    expect(run("(1,'a'),(2,NOW())")).toEqual({ end: 7, rows: 1, more: false });
    expect(run("(0x1F,NULL,'),(');")).toEqual({ end: 17, rows: 1, more: false });
    expect(run("('a\\'),('b');", false)).toEqual({ end: 12, rows: 2, more: false });
    expect(run("('é'),(é)")).toEqual({ end: 6, rows: 1, more: false });
  });
});

/** A dump of `n` rows of hostile values in every form a row finder could trip on. */
function hostileDump(n: number): string {
  const vals = (i: number) => [
    String(i),
    `'O\\'Brien ${i} ''x'' é😀'`,
    i % 5 === 0 ? 'NULL' : `'a;b'),('c\\\\'`,
    i % 3 === 0 ? '0x1F2E' : `'line\\nbreak\nraw'`,
  ];
  const rows = Array.from({ length: n }, (_, i) => `(${vals(i).join(',')})`);
  const out = ['-- MySQL dump', 'CREATE TABLE `t` (`id` int, `n` text, `x` text, `y` text);'];
  for (let k = 0; k < n; k += 700) out.push(`INSERT INTO \`t\` VALUES ${rows.slice(k, k + 700).join(k % 1400 ? ',\n' : ',')};`);
  // One INSERT a row (mysqldump --skip-extended-insert), with a column list and a line break in the head.
  for (let k = 0; k < 300; k++) out.push(`INSERT INTO \`t\` (\`id\`,\`n\`)\nVALUES (${k},'one ${k}'),(${k},'');`);
  // A table whose rows the byte path leaves to the tokenizer, then t again.
  for (let k = 0; k < 20; k++) out.push(`INSERT INTO bin VALUES (${k},_binary 'a),(b\\'',X'0F');`);
  out.push("INSERT INTO `t` VALUES (1,'after'),(2,'x') ON DUPLICATE KEY UPDATE n=VALUES(n);");
  out.push("INSERT INTO `t` VALUES (3,'bad' 'row');");
  for (let k = 0; k < n; k += 3000) out.push(`INSERT INTO \`t\` VALUES ${rows.slice(k, k + 3000).join(',')};`);
  out.push("INSERT INTO `t` VALUES (4,'unterminated");
  return `${out.join('\n')}\n`;
}

describe('SQL dumps read on the bytes', () => {
  it('give the rows and errors of the tokenizer at any chunk cut, hostile values included', async () => {
    tuning.blockBytes = 64;
    const dump = Buffer.from(hostileDump(6000));
    const records: number[] = [];
    for (const chunk of [97, 1000, 4099, 65536, 1 << 20]) {
      const plain = await read(dump, chunk, false);
      const blocks = await read(dump, chunk, true);
      expect(blocks.rows).toEqual(plain.rows);
      expect(blocks.errors).toEqual(plain.errors);
      expect(plain.errors.length).toBeGreaterThan(0);
      // Only the rows the byte path leaves alone are split on the reading thread (the `_binary`
      // table's, the rows after a malformed one in their batch), wherever the chunks end; before,
      // a row cut by a chunk's end took its whole batch back to the tokenizer.
      records.push(blocks.records);
    }
    expect(new Set(records).size).toBe(1);
  });

  it('give the same rows and errors where the tokenizer reads in windows: many tables, long values, long statements', async () => {
    tuning.blockBytes = 64;
    const big = (k: number) => 'v'.repeat(k * 1024);
    const rows = (t: string, n: number, from: number) => Array.from({ length: n }, (_, i) => `(${from + i},'${t} é ${i}','a),(b;')`).join(',');
    const out = ['-- MySQL dump'];
    for (let t = 0; t < 400; t++) out.push(`CREATE TABLE s${t} (id int, a text, b text);`, `INSERT INTO s${t} VALUES ${rows(`s${t}`, 1 + (t % 7), 0)};`);
    out.push(`INSERT INTO w VALUES (1,'${big(250)}'),(2,'x');`); // under maxLineBytes
    // Over it: an error, the rest of the statement skipped, where the chunk ends inside the value;
    // read whole where the chunk holds it (a window of the tokenizer must not make it an error).
    out.push(`INSERT INTO w VALUES (3,'${big(350)}'),(4,'y');`);
    out.push(`CREATE TABLE long (id int, c text DEFAULT '${big(200)}');`);
    out.push(`INSERT INTO long VALUES ${rows('long', 3000, 0)};`);
    out.push(`/* ${big(170)} */ INSERT INTO s1 VALUES ${rows('s1', 5000, 10)};`);
    out.push(`INSERT INTO s1 VALUES (1,'${big(100)}',_binary 'x'),${rows('s1', 2000, 9000)};`);
    const dump = Buffer.from(`${out.join('\n')}\n`);
    const errors: number[] = [];
    for (const chunk of [1 << 20, 700_000, 65_536]) {
      const plain = await read(dump, chunk, false, 300 * 1024);
      const blocks = await read(dump, chunk, true, 300 * 1024);
      expect(blocks.rows).toEqual(plain.rows);
      expect(blocks.errors).toEqual(plain.errors);
      errors.push(plain.errors.length);
    }
    expect(errors[0]).toBe(0);
    expect(errors[2]).toBeGreaterThan(0);
  });

  it('do not decode the strict rows on the reading thread', async () => {
    tuning.blockBytes = 512 * 1024;
    const dump = Buffer.from(hostileDump(40000));
    const original = Buffer.prototype.toString;
    let decoded = 0;
    vi.spyOn(Buffer.prototype, 'toString').mockImplementation(function (this: Buffer, ...args: unknown[]) {
      const out = original.apply(this, args as Parameters<Buffer['toString']>);
      if (args[0] === 'utf8') decoded += Buffer.byteLength(out);
      return out;
    });
    const evs = await collect(readStream('dump.sql', chunked(dump, 65536), { sqlBlocks: true, limits: { maxLineBytes: 1 << 20 } }));
    vi.restoreAllMocks();
    expect(flatten(evs).rows.length).toBeGreaterThan(80000);
    // The chunks where the tokenizer read something (the head sniff, CREATE TABLE, the first row
    // of each head, the irregular statements) from there to the chunk's end; before, all of it.
    expect(decoded).toBeLessThan(dump.length / 2);
  });
});

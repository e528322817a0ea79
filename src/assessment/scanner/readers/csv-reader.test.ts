import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { tuning } from './dispatch.js';
import { readStream } from './index.js';
import { collect, errorsOf, recordsOf, rowsAsObjects } from './testing.js';

// Parse every small chunk as it comes, so chunk-boundary cases are exercised.
beforeAll(() => {
  tuning.blockBytes = 1;
});

/** Stream a buffer in fixed-size pieces, so every chunk boundary case is exercised. */
function chunked(buf: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
}

const read = (name: string, data: string | Buffer, size = 7, limits = {}) =>
  collect(readStream(name, chunked(typeof data === 'string' ? Buffer.from(data) : data, size), { limits }));

describe('CSV reader', () => {
  it('finds the header under a preamble (a title, an export date); the preamble is read as a batch of its own', async () => {
    const text = 'ACME customer export\nGenerated 2024-01-01 by ops\n\nname,email\nJane Roe,jane@example.org\nJohn Poe,john@example.net\n';
    const evs = await read('export.csv', text);
    const recs = recordsOf(evs);
    expect(recs[0]).toMatchObject({ columns: ['column_1'], rows: [['ACME customer export'], ['Generated 2024-01-01 by ops']] });
    expect(recs[1]).toMatchObject({ columns: ['name', 'email'], firstLocation: { unit: 'line', n: 5 } });
    expect(recs[1].rows).toEqual([
      ['Jane Roe', 'jane@example.org'],
      ['John Poe', 'john@example.net'],
    ]);
  });

  it.each([
    [',', 'csv'],
    [';', 'csv'],
    ['\t', 'tsv'],
    ['|', 'csv'],
  ])('sniffs the %j delimiter and the header', async (d, format) => {
    const text = ['id,email,city', '1,ann@example.com,Paris', '2,bob@example.org,Lyon', '3,cy@example.net,Nice'].map((l) => l.replaceAll(',', d)).join('\n');
    const evs = await read('people.csv', text);
    expect(evs[0]).toMatchObject({ kind: 'file-start', path: 'people.csv', format });
    const rows = rowsAsObjects(evs);
    expect(rows).toEqual([
      { id: '1', email: 'ann@example.com', city: 'Paris' },
      { id: '2', email: 'bob@example.org', city: 'Lyon' },
      { id: '3', email: 'cy@example.net', city: 'Nice' },
    ]);
    expect(recordsOf(evs)[0]).toMatchObject({ table: 'people.csv', firstLocation: { unit: 'line', n: 2 } });
    expect(evs.at(-2)).toMatchObject({ kind: 'file-end', records: 3 });
  });

  it('names columns column_N when the first row is data', async () => {
    const evs = await read('x.csv', '1,ann@example.com,555-0100\n2,bob@example.org,555-0101\n');
    const b = recordsOf(evs)[0];
    expect(b.columns).toEqual(['column_1', 'column_2', 'column_3']);
    expect(b.rows).toHaveLength(2);
    expect(b.firstLocation.n).toBe(1);
  });

  it('handles quoted fields with delimiters, doubled quotes, CRLF and embedded newlines', async () => {
    const text = 'name,notes,email\r\n"Smith, Ann","said ""hi""\r\nand left",ann@example.com\r\nBob,plain,bob@example.org\r\n';
    const evs = await read('q.csv', text, 3);
    expect(rowsAsObjects(evs)).toEqual([
      { name: 'Smith, Ann', notes: 'said "hi"\r\nand left', email: 'ann@example.com' },
      { name: 'Bob', notes: 'plain', email: 'bob@example.org' },
    ]);
    const batches = recordsOf(evs);
    expect(batches[0].firstLocation.n).toBe(2);
    expect(errorsOf(evs)).toEqual([]);
  });

  it('reports an unbalanced quote with its line and still reads the following rows', async () => {
    const lines = ['id,name,email', '1,Ann,ann@example.com', '2,"Bob,bob@example.org'];
    for (let i = 3; i <= 40; i++) lines.push(`${i},P${i},p${i}@example.com`);
    const evs = await read('u.csv', lines.join('\n') + '\n', 64, { maxLineBytes: 200 });
    const errs = errorsOf(evs);
    expect(errs).toHaveLength(1);
    expect(errs[0].message).toMatch(/unbalanced quote opened on line 3/);
    expect(errs[0].location).toBe('line 3');
    const rows = rowsAsObjects(evs);
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
    expect(rows.at(-1)).toEqual({ id: '40', name: 'P40', email: 'p40@example.com' });
  });

  it('reports an unbalanced quote at end of input', async () => {
    const evs = await read('e.csv', 'a,b\n1,2\n3,"4\n5,6\n');
    expect(errorsOf(evs)[0]).toMatchObject({ location: 'line 3' });
    expect(rowsAsObjects(evs).map((r) => r.a)).toEqual(['1', '3', '5']);
  });

  it('decodes UTF-8 with BOM, UTF-16 LE/BE with BOM and Latin-1', async () => {
    const text = 'nom,ville\nRenée,Besançon\nJosé,Málaga\n';
    const expected = [
      { nom: 'Renée', ville: 'Besançon' },
      { nom: 'José', ville: 'Málaga' },
    ];
    const variants: [string, Buffer][] = [
      ['utf8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['utf16le', iconv.encode(text, 'utf16le', { addBOM: true })],
      ['utf16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')])],
      ['latin1', Buffer.from(text, 'latin1')],
    ];
    for (const [enc, buf] of variants) {
      const evs = await read(`${enc}.csv`, buf, 5);
      expect(rowsAsObjects(evs), enc).toEqual(expected);
      const errs = errorsOf(evs);
      if (enc === 'latin1') expect(errs.map((e) => e.message)).toEqual(['text is not valid UTF-8; decoded as Latin-1']);
      else expect(errs, enc).toEqual([]);
    }
  });

  it('falls back to Latin-1 for invalid UTF-8 after the sniffed head and reports it once', async () => {
    const good = 'id,city\n' + Array.from({ length: 10000 }, (_, i) => `${i},Zürich`).join('\n') + '\n';
    const bad = Buffer.from('10000,Besançon\n10001,Besançon\n', 'latin1');
    const evs = await read('late.csv', Buffer.concat([Buffer.from(good), bad]), 4096);
    const errs = errorsOf(evs);
    expect(errs).toHaveLength(1);
    expect(errs[0].message).toMatch(/invalid UTF-8/);
    expect(errs[0].location).toBe(`byte ${Buffer.byteLength(good)}`);
    const rows = rowsAsObjects(evs);
    expect(rows).toHaveLength(10002);
    expect(rows[0].city).toBe('Zürich');
    expect(rows.at(-1)).toEqual({ id: "10001", city: "Besançon" });
  });

  it('skips a line longer than maxLineBytes with an error and continues', async () => {
    const text = `id,v\n1,a\n2,${'x'.repeat(5000)}\n3,c\n`;
    const evs = await read('long.csv', text, 100, { maxLineBytes: 1000 });
    expect(errorsOf(evs).map((e) => [e.message, e.location])).toEqual([['line 3 longer than maxLineBytes (1000 bytes); skipped', 'line 3']]);
    expect(rowsAsObjects(evs).map((r) => r.id)).toEqual(['1', '3']);
  });

  it('pads short rows and names extra fields', async () => {
    const evs = await read('r.csv', 'first_name,last_name\nAnn\nBob,Lee,extra\n');
    const b = recordsOf(evs)[0];
    expect(b.columns).toEqual(['first_name', 'last_name', 'column_3']);
    expect(b.rows).toEqual([
      ['Ann', null, null],
      ['Bob', 'Lee', 'extra'],
    ]);
  });

  it('reads a realistic file in batches with correct locations and constant batch size', async () => {
    const n = 60_000;
    const rows = Array.from({ length: n }, (_, i) => `${i},user${i}@example.com,"Street ${i}, Apt ${i % 7}",+1 555 01${String(i % 100).padStart(2, '0')}`);
    const text = 'id,email,address,phone\n' + rows.join('\n') + '\n';
    const evs = await collect(readStream('big.csv', Readable.from([Buffer.from(text)]), {}));
    const batches = recordsOf(evs);
    expect(batches.length).toBeGreaterThan(5);
    expect(Math.max(...batches.map((b) => b.rows.length))).toBeLessThanOrEqual(8192);
    let expectLine = 2;
    for (const b of batches) {
      expect(b.firstLocation.n).toBe(expectLine);
      expectLine += b.rows.length;
    }
    const all = batches.flatMap((b) => b.rows);
    expect(all).toHaveLength(n);
    expect(all[12345]).toEqual(['12345', 'user12345@example.com', 'Street 12345, Apt 4', '+1 555 0145']);
  });

  it('detects an unbalanced quote as soon as it pairs with a later quote, without buffering to the limit', async () => {
    const lines = ['id,name,note'];
    for (let i = 1; i <= 30; i++) lines.push(i % 10 === 3 ? `${i},"broken,x` : `${i},P${i},"ok ""q"""`);
    const evs = await read('s.csv', `${lines.join('\n')}\n`, 50);
    expect(errorsOf(evs).map((e) => e.location)).toEqual(['line 4', 'line 14', 'line 24']);
    const rows = rowsAsObjects(evs);
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
    expect(rows[1]).toEqual({ id: '2', name: 'P2', note: 'ok "q"' });
  });

  it('caps the number of fields per row', async () => {
    const evs = await read('w.csv', `a,b\n1,2\n${','.repeat(20_000)}\n3,4\n`, 4096);
    expect(errorsOf(evs).map((e) => e.location)).toEqual(['line 3']);
    const batches = recordsOf(evs);
    // The wide row sits in a batch of its own; the narrow rows around it stay narrow.
    expect(batches.map((b) => [b.columns.length, b.rows.length, b.firstLocation.n])).toEqual([
      [2, 1, 2],
      [16_384, 1, 3],
      [2, 1, 4],
    ]);
  });
});

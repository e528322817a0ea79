import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPath, readStream } from './index.js';
import { safeMemberName } from './archive-guard.js';
import { collect, errorsOf, linesOf, makeTar, makeZip, rowsAsObjects } from './testing.js';

const CSV = 'id,email\n1,ann@example.com\n2,bob@example.org\n';
const NDJSON = '{"email":"cy@example.net"}\n';
/** ≈ 1.6 MB of CSV: more than five 256 KiB inflate chunks. */
const big = `${Array.from({ length: 60_000 }, (_, i) => `${i},user${(i * 7919) % 100_003}@example.com`).join('\n')}\n`;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'readers-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** process.env coerces undefined to the string "undefined": delete instead. */
function restoreTmp(saved: string | undefined): void {
  if (saved === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved;
}

async function file(name: string, data: Buffer): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, data);
  return p;
}

const starts = (evs: Awaited<ReturnType<typeof collect>>) =>
  evs.filter((e) => e.kind === 'file-start').map((e) => (e.kind === 'file-start' ? `${e.path.slice(e.path.lastIndexOf('/') + 1)}:${e.format}` : ''));

describe('archives', () => {
  it('reads zip members (stored and deflated) with outer!/member paths', async () => {
    const p = await file('a.zip', makeZip([{ name: 'dir/x.csv', data: CSV, deflate: true }, { name: 'y.ndjson', data: NDJSON }, { name: 'dir/', data: '' }]));
    const evs = await collect(readPath(p));
    expect(evs[0]).toMatchObject({ kind: 'file-start', path: p, format: 'zip' });
    expect(rowsAsObjects(evs, `${p}!/dir/x.csv`).map((r) => r.email)).toEqual(['ann@example.com', 'bob@example.org']);
    expect(rowsAsObjects(evs, `${p}!/y.ndjson`)).toEqual([{ email: 'cy@example.net' }]);
    expect(errorsOf(evs)).toEqual([]);
    expect(evs.filter((e) => e.kind === 'file-end').map((e) => (e.kind === 'file-end' ? e.records : -1))).toEqual([2, 1, 0]);
    expect(evs.at(-1)).toMatchObject({ kind: 'progress', bytesRead: expect.any(Number) });
  });

  it('a zip holding a stored workbook is read as a zip: the workbook and the other members both', async () => {
    // Before: the workbook's own names, stored as they are inside the member, made the whole
    // archive sniff as a workbook ("no readable worksheets") and people.csv was never read.
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const book = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: `<workbook ${ns}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Type="x" Target="worksheets/s.xml"/></Relationships>' },
      { name: 'xl/worksheets/s.xml', data: `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>email</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>dee@example.com</t></is></c></row></sheetData></worksheet>` },
    ]);
    const p = await file('export', makeZip([{ name: 'book.xlsx', data: book }, { name: 'people.csv', data: CSV }]));
    const evs = await collect(readPath(p));
    expect(evs[0]).toMatchObject({ kind: 'file-start', path: p, format: 'zip' });
    expect(rowsAsObjects(evs, `${p}!/people.csv`).map((r) => r.email)).toEqual(['ann@example.com', 'bob@example.org']);
    expect(JSON.stringify(rowsAsObjects(evs))).toContain('dee@example.com');
    expect(errorsOf(evs)).toEqual([]);
  });

  it('reads .tar, .tar.gz/.tgz and single-member .gz', async () => {
    const tar = await makeTar([
      { name: 'data/x.csv', data: CSV },
      { name: 'y.ndjson', data: NDJSON },
    ]);
    for (const [name, data] of [
      ['t.tar', tar],
      ['t.tar.gz', zlib.gzipSync(tar)],
      ['t.tgz', zlib.gzipSync(tar)],
    ] as const) {
      const p = await file(name, data);
      const evs = await collect(readPath(p));
      expect(evs[0], name).toMatchObject({ kind: 'file-start', path: p, format: 'tar' });
      expect(rowsAsObjects(evs, `${p}!/data/x.csv`)).toHaveLength(2);
      expect(rowsAsObjects(evs, `${p}!/y.ndjson`)).toEqual([{ email: 'cy@example.net' }]);
      expect(errorsOf(evs), name).toEqual([]);
    }
    const gz = await file('people.csv.gz', zlib.gzipSync(CSV));
    const evs = await collect(readPath(gz));
    expect(evs[0]).toMatchObject({ kind: 'file-start', path: gz, format: 'csv' });
    expect(rowsAsObjects(evs)).toHaveLength(2);
  });

  it('reads nested archives: zip in tar.gz in zip, spooling the inner zip to a deleted temp file', async () => {
    const inner = makeZip([{ name: 'deep.csv', data: CSV, deflate: true }]);
    const tgz = zlib.gzipSync(await makeTar([{ name: 'inner.zip', data: inner }]));
    const p = await file('outer.zip', makeZip([{ name: 'mid.tar.gz', data: tgz }]));
    const own = await mkdtemp(join(dir, 'tmp-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own; // private: other test files spool in parallel
    const evs = await collect(readPath(p)).finally(() => restoreTmp(saved));
    expect(errorsOf(evs)).toEqual([]);
    expect(rowsAsObjects(evs, `${p}!/mid.tar.gz!/inner.zip!/deep.csv`)).toHaveLength(2);
    expect(starts(evs)).toEqual(['outer.zip:zip', 'mid.tar.gz:tar', 'inner.zip:zip', 'deep.csv:csv']);
    expect(await readdir(own)).toEqual([]);
  });

  it('stops at maxNesting with an error and still reads shallower members', async () => {
    let z = makeZip([{ name: 'core.csv', data: CSV }]);
    for (let i = 0; i < 3; i++) z = makeZip([{ name: `l${i}.zip`, data: z }, { name: `side${i}.txt`, data: 'hello\n' }]);
    const p = await file('nest.zip', z);
    const evs = await collect(readPath(p, { limits: { maxNesting: 2 } }));
    const errs = errorsOf(evs);
    expect(errs).toHaveLength(1);
    expect(errs[0].message).toMatch(/nested deeper than maxNesting \(2\)/);
    expect(linesOf(evs)).toEqual(['hello', 'hello']);
  });

  it('stops a zip bomb member by compression ratio and reads the other members', async () => {
    const bomb = Buffer.alloc(20 * 1024 * 1024); // zeros deflate ~1000:1
    const p = await file('bomb.zip', makeZip([{ name: 'bomb.txt', data: bomb, deflate: true, declaredSize: 1000 }, { name: 'ok.csv', data: CSV }]));
    const evs = await collect(readPath(p));
    const errs = errorsOf(evs);
    expect(errs.length).toBeGreaterThanOrEqual(1);
    expect(errs[0].path).toBe(`${p}!/bomb.txt`);
    expect(errs.map((e) => e.message).join('\n')).toMatch(/expands beyond its declared size \(zip bomb\?\)/);
    expect(rowsAsObjects(evs, `${p}!/ok.csv`)).toHaveLength(2);
  });

  it('reads a deflated member of many inflate chunks whole, as the unzipped file reads', async () => {
    expect(big.length).toBeGreaterThan(5 * 256 * 1024);
    const plain = await file('big.csv', Buffer.from(big));
    const z = await file('big.zip', makeZip([{ name: 'big.csv', data: big, deflate: true }, { name: 'ok.csv', data: CSV }]));
    const fromZip = await collect(readPath(z));
    const fromFile = await collect(readPath(plain));
    expect(errorsOf(fromZip)).toEqual([]);
    const rows = rowsAsObjects(fromZip, `${z}!/big.csv`);
    expect(rows).toHaveLength(60_000);
    expect(rows).toEqual(rowsAsObjects(fromFile));
    expect(rowsAsObjects(fromZip, `${z}!/ok.csv`)).toHaveLength(2);
  });

  it('reports a deflated member longer or shorter than declared, and reads the next member', async () => {
    for (const [size, msg] of [
      [big.length - 10, 'member expands beyond its declared size (zip bomb?)'],
      [big.length + 10, `not enough bytes in the stream. expected ${big.length + 10}. got only ${big.length}`],
    ] as const) {
      const p = await file(`sized${size}.zip`, makeZip([{ name: 'big.csv', data: big, deflate: true, declaredSize: size }, { name: 'ok.csv', data: CSV }]));
      const evs = await collect(readPath(p));
      const errs = errorsOf(evs);
      expect(errs).toHaveLength(1);
      expect(errs[0].path).toBe(`${p}!/big.csv`);
      expect(errs[0].message).toMatch(/^read failed after \d+ records: /);
      expect(errs[0].message.replace(/^read failed after \d+ records: /, '')).toBe(msg);
      expect(rowsAsObjects(evs, `${p}!/ok.csv`)).toHaveLength(2);
    }
  });

  it('refuses a member whose declared ratio is a bomb, without inflating it', async () => {
    const bomb = Buffer.alloc(8 * 1024 * 1024);
    const p = await file('bomb2.zip', makeZip([{ name: 'b.bin', data: bomb, deflate: true }, { name: 'ok.csv', data: CSV }]));
    const evs = await collect(readPath(p));
    expect(errorsOf(evs).map((e) => [e.path, e.location])).toEqual([[`${p}!/b.bin`, 'member b.bin']]);
    expect(errorsOf(evs)[0].message).toMatch(/declared compression ratio above maxCompressionRatio \(200:1\)/);
    expect(rowsAsObjects(evs, `${p}!/ok.csv`)).toHaveLength(2);
  });

  it('stops a gzip bomb and an archive past maxArchiveBytes', async () => {
    const evs = await collect(readStream('z.log.gz', Readable.from([zlib.gzipSync(Buffer.alloc(30 * 1024 * 1024, 'a'))])));
    const errs = errorsOf(evs);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ path: 'z.log.gz', message: expect.stringMatching(/compression ratio above maxCompressionRatio/) });
    const tar = await makeTar([
      { name: 'a.csv', data: CSV.repeat(200) },
      { name: 'b.csv', data: CSV.repeat(200) },
      { name: 'c.csv', data: CSV },
    ]);
    const evs2 = await collect(readStream('t.tar', Readable.from([tar]), { limits: { maxArchiveBytes: 12_000 } }));
    const e2 = errorsOf(evs2);
    expect(e2).toHaveLength(1);
    expect(e2[0]).toMatchObject({ path: 't.tar!/b.csv', message: expect.stringMatching(/maxArchiveBytes \(12000\)/) });
    expect(rowsAsObjects(evs2, 't.tar!/c.csv')).toHaveLength(0);
  });

  it('reports path-traversal member names, scans their content and writes nothing', async () => {
    const z = makeZip([
      { name: '../../etc/passwd', data: 'root:x:0:0:ann@example.com:/root:/bin/bash\n' },
      { name: '/abs/x.csv', data: CSV },
    ]);
    const evs = await collect(readStream('evil.zip', Readable.from([z])));
    const errs = errorsOf(evs);
    expect(errs.map((e) => e.path)).toEqual(['evil.zip!/etc/passwd', 'evil.zip!/abs/x.csv']);
    expect(errs[0].message).toMatch(/path traversal/);
    expect(linesOf(evs)).toEqual(['root:x:0:0:ann@example.com:/root:/bin/bash']);
    expect(rowsAsObjects(evs, 'evil.zip!/abs/x.csv')).toHaveLength(2);
    const tar = await makeTar([{ name: '../../../tmp/evil.txt', data: 'hello\n' }]);
    const evs2 = await collect(readStream('evil.tar', Readable.from([tar])));
    expect(errorsOf(evs2).map((e) => e.path)).toEqual(['evil.tar!/tmp/evil.txt']);
    expect(linesOf(evs2)).toEqual(['hello']);
  });

  it('reports a truncated gzip with the byte count and keeps what was read', async () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `line ${i} user${i}@example.com`).join('\n');
    const gz = zlib.gzipSync(text);
    const cut = Math.floor(gz.length / 2);
    const evs = await collect(readStream('app.log.gz', Readable.from([gz.subarray(0, cut)])));
    const errs = errorsOf(evs);
    expect(errs).toHaveLength(1);
    expect(errs[0].message).toMatch(new RegExp(`^truncated gzip after ${cut} bytes`));
    expect(errs[0].location).toBe(`byte ${cut}`);
    const lines = linesOf(evs);
    expect(lines.length).toBeGreaterThan(10_000);
    expect(lines.length).toBeLessThan(50_000);
    expect(lines[10_000]).toBe('line 10000 user10000@example.com');
  });

  it('reports a damaged zip without crashing', async () => {
    const z = makeZip([{ name: 'x.csv', data: CSV }]);
    const evs = await collect(readStream('cut.zip', Readable.from([z.subarray(0, z.length - 10)])));
    expect(errorsOf(evs)[0].message).toMatch(/not a readable zip/);
  });

  it('stops after maxEntries members', async () => {
    const z = makeZip(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, data: `line ${i}\n` })));
    const evs = await collect(readStream('many.zip', Readable.from([z]), { limits: { maxEntries: 3 } }));
    expect(errorsOf(evs).map((e) => e.message)).toEqual(['more than maxEntries (3) members; the rest not read']);
    expect(linesOf(evs)).toEqual(['line 0', 'line 1', 'line 2']);
  });

  it('refuses an XLSX whose declared part sizes are a bomb, before inflating anything', async () => {
    const x = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(8 * 1024 * 1024, 'a'), deflate: true },
    ]);
    const evs = await collect(readStream('bomb.xlsx', Readable.from([x])));
    expect(evs[0]).toMatchObject({ format: 'xlsx' });
    expect(errorsOf(evs).map((e) => e.message)).toEqual([
      "XLSX a part's declared compression ratio is above maxCompressionRatio (200:1); not read (zip bomb?)",
    ]);
  });

  it('sanitises member names for display', () => {
    expect(safeMemberName('../../etc/passwd')).toEqual({ name: 'etc/passwd', unsafe: true });
    expect(safeMemberName('C:\\Windows\\x.ini')).toEqual({ name: 'Windows/x.ini', unsafe: true });
    expect(safeMemberName('/abs/./x.csv')).toEqual({ name: 'abs/x.csv', unsafe: true });
    expect(safeMemberName('dir/a\u0000b\u001b.txt')).toEqual({ name: 'dir/a?b?.txt', unsafe: false });
    expect(safeMemberName('ok/dir..name/x')).toEqual({ name: 'ok/dir..name/x', unsafe: false });
  });

  it('deletes a spooled nested zip when the consumer stops early', async () => {
    const inner = makeZip([{ name: 'a.csv', data: CSV }, { name: 'b.csv', data: CSV }]);
    const tar = await makeTar([{ name: 'in.zip', data: inner }]);
    // A private TMPDIR: other test files spool in parallel.
    const own = await mkdtemp(join(dir, 'tmp-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own;
    try {
      const spools = async () => (await readdir(own)).filter((f) => f.startsWith('breachdesk-spool-')).length;
      let seen = 0;
      for await (const ev of readStream('early.tar', Readable.from([tar]))) {
        if (ev.kind === 'records') {
          seen++;
          expect(await spools()).toBe(1);
          break;
        }
      }
      expect(seen).toBe(1);
      expect(await spools()).toBe(0);
    } finally {
      restoreTmp(saved);
    }
  });
});

/**
 * Spooled zips and workbooks are personal data at rest (DESIGN §4): while the scan reads them, the
 * temp file holds ciphertext only. Each case stops the scan at its first row from inside the spool,
 * reads every spool file under a private TMPDIR and looks for a value of the leak in it.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReaderEvent } from '../types.js';
import { readPath, readStream } from './index.js';
import { makeZip, rowsAsObjects } from './testing.js';

const EMAIL = 'ann.spooled@example.com';
/** Stored (not deflated) members: the plaintext would be in the zip bytes as is. */
const CSV = `id,email\n1,${EMAIL}\n2,bob@example.org\n`;
const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const XLSX = makeZip([
  { name: '[Content_Types].xml', data: '<Types/>' },
  { name: 'xl/workbook.xml', data: `<workbook ${ns}><sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>` },
  { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Type="x" Target="worksheets/s.xml"/></Relationships>' },
  { name: 'xl/sharedStrings.xml', data: `<sst ${ns}><si><t>email</t></si><si><t>${EMAIL}</t></si></sst>` },
  { name: 'xl/worksheets/s.xml', data: `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>` },
]);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spool-at-rest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every spool file's bytes under `root` (`breachdesk-spool-*` directories). */
async function spoolFiles(root: string, into = new Map<string, Buffer>()): Promise<Map<string, Buffer>> {
  for (const d of (await readdir(root)).filter((f) => f.startsWith('breachdesk-spool-'))) {
    for (const f of await readdir(join(root, d))) into.set(join(d, f), await readFile(join(root, d, f)));
  }
  return into;
}

/** Reads to the end; at each batch of rows, the spool files as they are then (every spool seen). */
async function scanWatchingSpool(read: () => AsyncIterable<ReaderEvent>): Promise<{ evs: ReaderEvent[]; seen: Buffer[]; after: Buffer[] }> {
  const own = await mkdtemp(join(dir, 'tmp-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = own; // private: other test files spool in parallel
  try {
    const evs: ReaderEvent[] = [];
    const seen = new Map<string, Buffer>();
    for await (const ev of read()) {
      if (ev.kind === 'records') await spoolFiles(own, seen);
      evs.push(ev);
    }
    return { evs, seen: [...seen.values()], after: [...(await spoolFiles(own)).values()] };
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

function expectCiphertextOnly(r: { seen: Buffer[]; after: Buffer[] }, spooled: number): void {
  expect(r.seen).toHaveLength(spooled);
  for (const b of r.seen) {
    expect(b.length).toBeGreaterThan(0);
    expect(b.includes(EMAIL)).toBe(false);
    expect(b.includes('email')).toBe(false);
    // Not a zip on disk either: no local-header or end-of-central-directory signature.
    expect(b.includes(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(false);
    expect(b.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(false);
  }
  expect(r.after).toEqual([]);
}

describe('spool files are encrypted at rest', () => {
  it('a streamed zip (evidence bytes come decrypted, without a file): spooled as ciphertext, read the same', async () => {
    const r = await scanWatchingSpool(() => readStream('leak.zip', Readable.from([makeZip([{ name: 'people.csv', data: CSV }])])));
    expectCiphertextOnly(r, 1);
    expect(rowsAsObjects(r.evs, 'leak.zip!/people.csv').map((x) => x.email)).toEqual([EMAIL, 'bob@example.org']);
  });

  it('a streamed workbook: spooled as ciphertext, its cells read the same', async () => {
    const r = await scanWatchingSpool(() => readStream('leak.xlsx', Readable.from([XLSX])));
    expectCiphertextOnly(r, 1);
    expect(rowsAsObjects(r.evs, 'leak.xlsx').map((x) => x.email)).toEqual([EMAIL]);
  });

  it('a zip inside a zip on disk, and a workbook inside that: each spool ciphertext', async () => {
    const inner = makeZip([
      { name: 'people.csv', data: CSV },
      // Deflated: a stored workbook in a zip's first 4 KiB makes sniffFormat take the zip for a workbook.
      { name: 'book.xlsx', data: XLSX, deflate: true },
    ]);
    const p = join(dir, 'outer.zip');
    // Deflated outside, so the outer zip's head does not sniff as the workbook inside.
    await writeFile(p, makeZip([{ name: 'inner.zip', data: inner, deflate: true }]));
    const r = await scanWatchingSpool(() => readPath(p));
    expectCiphertextOnly(r, 2);
    expect(rowsAsObjects(r.evs, `${p}!/inner.zip!/people.csv`).map((x) => x.email)).toEqual([EMAIL, 'bob@example.org']);
    expect(rowsAsObjects(r.evs, `${p}!/inner.zip!/book.xlsx`).map((x) => x.email)).toEqual([EMAIL]);
  });
});

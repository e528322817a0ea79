import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeZip } from './testing.js';
import { INFLATE_CHUNK, openZipEntry } from './zip-entry.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zip-entry-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Random-ish text (deflates ≈ 2:1, unlike zeros): ≈ 1.3 MB, five 256 KiB chunks and a bit. */
const TEXT = Buffer.from(Array.from({ length: 40_000 }, (_, i) => `${i},user${(i * 7919) % 100_003}@example.com,${(i * 104_729) % 999_983}\n`).join(''));

async function entries(zip: Buffer): Promise<{ zf: yauzl.ZipFile; list: yauzl.Entry[]; p: string }> {
  const p = join(dir, `z${Math.random().toString(36).slice(2)}.zip`);
  await writeFile(p, zip);
  const zf = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.open(p, { lazyEntries: false, autoClose: false }, (e, z) => (e || !z ? rej(e) : res(z))));
  const list: yauzl.Entry[] = [];
  await new Promise<void>((res, rej) => zf.on('entry', (e: yauzl.Entry) => list.push(e)).once('end', res).once('error', rej));
  return { zf, list, p };
}

async function drain(it: AsyncIterable<Buffer>): Promise<{ sizes: number[]; data: Buffer; error: string | null }> {
  const got: Buffer[] = [];
  try {
    for await (const c of it) got.push(c);
    return { sizes: got.map((c) => c.length), data: Buffer.concat(got), error: null };
  } catch (e) {
    return { sizes: got.map((c) => c.length), data: Buffer.concat(got), error: (e as Error).message };
  }
}

describe('openZipEntry', () => {
  it('inflates a deflated entry whole in 256 KiB chunks, and passes a stored one through', async () => {
    expect(TEXT.length).toBeGreaterThan(5 * INFLATE_CHUNK);
    const { zf, list, p } = await entries(makeZip([{ name: 'd.csv', data: TEXT, deflate: true }, { name: 's.csv', data: TEXT }]));
    try {
      const d = await drain((await openZipEntry(zf, list[0], p)).chunks);
      expect(d.error).toBeNull();
      expect(d.data.equals(TEXT)).toBe(true);
      // yauzl's own inflater hands over ≤ 16 KiB at a time (≈ 80 chunks here).
      expect(d.sizes.length).toBeLessThanOrEqual(Math.ceil(TEXT.length / INFLATE_CHUNK) + 1);
      const s = await drain((await openZipEntry(zf, list[1], p)).chunks);
      expect(s.error).toBeNull();
      expect(s.data.equals(TEXT)).toBe(true);
    } finally {
      zf.close();
    }
  });

  it('throws yauzl’s size-check messages for an entry longer or shorter than declared', async () => {
    const { zf, list, p } = await entries(
      makeZip([
        { name: 'long.csv', data: TEXT, deflate: true, declaredSize: TEXT.length - 10 },
        { name: 'short.csv', data: TEXT, deflate: true, declaredSize: TEXT.length + 10 },
      ]),
    );
    try {
      const long = await drain((await openZipEntry(zf, list[0], p)).chunks);
      expect(long.error).toMatch(new RegExp(`^too many bytes in the stream\\. expected ${TEXT.length - 10}\\. got at least ${TEXT.length}$`));
      expect(long.data.length).toBeLessThanOrEqual(TEXT.length - 10);
      const short = await drain((await openZipEntry(zf, list[1], p)).chunks);
      expect(short.error).toBe(`not enough bytes in the stream. expected ${TEXT.length + 10}. got only ${TEXT.length}`);
      expect(short.data.equals(TEXT)).toBe(true);
    } finally {
      zf.close();
    }
  });

  it('rejects at open for an entry whose data runs past the end of the file (truncated archive)', async () => {
    const zip = makeZip([{ name: 'x.csv', data: TEXT, deflate: true }]);
    // Move the central directory's claims past the real data: lie about the compressed size.
    const cdAt = zip.readUInt32LE(zip.length - 6);
    zip.writeUInt32LE(zip.readUInt32LE(cdAt + 20) + 1_000_000, cdAt + 20);
    const { zf, list, p } = await entries(zip);
    try {
      await expect(openZipEntry(zf, list[0], p)).rejects.toThrow(/file data overflows file bounds/);
    } finally {
      zf.close();
    }
  });
});

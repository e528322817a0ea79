/**
 * Test helpers for the readers (no I/O beyond memory): collect events, build ZIP files by hand
 * (APPNOTE.TXT 4.3: local headers, central directory, end record) so tests can craft bombs and
 * traversal names, and build tar archives with tar-stream's pack.
 */
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import tarStream from 'tar-stream';
import type { ReaderEvent } from '../types.js';

export async function collect(it: AsyncIterable<ReaderEvent>): Promise<ReaderEvent[]> {
  const out: ReaderEvent[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}

export type RecordsEvent = Extract<ReaderEvent, { kind: 'records' }>;
export type ErrorEv = Extract<ReaderEvent, { kind: 'error' }>;

export const recordsOf = (evs: ReaderEvent[], path?: string) =>
  evs.filter((e): e is RecordsEvent => e.kind === 'records' && (path === undefined || e.path === path));
export const errorsOf = (evs: ReaderEvent[]) => evs.filter((e): e is ErrorEv => e.kind === 'error');
export const linesOf = (evs: ReaderEvent[]) =>
  evs.flatMap((e) => (e.kind === 'lines' ? e.lines : []));

/** Rows of all record batches as objects keyed by column. */
export function rowsAsObjects(evs: ReaderEvent[], path?: string): Record<string, string | null>[] {
  return recordsOf(evs, path).flatMap((b) => b.rows.map((r) => Object.fromEntries(b.columns.map((c, j) => [c, r[j] ?? null]))));
}

export function streamOf(...parts: (string | Buffer)[]): Readable {
  return Readable.from(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
}

export interface ZipEntrySpec {
  name: string;
  data: Buffer | string;
  deflate?: boolean;
  /** Lie about the uncompressed size in the headers (bomb tests). */
  declaredSize?: number;
}

export function makeZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data) : e.data;
    const body = e.deflate ? zlib.deflateRawSync(data) : data;
    const name = Buffer.from(e.name, 'utf8');
    const crc = zlib.crc32(data);
    const size = e.declaredSize ?? data.length;
    const method = e.deflate ? 8 : 0;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6); // UTF-8 names
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, body);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export async function makeTar(entries: { name: string; data: Buffer | string }[]): Promise<Buffer> {
  const pack = tarStream.pack();
  const out: Buffer[] = [];
  const done = (async () => {
    for await (const c of pack as unknown as AsyncIterable<Buffer>) out.push(c);
  })();
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data) : e.data;
    await new Promise<void>((res, rej) => pack.entry({ name: e.name, size: data.length }, data, (err) => (err ? rej(err) : res())));
  }
  pack.finalize();
  await done;
  return Buffer.concat(out);
}

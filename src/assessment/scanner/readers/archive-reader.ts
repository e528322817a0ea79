/**
 * Containers: ZIP (APPNOTE.TXT, via yauzl from a file — the central directory needs random access),
 * POSIX tar (tar-stream) and gzip (RFC 1952, node:zlib; `.tar.gz`/`.tgz` is gzip around tar). Members
 * are read in memory, never extracted; each is handed back to the dispatcher (`readMember`) one
 * nesting level deeper.
 */
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import tarStream from 'tar-stream';
import type yauzl from 'yauzl';
import { type ReaderEvent, ShardFallback } from '../types.js';
import { bombGuard, detachable, safeMemberName } from './archive-guard.js';
import type { ReadContext, Source } from './reader-context.js';
import { checkAbort, errorEvent } from './reader-context.js';
import { type ZipInput, openZipInput } from './spool-file.js';
import { type ZipEntryBytes, openZipEntry } from './zip-entry.js';

export type ReadMember = (src: Source, ctx: ReadContext) => AsyncGenerator<ReaderEvent>;

/** Placeholder until a member's guarded stream is attached. */
export const EMPTY: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: async function* () {} };

const child = (ctx: ReadContext): ReadContext => ({ ...ctx, depth: ctx.depth + 1 });

/**
 * ReadOptions.members (a distributed scan's group of a top-level archive's members): null when
 * member `index` is read here; otherwise its bytes are counted against the archive budget as the
 * whole archive's reading would count them, and the group falls back to the whole archive before
 * that budget could run out (the bomb guard's stop is read only in order).
 */
function skipMember(ctx: ReadContext, index: number, bytes: number): 'skip' | null {
  const sel = ctx.depth === 0 ? ctx.members : undefined;
  if (!sel || (index - 1) % sel.groups === sel.group) return null;
  ctx.archive.bytes += bytes;
  if (ctx.archive.bytes > ctx.limits.maxArchiveBytes / 2) throw new ShardFallback('the archive nears its expansion budget');
  return 'skip';
}

/** Decompress a gzip source. Truncated or corrupt input ends the stream with a note; what was inflated is kept. */
export function gunzip(src: Source, ctx: ReadContext): AsyncGenerator<Buffer> {
  let inBytes = 0;
  async function* counted() {
    for await (const c of src.chunks) {
      inBytes += c.length;
      yield c;
    }
  }
  async function* inflate() {
    const gz = zlib.createGunzip({ chunkSize: 256 * 1024 });
    pipeline(Readable.from(counted()), gz, () => {});
    let out = 0;
    try {
      for await (const c of gz) {
        out += c.length;
        yield c as Buffer;
      }
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'Z_BUF_ERROR') {
        src.notes.push(errorEvent(src.path, `truncated gzip after ${inBytes} bytes (${out} bytes inflated were read)`, `byte ${inBytes}`));
      } else {
        src.notes.push(errorEvent(src.path, `corrupt gzip data after ${inBytes} bytes (${code ?? 'error'})`, `byte ${inBytes}`));
      }
    }
  }
  return bombGuard(inflate(), src, ctx, () => inBytes);
}

/** Member name with a note for traversal attempts. */
function memberSource(outer: string, raw: string, bytes: number | null, chunks: AsyncIterable<Buffer>, events: ReaderEvent[]): Source {
  const { name, unsafe } = safeMemberName(raw);
  const path = `${outer}!/${name}`;
  if (unsafe) {
    events.push(
      errorEvent(path, 'member name is an absolute path or climbs out with ".." (path traversal); read in memory only, never extracted', `member ${name}`),
    );
  }
  return { path, name, bytes, chunks, notes: [] };
}

export async function* readTar(src: Source, ctx: ReadContext, readMember: ReadMember): AsyncGenerator<ReaderEvent> {
  const extract = tarStream.extract();
  pipeline(Readable.from(src.chunks), extract, () => {});
  let count = 0;
  try {
    for await (const entry of extract) {
      checkAbort(ctx.signal);
      const h = entry.header;
      const d = detachable(entry as unknown as AsyncIterable<Buffer>);
      if (h.type !== 'file' && h.type !== 'contiguous-file') {
        await d.drain();
        continue;
      }
      if (++count > ctx.limits.maxEntries) {
        yield errorEvent(src.path, `more than maxEntries (${ctx.limits.maxEntries}) members; the rest not read`, `member ${count}`);
        entry.resume();
        break;
      }
      if (ctx.archive.exhausted) {
        await d.drain();
        continue;
      }
      if (ctx.depth === 0 && ctx.members) yield { kind: 'member', index: count };
      if (skipMember(ctx, count, h.size ?? 0)) {
        await d.drain();
        continue;
      }
      const events: ReaderEvent[] = [];
      const m = memberSource(src.path, h.name, h.size ?? null, d.view, events);
      m.chunks = bombGuard(d.view, m, ctx, () => 0);
      yield* events;
      yield* readMember(m, child(ctx));
      await d.drain();
    }
  } catch (e) {
    if (ctx.signal?.aborted || e instanceof ShardFallback) throw e;
    yield errorEvent(src.path, `tar archive damaged or truncated after ${count} members`, `member ${count + 1}`);
  }
}

function zipName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer | string;
  if (typeof raw === 'string') return raw;
  // Bit 11 of the general purpose flag: name is UTF-8; otherwise IBM code page 437 (APPNOTE 4.4.4, appendix D).
  return entry.generalPurposeBitFlag & 0x800 ? raw.toString('utf8') : iconv.decode(raw, 'cp437');
}

export async function* readZipFile(file: ZipInput, display: string, ctx: ReadContext, readMember: ReadMember): AsyncGenerator<ReaderEvent> {
  let zf: yauzl.ZipFile;
  try {
    zf = await openZipInput(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false });
  } catch (e) {
    yield errorEvent(display, `not a readable zip archive (${(e as Error).message.slice(0, 100)})`, 'central directory');
    return;
  }
  const nextEntry = () =>
    new Promise<yauzl.Entry | null>((res, rej) => {
      const onEntry = (e: yauzl.Entry) => done(() => res(e));
      const onEnd = () => done(() => res(null));
      const onError = (e: Error) => done(() => rej(e));
      const done = (f: () => void) => {
        zf.off('entry', onEntry).off('end', onEnd).off('error', onError);
        f();
      };
      zf.once('entry', onEntry).once('end', onEnd).once('error', onError);
      zf.readEntry();
    });
  let count = 0;
  try {
    for (;;) {
      checkAbort(ctx.signal);
      const entry = await nextEntry();
      if (!entry) break;
      const raw = zipName(entry);
      if (raw.endsWith('/')) continue;
      if (++count > ctx.limits.maxEntries) {
        yield errorEvent(display, `more than maxEntries (${ctx.limits.maxEntries}) members; the rest not read`, `member ${count}`);
        break;
      }
      if (ctx.archive.exhausted) break;
      if (ctx.depth === 0 && ctx.members) yield { kind: 'member', index: count };
      if (skipMember(ctx, count, entry.isEncrypted() ? 0 : entry.uncompressedSize)) {
        ctx.progress.bytes += entry.compressedSize;
        continue;
      }
      const events: ReaderEvent[] = [];
      const m = memberSource(display, raw, entry.uncompressedSize, EMPTY, events);
      yield* events;
      if (ctx.depth === 0) ctx.progress.bytes += entry.compressedSize;
      if (entry.isEncrypted()) {
        yield errorEvent(m.path, 'encrypted member; not scanned', `member ${m.name}`);
        continue;
      }
      const { maxCompressionRatio } = ctx.limits;
      if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > entry.compressedSize * maxCompressionRatio) {
        yield errorEvent(
          m.path,
          `declared compression ratio above maxCompressionRatio (${maxCompressionRatio}:1); member not read (zip bomb?)`,
          `member ${m.name}`,
        );
        continue;
      }
      let bytes: ZipEntryBytes;
      try {
        bytes = await openZipEntry(zf, entry, file);
      } catch (e) {
        yield errorEvent(m.path, `member could not be opened (${(e as Error).message.slice(0, 100)})`, `member ${m.name}`);
        continue;
      }
      m.chunks = bombGuard(bytes.chunks, m, ctx, () => entry.compressedSize);
      try {
        yield* readMember(m, child(ctx));
      } finally {
        bytes.destroy();
      }
    }
  } catch (e) {
    if (ctx.signal?.aborted || e instanceof ShardFallback) throw e;
    yield errorEvent(display, `zip archive damaged (${(e as Error).message.slice(0, 100)})`, `member ${count + 1}`);
  } finally {
    zf.close();
  }
}

/**
 * Check a zip's central directory against the bomb limits without inflating anything (an XLSX is
 * refused up front when its declared sizes are a bomb). Returns a problem or null.
 */
export async function zipDirectoryProblem(file: ZipInput, ctx: ReadContext): Promise<string | null> {
  const { maxCompressionRatio, maxArchiveBytes, maxEntries } = ctx.limits;
  const zf = await openZipInput(file, { lazyEntries: false, decodeStrings: false, autoClose: true });
  return new Promise((resolve) => {
    let total = 0;
    let count = 0;
    let settled = false;
    const done = (p: string | null) => {
      if (settled) return;
      settled = true;
      zf.close();
      resolve(p);
    };
    zf.on('entry', (e: yauzl.Entry) => {
      total += e.uncompressedSize;
      if (++count > maxEntries) done(`more than maxEntries (${maxEntries}) parts; not read`);
      else if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > e.compressedSize * maxCompressionRatio) {
        done(`a part's declared compression ratio is above maxCompressionRatio (${maxCompressionRatio}:1); not read (zip bomb?)`);
      } else if (ctx.archive.bytes + total > maxArchiveBytes) done(`parts expand beyond maxArchiveBytes (${maxArchiveBytes}); not read (zip bomb?)`);
    });
    zf.on('end', () => done(null));
    zf.on('error', (e: Error) => done(`not a readable zip container (${e.message.slice(0, 100)})`));
  });
}

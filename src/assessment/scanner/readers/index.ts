/**
 * Public entry points of the scanner's readers: bytes → `ReaderEvent`s (see ../types.ts).
 *
 * - Streaming, constant memory: one line / CSV field / JSON element / SQL value is capped by
 *   `maxLineBytes` (an open quoted CSV field by min(maxLineBytes, 1 MiB)); batches hold ≤ 4,096 rows
 *   or ≤ 8,192 lines; rows have ≤ 16,384 fields.
 * - Events per file or archive member: `file-start`, `records`/`lines` batches, `error`s, `file-end`.
 *   Containers (zip, tar) get their own `file-start`/`file-end` with `records: 0` (records are counted
 *   on members). A gzip file is reported once, under its own path, with the format of its content
 *   (`x.csv.gz` is a csv; `x.tar.gz` a tar whose members are `x.tar.gz!/member`). `progress` carries
 *   top-level bytes consumed, every 8 MiB and at the end.
 * - Archives are never extracted to disk; only a zip or xlsx inside another archive/stream is
 *   spooled to a private temp file (≤ 1 GiB) for random access and deleted after.
 * - Binary files: not parsed; their printable ASCII runs (≥ 6 bytes) are yielded as `lines`, with
 *   one error "binary file: not parsed, only its printable strings were scanned". bzip2/xz/zstd/7z/
 *   rar are named in an error and not scanned.
 * - Errors carry no file content: messages name the problem, locations a line/byte/member/record.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { ReaderEvent, ReadLimits, ReadOptions } from '../types.js';
import { DEFAULT_READ_LIMITS } from '../types.js';
import { readSource } from './dispatch.js';
import type { ReadContext } from './reader-context.js';
import { checkAbort, errorEvent } from './reader-context.js';
import { SNIFF_BYTES, sniffFormat } from './sniff.js';

export { sniffFormat } from './sniff.js';

/** Emit a progress event after at least this many new top-level bytes. */
const PROGRESS_STEP = 8 * 1024 * 1024;
const READ_CHUNK = 1024 * 1024;

function context(opts: ReadOptions | undefined): ReadContext {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...opts?.limits };
  return { limits, signal: opts?.signal, depth: 0, archive: { bytes: 0, exhausted: false }, progress: { bytes: 0 }, csvBlocks: opts?.csvBlocks, sqlBlocks: opts?.sqlBlocks, ndjsonBlocks: opts?.ndjsonBlocks, textBlocks: opts?.textBlocks, xlsxBlocks: opts?.xlsxBlocks, range: opts?.range, members: opts?.members, onCsvHeader: opts?.onCsvHeader };
}

async function* counted(stream: AsyncIterable<unknown>, ctx: ReadContext): AsyncGenerator<Buffer> {
  for await (const c of stream) {
    checkAbort(ctx.signal);
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    ctx.progress.bytes += b.length;
    yield b;
  }
}

async function* withProgress(ctx: ReadContext, inner: AsyncIterable<ReaderEvent>): AsyncGenerator<ReaderEvent> {
  let last = 0;
  for await (const ev of inner) {
    checkAbort(ctx.signal);
    yield ev;
    if (ctx.progress.bytes - last >= PROGRESS_STEP) {
      last = ctx.progress.bytes;
      yield { kind: 'progress', bytesRead: last };
    }
  }
  yield { kind: 'progress', bytesRead: ctx.progress.bytes };
}

async function* pathEvents(path: string, opts: ReadOptions | undefined, ctx: ReadContext): AsyncGenerator<ReaderEvent> {
  let size: number;
  let head: Buffer;
  try {
    const st = await stat(path);
    if (!st.isFile()) {
      yield errorEvent(path, 'not a regular file', 'file');
      return;
    }
    size = st.size;
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(Math.min(SNIFF_BYTES, size));
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    yield errorEvent(path, `cannot open (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'file');
    return;
  }
  const format = opts?.format ?? sniffFormat(path, head);
  if (format === 'zip') {
    yield { kind: 'file-start', path, format, bytes: size };
    // Loaded on first use, as dispatch.ts loads the other container readers.
    yield* (await import('./archive-reader.js')).readZipFile(path, path, ctx, readSource);
    ctx.progress.bytes = size;
    yield { kind: 'file-end', path, records: 0 };
    return;
  }
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  yield* readSource({ path, name: path, bytes: size, chunks: counted(stream, ctx), notes: [], filePath: path }, ctx, format);
}

/**
 * Read a file from disk (see the module comment for the event stream). A path that cannot be
 * opened yields a single `error` (location `file`) and no `file-start`.
 */
export function readPath(path: string, opts?: ReadOptions): AsyncIterable<ReaderEvent> {
  const ctx = context(opts);
  return withProgress(ctx, pathEvents(path, opts, ctx));
}

/** Read any byte stream (upload, pipe). `bytes` is the size when known, for `file-start`. */
export function readStream(
  name: string,
  stream: NodeJS.ReadableStream | Readable,
  opts?: ReadOptions & { bytes?: number },
): AsyncIterable<ReaderEvent> {
  const ctx = context(opts);
  const src = { path: name, name, bytes: opts?.bytes ?? null, chunks: counted(stream as AsyncIterable<unknown>, ctx), notes: [] };
  return withProgress(ctx, readSource(src, ctx, opts?.format));
}

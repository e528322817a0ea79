/**
 * Sniffs one source (file or archive member) and routes it to its reader, wrapping the reader's
 * output in `file-start` … `file-end`. Containers recurse through `readSource`. Any exception from a
 * reader becomes an `error` event for that source so one bad member never stops the scan.
 */
import { type FileFormat, type ReaderEvent, ShardFallback } from '../types.js';
import { MAX_SPOOL_BYTES, spool } from './archive-guard.js';
import { readCsv } from './csv-reader.js';
import { coalesce, decodeToUtf8 } from './decode.js';
import { splitLines } from './line-splitter.js';
import type { BodyEvent, ReadContext, Source } from './reader-context.js';
import { baseName, errorEvent } from './reader-context.js';
import { SNIFF_BYTES, decodeHead, sniffDelimiter, sniffEncoding, sniffFormat } from './sniff.js';
import type { ZipInput } from './spool-file.js';
import { readBinaryStrings, readTextLines } from './text-reader.js';

/**
 * The archive, workbook, SQL and JSON readers (with yauzl, tar-stream and iconv-lite behind them)
 * are loaded when a scan first meets such an input: a CSV or log scan's reading thread loaded them
 * all for nothing, ≈ 25 ms of its start-up (bench/README.md, issue 21, branch startup21).
 */
const archiveReader = () => import('./archive-reader.js');
async function* later<T>(load: () => Promise<AsyncIterable<T>>): AsyncGenerator<T> {
  yield* await load();
}

/** Messages of library exceptions may quote input; keep the structure, drop quoted parts. */
function safeMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  // yauzl's validateEntrySizes: the member inflates past the size its headers declare.
  if (m.startsWith('too many bytes in the stream')) return 'member expands beyond its declared size (zip bomb?)';
  return m.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '…').slice(0, 160);
}

/** Replays the sniffed head chunks, then the rest of the iterator. */
async function* replay(head: Buffer[], it: AsyncIterator<Buffer>, ended: boolean): AsyncGenerator<Buffer> {
  try {
    yield* head;
    if (ended) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  } finally {
    if (!ended) await it.return?.();
  }
}

function innerName(name: string): string {
  if (/\.tgz$/i.test(name)) return name.slice(0, -4) + '.tar';
  return name.replace(/\.gz$/i, '');
}

const CONTAINERS: FileFormat[] = ['zip', 'tar', 'gzip'];
/** Text is parsed in pieces of at least blockBytes (batch size, per-call overhead); tests lower it to hit chunk boundaries. */
export const tuning = { blockBytes: 512 * 1024 };

export async function* readSource(src: Source, ctx: ReadContext, forced?: FileFormat): AsyncGenerator<ReaderEvent> {
  const it = src.chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headLen = 0;
  let ended = false;
  let headError: unknown = null;
  try {
    while (headLen < SNIFF_BYTES) {
      const r = await it.next();
      if (r.done) {
        ended = true;
        break;
      }
      head.push(r.value);
      headLen += r.value.length;
    }
  } catch (e) {
    if (ctx.signal?.aborted) throw e;
    headError = e;
    ended = true;
  }
  const headBuf = Buffer.concat(head).subarray(0, SNIFF_BYTES);
  const chunks = replay(head, it, ended);
  const format = forced ?? sniffFormat(src.name, headBuf);
  if (headError) {
    // Unreadable from the start (corrupt member, size mismatch): nothing to parse.
    yield { kind: 'file-start', path: src.path, format, bytes: src.bytes };
    yield errorEvent(src.path, `read failed: ${safeMessage(headError)}`, 'byte 0');
    yield* src.notes.splice(0);
    yield { kind: 'file-end', path: src.path, records: 0 };
    return;
  }

  if (CONTAINERS.includes(format) && ctx.depth >= ctx.limits.maxNesting) {
    yield { kind: 'file-start', path: src.path, format, bytes: src.bytes };
    yield errorEvent(src.path, `archive nested deeper than maxNesting (${ctx.limits.maxNesting}); not opened`, 'archive');
    for await (const _ of chunks); // drain so the enclosing container can continue
    yield { kind: 'file-end', path: src.path, records: 0 };
    return;
  }
  if (format === 'gzip') {
    // The gzip layer has no file-start of its own: the inflated content is the file (`x.csv.gz` is a CSV).
    const inner: Source = { path: src.path, name: innerName(src.name), bytes: src.bytes, chunks: later(async () => (await archiveReader()).gunzip({ ...src, chunks }, ctx)), notes: src.notes };
    yield* readSource(inner, { ...ctx, depth: ctx.depth + 1 });
    return;
  }

  yield { kind: 'file-start', path: src.path, format, bytes: src.bytes };
  let records = 0;
  try {
    if (format === 'tar') yield* (await archiveReader()).readTar({ ...src, chunks }, ctx, readSource);
    else if (format === 'zip') yield* readZipSource(src, chunks, ctx);
    else {
      for await (const ev of body(format, src, chunks, headBuf, ctx)) {
        if (ev.kind === 'records') records += ev.rows.length;
        else if (ev.kind === 'csv-block' || ev.kind === 'sql-block' || ev.kind === 'ndjson-block' || ev.kind === 'xlsx-block') records += ev.rows;
        else if (ev.kind === 'lines') records += ev.lines.length;
        else if (ev.kind === 'text-block') records += ev.lines;
        yield ev;
      }
    }
  } catch (e) {
    if (ctx.signal?.aborted || e instanceof ShardFallback) throw e;
    yield errorEvent(src.path, `read failed after ${records} records: ${safeMessage(e)}`, `record ${records + 1}`);
  }
  yield* src.notes.splice(0);
  yield { kind: 'file-end', path: src.path, records };
}

async function* readZipSource(src: Source, chunks: AsyncGenerator<Buffer>, ctx: ReadContext): AsyncGenerator<ReaderEvent> {
  if (src.filePath) {
    await chunks.return(undefined);
    yield* (await archiveReader()).readZipFile(src.filePath, src.path, ctx, readSource);
    return;
  }
  // yauzl needs random access: spool the nested zip to a private temp file (ciphertext), capped, deleted after.
  const cap = Math.min(MAX_SPOOL_BYTES, Math.max(0, ctx.limits.maxArchiveBytes - ctx.archive.bytes));
  const sp = await spool(chunks, cap);
  if (!sp) {
    yield errorEvent(src.path, `nested zip larger than the spool cap (${cap} bytes); not opened`, 'archive');
    return;
  }
  try {
    yield* (await archiveReader()).readZipFile(sp.file, src.path, ctx, readSource);
  } finally {
    await sp.cleanup();
  }
}

function body(format: FileFormat, src: Source, chunks: AsyncGenerator<Buffer>, head: Buffer, ctx: ReadContext): AsyncIterable<BodyEvent> {
  const max = ctx.limits.maxLineBytes;
  const table = baseName(src.name);
  if (format === 'xlsx') return readXlsxChecked(src, chunks, ctx);
  if (format === 'binary') {
    const packed = unsupportedContainer(head);
    if (packed) return unsupported(src.path, packed, chunks);
    src.notes.push(errorEvent(src.path, 'binary file: not parsed, only its printable strings were scanned', 'byte 0'));
    return readBinaryStrings(src.path, chunks);
  }
  // A later byte range of a file (ReadOptions.range) is UTF-8 text with the file's delimiter and header.
  const range = ctx.depth === 0 ? ctx.range : undefined;
  const enc = range ? 'utf8' : sniffEncoding(head);
  const text = coalesce(decodeToUtf8(chunks, enc, src.path, src.notes), tuning.blockBytes);
  switch (format) {
    case 'csv':
    case 'tsv': {
      const delim = range?.delim ?? (format === 'tsv' ? '\t' : (sniffDelimiter(decodeHead(head, enc)) ?? ','));
      const header = range ? { header: range.header ?? null } : undefined;
      return readCsv(src.path, table, delim, splitLines(text, src.path, max), max, ctx.csvBlocks === true, header, ctx.depth === 0 ? ctx.onCsvHeader : undefined);
    }
    case 'ndjson':
      return later(async () => (await import('./ndjson-reader.js')).readNdjson(src.path, table, splitLines(text, src.path, max), true, ctx.ndjsonBlocks === true));
    case 'json':
      return later(async () => (await import('./json-reader.js')).readJsonDocument(src.path, table, text, max));
    case 'sql':
      // With blocks, strict rows are found on the bytes (sql-byte-scanner.ts).
      if (ctx.sqlBlocks === true) return later(async () => (await import('./sql-byte-scanner.js')).readSqlBytes(src.path, text, max));
      return later(async () => (await import('./sql-reader.js')).readSql(src.path, text, max));
    default:
      return readTextLines(src.path, splitLines(text, src.path, max), ctx.textBlocks === true);
  }
}

/**
 * XLSX is a zip read with random access (yauzl), so a streamed workbook is spooled to a private temp
 * file (encrypted at rest, capped, deleted after); its central directory is checked against the bomb limits first.
 */
async function* readXlsxChecked(src: Source, chunks: AsyncGenerator<Buffer>, ctx: ReadContext): AsyncGenerator<BodyEvent> {
  let file: ZipInput | undefined = src.filePath;
  let cleanup: (() => Promise<void>) | null = null;
  if (file) await chunks.return(undefined);
  else {
    const cap = Math.min(MAX_SPOOL_BYTES, Math.max(0, ctx.limits.maxArchiveBytes - ctx.archive.bytes));
    const sp = await spool(chunks, cap);
    if (!sp) {
      yield errorEvent(src.path, `workbook larger than the spool cap (${cap} bytes); not read`, 'workbook');
      return;
    }
    file = sp.file;
    cleanup = sp.cleanup;
  }
  try {
    const problem = await (await archiveReader()).zipDirectoryProblem(file, ctx);
    if (problem) yield errorEvent(src.path, `XLSX ${problem}`, 'workbook');
    else yield* (await import('./xlsx-reader.js')).readXlsx(src.path, file, ctx);
  } finally {
    await cleanup?.();
  }
}

/** Compressed/archive formats we recognise but cannot open (their strings would be noise). */
function unsupportedContainer(head: Buffer): string | null {
  const h = (sig: number[]) => sig.every((b, i) => head[i] === b);
  if (h([0x42, 0x5a, 0x68])) return 'bzip2';
  if (h([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  if (h([0x28, 0xb5, 0x2f, 0xfd])) return 'zstd';
  if (h([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (h([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'rar';
  return null;
}

async function* unsupported(path: string, kind: string, chunks: AsyncIterable<Buffer>): AsyncGenerator<BodyEvent> {
  yield errorEvent(path, `${kind} archive/compression is not supported; not scanned (decompress it first)`, 'byte 0');
  for await (const _ of chunks); // drain so an enclosing archive can continue
}

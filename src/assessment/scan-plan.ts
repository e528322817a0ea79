/**
 * How a distributed scan cuts one evidence item into shards (issue 18 §2): whole when it is small
 * or of a kind read only in one go (a workbook, a SQL dump, a JSON document, a gzip stream); a zip
 * or tar as groups of its members (shard g reads the members i with (i - 1) % groups === g and the
 * merge puts them back in the archive's order); a big CSV, NDJSON or log file as byte ranges that
 * start at records (readers/record-boundary.ts), each read with the file's own delimiter, header and
 * column classes, decided here once on the file's first rows as the whole file's reading decides
 * them. What a part cannot reproduce exactly makes its shard fall back to the whole item
 * (ShardFallback, scan-shards.ts), so the report stays the single-process scan's.
 */
import { Readable } from 'node:stream';
import { CLASSIFY_SAMPLE_ROWS } from './scanner/engine/constants.js';
import type { DetectionPort } from './scanner/engine/detection.port.js';
import type { RangePart } from './scanner/engine/scan-read.js';
import { readStream } from './scanner/readers/index.js';
import { csvRecordStart, lineStart } from './scanner/readers/record-boundary.js';
import { SNIFF_BYTES, decodeHead, sniffDelimiter, sniffEncoding, sniffFormat } from './scanner/readers/sniff.js';
import type { FileFormat } from './scanner/types.js';

/** One shard's part of its evidence item; null (in the table) = the whole item. */
export type ShardUnit =
  | {
      kind: 'range';
      /** The range's place in the file (0 = the start) and the number of ranges. */
      index: number;
      ranges: number;
      start: number;
      end: number;
      format: FileFormat;
      delim?: string;
      header?: string[] | null;
      classes: RangePart['classes'];
    }
  | { kind: 'members'; group: number; groups: number };

export type OpenRange = (range?: { start: number; end: number }) => Promise<{ name: string; size: number; chunks: AsyncIterable<Buffer | Uint8Array> }>;

/** Bytes read after a cut to find the next record start (longer than the reader's quoted-field cap, 1 MiB). */
const WINDOW = 1024 * 1024 + 64 * 1024;
/** At most this many groups of one archive's members (each group reads the archive's directory or stream). */
const MAX_GROUPS = 16;
const RANGED: FileFormat[] = ['csv', 'tsv', 'ndjson', 'text'];

async function bytesOf(chunks: AsyncIterable<Buffer | Uint8Array>, max = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const c of chunks) {
    parts.push(Buffer.from(c));
    n += c.length;
    if (n >= max) break;
  }
  return Buffer.concat(parts).subarray(0, Math.min(n, max));
}

/** The item's shards' units: [null] for one shard of the whole item. */
export async function planUnits(open: OpenRange, shardBytes: number, detection: () => Promise<DetectionPort>): Promise<(ShardUnit | null)[]> {
  const first = await open({ start: 0, end: SNIFF_BYTES });
  const head = await bytesOf(first.chunks);
  const size = first.size;
  const n = Math.ceil(size / shardBytes);
  if (n < 2) return [null];
  const format = sniffFormat(first.name, head);
  if (format === 'zip' || format === 'tar') {
    const groups = Math.min(MAX_GROUPS, n);
    return Array.from({ length: groups }, (_, group) => ({ kind: 'members', group, groups }));
  }
  const enc = sniffEncoding(head);
  if (!RANGED.includes(format) || (enc !== 'utf8' && enc !== 'utf8-bom')) return [null];
  let delim: string | undefined;
  if (format === 'csv' || format === 'tsv') {
    delim = format === 'tsv' ? '\t' : (sniffDelimiter(decodeHead(head, enc)) ?? ',');
    // The boundary search reads bytes: a one-byte ASCII delimiter only.
    if (delim.length !== 1 || delim.charCodeAt(0) >= 0x80) return [null];
  }
  // The file's first rows, read as the whole file's reading reads them (same chunks from byte 0):
  // the CSV header it decides and the classes of the columns of its first batch (and of a preamble's before it).
  let header: string[] | null | undefined;
  const classes: RangePart['classes'] = [];
  if (format !== 'text') {
    const whole = await open();
    const events = readStream(whole.name, Readable.from(whole.chunks), { bytes: size, onCsvHeader: (h) => (header = h) });
    for await (const ev of events) {
      if (ev.kind === 'error') return [null];
      if (ev.kind !== 'records') continue;
      const port = await detection();
      classes.push({ table: ev.table, columns: ev.columns, classes: port.classifyColumns(ev.table, ev.columns, ev.rows.slice(0, CLASSIFY_SAMPLE_ROWS)) });
      // A preamble above the header (findHeaderRow) is a batch of its own: the table's batch is next.
      if (!header || classes.length >= 2 || ev.columns[0] === (header[0]?.trim() || 'column_1')) break;
    }
    if (classes.length === 0) return [null];
    // Without a header a batch's columns follow its widest row: ranges would classify anew.
    if (delim && !header) return [null];
  }
  const cuts = [0];
  for (let k = 1; k < n; k++) {
    const at = Math.floor((k * size) / n);
    if (at <= cuts[cuts.length - 1]) continue;
    const w = await bytesOf((await open({ start: at, end: Math.min(size, at + WINDOW) })).chunks);
    const off = delim ? csvRecordStart(w, delim.charCodeAt(0)) : lineStart(w);
    const pos = at + off;
    if (off >= 0 && pos > cuts[cuts.length - 1] && pos < size) cuts.push(pos);
  }
  if (cuts.length < 2) return [null];
  return cuts.map((start, index) => ({
    kind: 'range',
    index,
    ranges: cuts.length,
    start,
    end: cuts[index + 1] ?? size,
    format,
    ...(delim ? { delim, header } : {}),
    classes,
  }));
}

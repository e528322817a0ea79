/**
 * The scan's reading loop: readers → column classification → batch detection (worker threads or
 * in-thread), each batch's partial handed to a sink in submission order. The sink is the scan's
 * aggregate (scan.ts), or a shard's log (shard-log.ts) that a distributed scan replays into one
 * aggregate later, in the same order, so both give the same report.
 */
import { statSync } from 'node:fs';
import { type ColumnClass, type FileFormat, type ReaderEvent, ShardFallback } from '../types.js';
import type { BatchResult, BatchTask } from './batch.js';
import { columnIsRead } from '../classify/column-read.js';
import { CLASSIFY_SAMPLE_ROWS } from './constants.js';
import type { ReadFn } from './customers.js';
import type { DetectionPort } from './detection.port.js';
import { csvBlockRows } from '../readers/csv-block.js';
import { ndjsonBlockRows } from '../readers/ndjson-block.js';
import { sqlBlockRows } from '../readers/sql-block.js';
import { xlsxBlockRows } from '../readers/xlsx-sheet.js';
import { packRows } from './pack.js';
import { type BatchRunner, isWholeBuffer } from './pool.js';
import type { ScanOptions, ScanProgress } from './scan.js';

/** What the reading loop feeds: the aggregate (aggregate.ts) or a shard's log (shard-log.ts). */
export interface ScanSink {
  fileStart(path: string, format: FileFormat, bytes: number | null): void;
  /** Counts `n` more records of `path`; returns how many it had before. */
  countRecords(path: string, n: number): number;
  addColumns(file: string, table: string, classes: ColumnClass[]): void;
  merge(r: BatchResult): void;
  addError(path: string, e: { message: string; location: string }): void;
  /** ReadOptions.members: archive member `index` comes next (a shard's log marks it for the merge's order). */
  member?(index: number): void;
}

/**
 * A byte range of a file read by one shard of a distributed scan (scan-shards.ts): the file's column
 * classes, decided up front on its first rows, and whether this is the file's first range (which
 * records them, where the whole file's reading would). Anything the whole file's reading could do
 * differently — an error, a column set not classified up front — throws ShardFallback instead.
 */
export interface RangePart {
  classes: { table: string; columns: string[]; classes: ColumnClass[] }[];
  first: boolean;
}

export interface ReadContext {
  opts: ScanOptions;
  read: ReadFn;
  detection: () => Promise<DetectionPort>;
  runner: BatchRunner;
  key: Buffer;
  /** This scan's id in its batches (batch.ts `run`): threads remember per scan which values they sent. */
  run: string;
  bytesTotal: number;
  /** A byte range of one file (distributed scans). */
  part?: RangePart;
}

/**
 * Worker batches carry only the columns the default detectors read: cloning the others to a
 * worker thread (structured clone of every cell) cost more than detecting the read ones.
 */
interface Projection {
  classes: ColumnClass[];
  keep: number[];
}
const projections = new WeakMap<ColumnClass[], Projection | null>();
function projection(cls: ColumnClass[]): Projection | null {
  let p = projections.get(cls);
  if (p === undefined) {
    const keep = cls.flatMap((c, j) => (columnIsRead(c) ? [j] : []));
    p = keep.length < cls.length ? { classes: keep.map((j) => cls[j]), keep } : null;
    projections.set(cls, p);
  }
  return p;
}

export function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Reads every path into `sink`. Returns the batches still in flight (merged in order once they
 * settle) and the in-thread detection port if classification loaded it.
 */
export async function readInto(sink: ScanSink, ctx: ReadContext): Promise<{ inFlight: Set<Promise<void>>; port: DetectionPort | null; lost: () => ShardFallback | null }> {
  const { opts, read, detection, runner, key, run, bytesTotal } = ctx;
  const progress: ScanProgress = { bytesRead: 0, bytesTotal, records: 0 };
    const inFlight = new Set<Promise<void>>();
    let lost: ShardFallback | null = null;
    const limit = Math.max(2, runner.threads * 2);
    // Partials are merged in submission order, not completion order: with worker threads the
    // report (samples, error order) must not depend on which thread finished first.
    let lastMerged: Promise<void> = Promise.resolve();
    const submit = async (path: string, task: BatchTask, n: number, transfer?: ArrayBuffer[]) => {
      const base = sink.countRecords(path, n);
      task.run = run;
      if (opts.onRecord) task.trace = true;
      if (opts.rawSamples) task.raw = true;
      // Settled at once so a failing batch is never an unhandled rejection while it waits its turn.
      const settled = runner.run(task, transfer).then(
        (r: BatchResult) => ({ r, err: undefined }),
        (err: unknown) => ({ r: undefined, err }),
      );
      const p: Promise<void> = lastMerged.then(async () => {
        const { r, err } = await settled;
        if (r) {
          sink.merge(r);
          r.trace?.forEach((t, i) => {
            opts.onRecord?.(path, base + i, t ? t.split(',') : []);
          });
        } else {
          // A detector bug on one batch is reported on its file; the rest is still assessed.
          const message = err instanceof Error ? err.message : String(err);
          // Not thrown here (a rejected merge nobody awaits yet): the reading loop throws it.
          if (part) lost ??= new ShardFallback('detection failed');
          sink.addError(path, { message: `detection failed: ${message}`, location: 'batch' });
        }
        inFlight.delete(p);
      });
      lastMerged = p;
      inFlight.add(p);
      progress.records += n;
      if (inFlight.size >= limit) await Promise.race(inFlight);
    };
    let port: DetectionPort | null = null;
    // Quote-free CSV blocks are split by the worker threads, not here (readers/csv-block.ts); so
    // are SQL dump rows of strict shapes (readers/sql-block.ts) and the lines of text files and
    // logs (readers/text-reader.ts).
    const csvBlocks = opts.csvBlocks ?? (runner.threads > 0 && !opts.detection);
    const classes = new Map<string, ColumnClass[]>();
    const part = ctx.part;
    const given = new Map(part?.classes.map((c) => [`${c.table}\0${c.columns.join('\0')}`, c.classes]));
    const fail = (reason: string) => {
      throw new ShardFallback(reason);
    };
    /** The columns' classes, classified once per (file, table, columns) on its first rows. */
    const classify = async (path: string, table: string, columns: string[], rows: () => (string | null)[][]) => {
      const ck = `${path}\0${table}\0${columns.join('\0')}`;
      let cls = classes.get(ck);
      if (!cls && part) {
        cls = given.get(`${table}\0${columns.join('\0')}`) ?? fail('a column set not classified up front');
        classes.set(ck, cls);
        if (part.first) sink.addColumns(path, table, cls);
      }
      if (!cls) {
        const sample = rows().slice(0, CLASSIFY_SAMPLE_ROWS);
        if (runner.classify && !opts.detection) cls = await runner.classify({ table, columns, sample });
        else {
          port ??= await detection();
          cls = port.classifyColumns(table, columns, sample);
        }
        classes.set(ck, cls);
        sink.addColumns(path, table, cls);
      }
      return cls;
    };
    let doneBytes = 0;
    for (const path of opts.paths) {
      const events = read(path, { limits: opts.limits, signal: opts.signal, csvBlocks, sqlBlocks: csvBlocks, ndjsonBlocks: csvBlocks, textBlocks: csvBlocks, xlsxBlocks: csvBlocks });
      try {
        for await (const ev of events as AsyncIterable<ReaderEvent>) {
          opts.signal?.throwIfAborted();
          if (lost) throw lost;
          switch (ev.kind) {
            case 'file-start':
              sink.fileStart(ev.path, ev.format, ev.bytes);
              break;
            case 'csv-block': {
              const width = ev.columns.length;
              // The reader sends blocks only after rows of the same table, so its columns are
              // normally classified already; if not, on this block's own rows.
              const cls = await classify(ev.path, ev.table, ev.columns, () => csvBlockRows(ev.buf, ev.delim, width, null, ev.quoted));
              const proj = opts.detection ? null : projection(cls);
              // The worker owns the block's memory: the block itself when it is all of its buffer
              // (the line splitter's joined blocks, nearly all of them; the reader never looks at
              // a yielded block again), else an exact-size copy (Buffer#slice would not copy). Not
              // copying saved the reading thread ≈ 1 GB of allocation a GB, and its garbage
              // collections (bench/README.md, 2026-11-27, fourth session).
              const buf = isWholeBuffer(ev.buf) ? ev.buf : new Uint8Array(ev.buf);
              const task: BatchTask = {
                kind: 'csv-block', key, classes: proj ? proj.classes : cls, delim: ev.delim, width, keep: proj ? proj.keep : null, buf, quoted: ev.quoted,
              };
              await submit(ev.path, task, ev.rows, runner.threads > 0 ? [buf.buffer as ArrayBuffer] : undefined);
              break;
            }
            case 'sql-block': {
              const width = ev.columns.length;
              // The reader sends a table's blocks only after its first row batch: classified.
              const cls = await classify(ev.path, ev.table, ev.columns, () => sqlBlockRows(ev.buf, ev.mode, ev.backslash, width));
              const proj = opts.detection ? null : projection(cls);
              const buf = isWholeBuffer(ev.buf) ? ev.buf : new Uint8Array(ev.buf);
              const task: BatchTask = {
                kind: 'sql-block', key, classes: proj ? proj.classes : cls, mode: ev.mode, backslash: ev.backslash, width, keep: proj ? proj.keep : null, buf,
              };
              await submit(ev.path, task, ev.rows, runner.threads > 0 ? [buf.buffer as ArrayBuffer] : undefined);
              break;
            }
            case 'ndjson-block': {
              const width = ev.columns.length;
              // A shape's first lines went as a records batch (ndjson-shapes.ts learns from them): classified.
              const cls = await classify(ev.path, ev.table, ev.columns, () => ndjsonBlockRows(ev.buf, ev.source, width));
              const proj = opts.detection ? null : projection(cls);
              const buf = isWholeBuffer(ev.buf) ? ev.buf : new Uint8Array(ev.buf);
              const task: BatchTask = {
                kind: 'ndjson-block', key, classes: proj ? proj.classes : cls, source: ev.source, width, keep: proj ? proj.keep : null, buf,
              };
              await submit(ev.path, task, ev.rows, runner.threads > 0 ? [buf.buffer as ArrayBuffer] : undefined);
              break;
            }
            case 'xlsx-block': {
              const width = ev.columns.length;
              // The reader sends a column set's blocks only after a records batch of it: classified.
              const cls = await classify(ev.path, ev.table, ev.columns, () => xlsxBlockRows(ev.buf, ev.sheet, width, null, ev.rows));
              const proj = opts.detection ? null : projection(cls);
              const buf = isWholeBuffer(ev.buf) ? ev.buf : new Uint8Array(ev.buf);
              const task: BatchTask = {
                kind: 'xlsx-block', key, classes: proj ? proj.classes : cls, width, keep: proj ? proj.keep : null, buf, rows: ev.rows, sheet: ev.sheet,
              };
              await submit(ev.path, task, ev.rows, runner.threads > 0 ? [buf.buffer as ArrayBuffer] : undefined);
              break;
            }
            case 'records': {
              const cls = await classify(ev.path, ev.table, ev.columns, () => ev.rows);
              let task: BatchTask;
              if (runner.threads > 0) {
                const proj = opts.detection ? null : projection(cls);
                task = proj
                  ? { kind: 'packed-records', key, classes: proj.classes, width: proj.keep.length, packed: packRows(ev.rows, proj.keep, 0) }
                  : { kind: 'packed-records', key, classes: cls, width: cls.length, packed: packRows(ev.rows, null, cls.length) };
              } else task = { kind: 'records', key, classes: cls, rows: ev.rows };
              await submit(ev.path, task, ev.rows.length);
              break;
            }
            case 'lines':
              await submit(ev.path, { kind: 'lines', key, lines: ev.lines }, ev.lines.length);
              break;
            case 'text-block': {
              // Decoded and split by the worker (readers/text-reader.ts); it owns the memory, as for csv-block.
              const buf = isWholeBuffer(ev.buf) ? ev.buf : new Uint8Array(ev.buf);
              await submit(ev.path, { kind: 'text-block', key, buf }, ev.lines, runner.threads > 0 ? [buf.buffer as ArrayBuffer] : undefined);
              break;
            }
            case 'progress':
              progress.bytesRead = doneBytes + ev.bytesRead;
              opts.onProgress?.({ ...progress });
              break;
            case 'error':
              if (part) fail('the reader reported an error');
              sink.addError(ev.path, { message: ev.message, location: ev.location });
              break;
            case 'member':
              // The merge orders groups of members by these marks: the member before is merged whole.
              await lastMerged;
              sink.member?.(ev.index);
              break;
            case 'file-end':
              break;
          }
        }
      } catch (err) {
        if (opts.signal?.aborted || err instanceof ShardFallback) throw err;
        if (part) fail('the reader failed');
        // A reader that gives up on one input must not lose the others (issue 4, hostile input).
        const message = err instanceof Error ? err.message : String(err);
        sink.addError(path, { message: `read failed: ${message}`, location: 'file' });
      }
      doneBytes += (opts.sizeOf ?? sizeOf)(path);
      progress.bytesRead = doneBytes;
      opts.onProgress?.({ ...progress });
    }
  return { inFlight, port, lost: () => lost };
}

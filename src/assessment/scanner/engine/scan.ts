/**
 * The scan engine: pure orchestration of readers → column classification → batch detection
 * (worker threads or in-thread) → aggregation → people, jurisdictions, customer matching →
 * ExposureReport v1. No printing here; the CLI (scan.cli.ts) and the server job call `scan()`.
 */
import { statSync } from 'node:fs';
import type { ExposureReport } from '../../scan.schema.js';
import type { ColumnClass, ReadLimits, ReaderEvent } from '../types.js';
import { Aggregate, type AggregateOptions } from './aggregate.js';
import type { BatchResult, BatchTask } from './batch.js';
import { randomBytes } from 'node:crypto';
import { columnIsRead } from '../classify/column-read.js';
import { CLASSIFY_SAMPLE_ROWS } from './constants.js';
import { addCustomers, type MatchedCustomer, type ReadFn, readCustomerRows } from './customers.js';
import type { DetectionPort } from './detection.port.js';
import { csvBlockRows } from '../readers/csv-block.js';
import { sqlBlockRows } from '../readers/sql-block.js';
import { packRows } from './pack.js';
import type { PeopleResult } from './people.js';
import { createBatchRunner, createPartitionGrouper, isWholeBuffer } from './pool.js';
import { TempDir } from './spill-log.js';
import { SpillStore } from './spill-store.js';

export { CLASSIFY_SAMPLE_ROWS };

export interface ScanProgress {
  bytesRead: number;
  bytesTotal: number;
  records: number;
}

export interface ScanOptions extends AggregateOptions {
  paths: string[];
  /** Reader; defaults to the real readers' readPath. */
  read?: ReadFn;
  /** In-thread detection; defaults to the real detectors (worker threads always use those). */
  detection?: () => Promise<DetectionPort>;
  /** Worker threads for detection; 0 = in the calling thread. */
  workers?: number;
  customers?: string;
  /** Blind-index key; a fresh random key per scan by default. */
  key?: Buffer;
  limits?: Partial<ReadLimits>;
  signal?: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
  /** Keep the unmasked values behind the samples (`ScanResult.rawSamples`); never printed by the CLI. */
  rawSamples?: boolean;
  /** Called with every record's element ids (0-based index per file); for accuracy tests. */
  onRecord?: (path: string, index: number, elements: string[]) => void;
  /** Directory for temporary spill files (default: OS temp dir). */
  tmpDir?: string;
  /**
   * Let the reader hand quote-free CSV blocks and strict SQL dump rows over unsplit
   * (ReadOptions.csvBlocks, sqlBlocks); default: when
   * worker threads run the default detectors. Tests force it on to compare both paths in-thread.
   */
  csvBlocks?: boolean;
}

export interface ScanResult {
  report: ExposureReport;
  /** Customer rows linked to a leaked individual (contacts for notices); [] without customers. */
  matchedCustomers: MatchedCustomer[];
  /** The HMAC key the digests were made with (kept only in memory; store it encrypted if at all). */
  key: Buffer;
  /** With `rawSamples`: element id → the unmasked values behind `report.elements[id].samples`, same order. */
  rawSamples?: Record<string, string[]>;
}

async function defaultRead(): Promise<ReadFn> {
  const mod = await import('../readers/index.js');
  return mod.readPath as ReadFn;
}

async function defaultDetectionPort(): Promise<DetectionPort> {
  return (await import('./default-detection.js')).defaultDetection;
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
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Values in the people index from which its partitions are grouped on threads of their own. */
const GROUP_IN_THREADS_FROM = 1_000_000;

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const key = opts.key ?? randomBytes(32);
  /** This scan's id in its batches (batch.ts `run`): threads remember per scan which values they sent. */
  const run = randomBytes(8).toString('hex');
  const read = opts.read ?? (await defaultRead());
  const detection = opts.detection ?? defaultDetectionPort;
  const runner = createBatchRunner(opts.workers ?? 0, detection);
  const temp = new TempDir(opts.tmpDir);
  const spill = new SpillStore(opts.tmpDir);
  try {
    await runner.ready();
    const agg = new Aggregate(temp, spill, opts);
    const bytesTotal = opts.paths.reduce((n, p) => n + sizeOf(p), 0);
    const progress = { bytesRead: 0, bytesTotal, records: 0 };
    const inFlight = new Set<Promise<void>>();
    const limit = Math.max(2, runner.threads * 2);
    // Partials are merged in submission order, not completion order: with worker threads the
    // report (samples, error order) must not depend on which thread finished first.
    let lastMerged: Promise<void> = Promise.resolve();
    const submit = async (path: string, task: BatchTask, n: number, transfer?: ArrayBuffer[]) => {
      const base = agg.file(path).records;
      agg.file(path).records += n;
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
          agg.merge(r);
          r.trace?.forEach((t, i) => {
            opts.onRecord?.(path, base + i, t ? t.split(',') : []);
          });
        } else {
          // A detector bug on one batch is reported on its file; the rest is still assessed.
          const message = err instanceof Error ? err.message : String(err);
          agg.file(path).errors.push({ message: `detection failed: ${message}`, location: 'batch' });
        }
        inFlight.delete(p);
      });
      lastMerged = p;
      inFlight.add(p);
      progress.records += n;
      if (inFlight.size >= limit) await Promise.race(inFlight);
    };
    let port: DetectionPort | null = null;
    // Quote-free CSV blocks are split by the worker threads, not here (readers/csv-block.ts).
    const csvBlocks = opts.csvBlocks ?? (runner.threads > 0 && !opts.detection);
    const classes = new Map<string, ColumnClass[]>();
    /** The columns' classes, classified once per (file, table, columns) on its first rows. */
    const classify = async (path: string, table: string, columns: string[], rows: () => (string | null)[][]) => {
      const ck = `${path}\0${table}\0${columns.join('\0')}`;
      let cls = classes.get(ck);
      if (!cls) {
        port ??= await detection();
        cls = port.classifyColumns(table, columns, rows().slice(0, CLASSIFY_SAMPLE_ROWS));
        classes.set(ck, cls);
        agg.addColumns(path, table, cls);
      }
      return cls;
    };
    let doneBytes = 0;
    for (const path of opts.paths) {
      const events = read(path, { limits: opts.limits, signal: opts.signal, csvBlocks, sqlBlocks: csvBlocks });
      try {
        for await (const ev of events as AsyncIterable<ReaderEvent>) {
          opts.signal?.throwIfAborted();
          switch (ev.kind) {
            case 'file-start':
              agg.fileStart(ev.path, ev.format, ev.bytes);
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
            case 'progress':
              progress.bytesRead = doneBytes + ev.bytesRead;
              opts.onProgress?.({ ...progress });
              break;
            case 'error':
              agg.file(ev.path).errors.push({ message: ev.message, location: ev.location });
              break;
            case 'file-end':
              break;
          }
        }
      } catch (err) {
        if (opts.signal?.aborted) throw err;
        // A reader that gives up on one input must not lose the others (issue 4, hostile input).
        const message = err instanceof Error ? err.message : String(err);
        agg.file(path).errors.push({ message: `read failed: ${message}`, location: 'file' });
      }
      doneBytes += sizeOf(path);
      progress.bytesRead = doneBytes;
      opts.onProgress?.({ ...progress });
    }
    // As many grouping threads as detection threads, started now so that they load while the
    // last batches finish; two partitions in flight each. A small index is grouped here: starting
    // threads (≈ 50 ms) costs more than grouping a million values (≈ 30 ms).
    const grouper = createPartitionGrouper(agg.people.values >= GROUP_IN_THREADS_FROM ? runner.threads : 0);
    let people: PeopleResult;
    let customers: { customers: number; errors: { message: string; location: string }[] } | null = null;
    try {
      await Promise.all(inFlight);
      // Free the detection threads' memory before the partitions are grouped (RSS budget).
      await runner.close();
      if (opts.customers) {
        port ??= await detection();
        customers = await addCustomers(opts.customers, agg.people, key, port, read, { limits: opts.limits });
      }
      people = await agg.people.finish(grouper.group, 2 * Math.max(1, runner.threads));
    } finally {
      await grouper.close();
    }
    const matchedCustomers = opts.customers
      ? await readCustomerRows(opts.customers, people.matchedCustomerRows, read, { limits: opts.limits })
      : [];
    const body = agg.build(people);
    const durationMs = Math.round(performance.now() - started);
    const report: ExposureReport = {
      ...body,
      matching: {
        customers: customers?.customers ?? 0,
        matched: customers ? people.matchedIndividuals : 0,
        unmatched: customers ? people.individuals - people.matchedIndividuals : 0,
      },
      performance: {
        durationMs,
        bytesPerSecond: durationMs > 0 ? Math.round((bytesTotal / durationMs) * 1000) : 0,
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
      },
    };
    const result: ScanResult = { report, matchedCustomers, key };
    if (opts.rawSamples) result.rawSamples = Object.fromEntries(agg.rawSamples);
    return result;
  } finally {
    await runner.close();
    spill.close();
    temp.remove();
  }
}

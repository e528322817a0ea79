/**
 * Internal plumbing shared by the readers: the per-source context (limits, nesting depth, shared
 * archive budget, top-level progress) and the byte source a reader consumes. Not exported from
 * index.ts: the public contract is ReaderEvent in ../types.ts.
 */
import type { ReaderEvent, ReadLimits, ReadOptions } from '../types.js';

export type ErrorEvent = Extract<ReaderEvent, { kind: 'error' }>;

/** Reader output without file-start/file-end/progress, which the dispatcher adds. */
export type BodyEvent = Extract<ReaderEvent, { kind: 'records' | 'csv-block' | 'sql-block' | 'ndjson-block' | 'xlsx-block' | 'lines' | 'text-block' | 'error' }>;

export interface ReadContext {
  limits: ReadLimits;
  signal?: AbortSignal;
  /** Archive nesting depth of the source being read (0 = top level). */
  depth: number;
  /** Uncompressed bytes read out of the current top-level archive (zip bomb budget). */
  archive: { bytes: number; exhausted: boolean };
  /** Bytes consumed at the top level, reported in `progress` events. */
  progress: { bytes: number };
  /** ReadOptions.csvBlocks. */
  csvBlocks?: boolean;
  /** ReadOptions.sqlBlocks. */
  sqlBlocks?: boolean;
  /** ReadOptions.ndjsonBlocks. */
  ndjsonBlocks?: boolean;
  /** ReadOptions.textBlocks. */
  textBlocks?: boolean;
  /** ReadOptions.xlsxBlocks. */
  xlsxBlocks?: boolean;
  /** ReadOptions.range, members and onCsvHeader (top level only). */
  range?: ReadOptions['range'];
  members?: ReadOptions['members'];
  onCsvHeader?: ReadOptions['onCsvHeader'];
}

/** One file or archive member as a stream of byte chunks. */
export interface Source {
  /** Display path, e.g. `outer.zip!/dir/x.csv`. */
  path: string;
  /** Member or file name used for format sniffing and as the table name. */
  name: string;
  /** Size when known (uncompressed). */
  bytes: number | null;
  chunks: AsyncIterable<Buffer>;
  /**
   * Errors raised by the wrappers around `chunks` (bomb guard, truncated gzip) while the reader
   * runs; the dispatcher emits them before `file-end`.
   */
  notes: ErrorEvent[];
  /** Real file on disk, when there is one (random access for zip and xlsx without spooling). */
  filePath?: string;
}

export function errorEvent(path: string, message: string, location: string): ErrorEvent {
  return { kind: 'error', path, message, location };
}

/** Last path segment of a display path (after `!/` and `/`). */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}

export function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
}

/** Most rows per `records` batch: big enough to amortise async iteration, small enough for memory. */
export const BATCH_ROWS = 4096;
/** Most lines per `lines` batch. */
export const BATCH_LINES = 8192;

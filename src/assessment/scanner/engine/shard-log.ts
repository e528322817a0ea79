/**
 * A shard's log (issue 18 §2): what the reading loop (scan-read.ts) hands its sink while one shard
 * of a distributed scan is read — file starts, record counts, column classes, batch partials,
 * errors — kept in order and cut into parts of about PART_BYTES (v8 serialization: typed arrays
 * stay typed arrays). Replayed part by part, shard by shard, into one aggregate, the calls are the
 * ones a single-process scan of the same files makes, in the same order, so the report is the
 * same. The partials hold only blind-index digests, counts and masked samples (plus the unmasked
 * values behind the samples: the caller stores parts encrypted).
 */
import { deserialize, serialize } from 'node:v8';
import type { ColumnClass, FileFormat } from '../types.js';
import type { BatchResult } from './batch.js';
import type { ScanSink } from './scan-read.js';

/** A part's size before it is cut (bytes of digests and metadata, roughly). */
export const PART_BYTES = 8 << 20;

type Op =
  | ['f', string, FileFormat, number | null]
  | ['n', string, number]
  | ['c', string, string, ColumnClass[]]
  | ['m', BatchResult]
  | ['e', string, { message: string; location: string }];

export class ShardLog implements ScanSink {
  #ops: Op[] = [];
  #bytes = 0;
  readonly #parts: Buffer[] = [];
  readonly #records = new Map<string, number>();

  constructor(private readonly partBytes = PART_BYTES) {}

  fileStart(path: string, format: FileFormat, bytes: number | null): void {
    this.#push(['f', path, format, bytes], 64);
  }

  countRecords(path: string, n: number): number {
    const before = this.#records.get(path) ?? 0;
    this.#records.set(path, before + n);
    this.#push(['n', path, n], 32);
    return before;
  }

  addColumns(file: string, table: string, classes: ColumnClass[]): void {
    this.#push(['c', file, table, classes], 64 * (classes.length + 1));
  }

  merge(r: BatchResult): void {
    this.#push(['m', r], 1024 + r.values.byteLength + r.meta.byteLength + r.hints.byteLength);
  }

  addError(path: string, e: { message: string; location: string }): void {
    this.#push(['e', path, e], 64 + e.message.length);
  }

  /** Parts cut so far (taken: the caller stores them); `final` also cuts what is left. */
  take(final = false): Buffer[] {
    if (final && this.#ops.length) this.#cut();
    return this.#parts.splice(0);
  }

  #push(op: Op, size: number): void {
    this.#ops.push(op);
    this.#bytes += size;
    if (this.#bytes >= this.partBytes) this.#cut();
  }

  #cut(): void {
    this.#parts.push(serialize(this.#ops));
    this.#ops = [];
    this.#bytes = 0;
  }
}

/** Applies one part of a shard's log to a sink (the aggregate), in order. */
export function replayPart(part: Buffer, sink: ScanSink): void {
  for (const op of deserialize(part) as Op[]) {
    switch (op[0]) {
      case 'f':
        sink.fileStart(op[1], op[2], op[3]);
        break;
      case 'n':
        sink.countRecords(op[1], op[2]);
        break;
      case 'c':
        sink.addColumns(op[1], op[2], op[3]);
        break;
      case 'm':
        sink.merge(op[1]);
        break;
      case 'e':
        sink.addError(op[1], op[2]);
        break;
    }
  }
}

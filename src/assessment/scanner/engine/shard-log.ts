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
import type { DigestSpool } from './shard-digests.js';

/** A part's size before it is cut (bytes of digests and metadata, roughly). */
export const PART_BYTES = 8 << 20;

type Op =
  | ['f', string, FileFormat, number | null]
  | ['n', string, number]
  | ['c', string, string, ColumnClass[]]
  | ['m', BatchResult]
  | ['e', string, { message: string; location: string }]
  | ['t', number];

/**
 * What a shard leaves out because another shard of the same file has it: a later byte range
 * leaves out the file's start; a later group of an archive's members everything said of the
 * archive itself (its start, its own errors), which the first group logs.
 */
export interface ShardDrop {
  fileStartOf?: string;
  allOf?: string;
}

export class ShardLog implements ScanSink {
  #ops: Op[] = [];
  #bytes = 0;
  readonly #parts: Buffer[] = [];
  readonly #records = new Map<string, number>();

  constructor(
    private readonly partBytes = PART_BYTES,
    private readonly drop: ShardDrop = {},
    /** The people index's digests kept apart, per partition (shard-digests.ts); without, they stay in the batches. */
    private readonly digests: DigestSpool | null = null,
  ) {}

  fileStart(path: string, format: FileFormat, bytes: number | null): void {
    if (path === this.drop.fileStartOf || path === this.drop.allOf) return;
    this.#push(['f', path, format, bytes], 64);
  }

  countRecords(path: string, n: number): number {
    const before = this.#records.get(path) ?? 0;
    this.#records.set(path, before + n);
    if (path !== this.drop.allOf) this.#push(['n', path, n], 32);
    return before;
  }

  addColumns(file: string, table: string, classes: ColumnClass[]): void {
    if (file !== this.drop.allOf) this.#push(['c', file, table, classes], 64 * (classes.length + 1));
  }

  member(index: number): void {
    this.digests?.member(index);
    this.#push(['t', index], 16);
  }

  merge(batch: BatchResult): void {
    const r = this.digests ? this.digests.add(batch) : batch;
    this.#push(['m', r], 1024 + r.values.byteLength + r.meta.byteLength + r.hints.byteLength);
  }

  addError(path: string, e: { message: string; location: string }): void {
    if (path !== this.drop.allOf) this.#push(['e', path, e], 64 + e.message.length);
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
  for (const op of deserialize(part) as Op[]) apply(op, sink);
}

/** A shard's log, op by op. */
export async function* opsOf(parts: AsyncIterable<Buffer>): AsyncGenerator<Op> {
  for await (const part of parts) yield* deserialize(part) as Op[];
}

/**
 * Replays the logs of an archive's groups of members (group g read the members i with
 * (i - 1) % groups === g) into one sink in the whole archive's order: what came before the first
 * member (group 0: the archive's start), then member by member its owner's ops followed by the
 * other groups' ops up to the next member's mark (group 0's: the archive's own errors in between).
 */
export async function replayGroups(logs: AsyncIterable<Op>[], sink: ScanSink): Promise<void> {
  const its = logs.map((l) => l[Symbol.asyncIterator]());
  const head: (Op | null)[] = await Promise.all(its.map(async (it) => ((await it.next()).value as Op | undefined) ?? null));
  const groups = its.length;
  for (let slot = 0; ; ) {
    const owner = slot === 0 ? 0 : (slot - 1) % groups;
    for (const g of [owner, ...its.keys()].filter((g, k) => k === 0 || g !== owner)) {
      for (;;) {
        const op = head[g];
        if (!op || (op[0] === 't' && op[1] > slot)) break;
        if (op[0] !== 't') apply(op, sink);
        head[g] = ((await its[g].next()).value as Op | undefined) ?? null;
      }
    }
    const next = head.reduce((m, op) => (op && op[0] === 't' && op[1] < m ? op[1] : m), Number.POSITIVE_INFINITY);
    if (next === Number.POSITIVE_INFINITY) return;
    slot = next;
  }
}

function apply(op: Op, sink: ScanSink): void {
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
      case 't':
        break;
    }
}

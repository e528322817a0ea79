/**
 * The scan of an assessment's evidence items, wherever it runs (the scan thread, or in-thread under
 * Vitest): the readers over each item's decrypted chunks, detection in the same thread, and the
 * un-masked values behind the samples kept for those allowed to see them.
 */
import { Readable } from 'node:stream';
import type { ExposureReport } from './scan.schema.js';
import { randomBytes } from 'node:crypto';
import { Aggregate } from './scanner/engine/aggregate.js';
import type { CanaryRecord } from './scanner/engine/canaries.js';
import { createBatchRunner } from './scanner/engine/pool.js';
import { defaultDetectionPort, finishScan, scan } from './scanner/engine/scan.js';
import { readInto } from './scanner/engine/scan-read.js';
import { ShardLog, replayPart } from './scanner/engine/shard-log.js';
import { TempDir } from './scanner/engine/spill-log.js';
import { SpillStore } from './scanner/engine/spill-store.js';
import { readStream } from './scanner/readers/index.js';
import type { ReaderEvent, ReadOptions } from './scanner/types.js';

export interface ScanProgress {
  bytesRead: number;
  bytesTotal: number;
  records: number;
}

export type OpenChunks = (id: string) => Promise<{ name: string; size: number; chunks: AsyncIterable<Buffer | Uint8Array> }>;

export async function scanEvidence(
  ids: string[],
  open: OpenChunks,
  opts: { signal?: AbortSignal; onProgress?: (p: ScanProgress) => void; canaries?: CanaryRecord[] },
): Promise<{ report: ExposureReport; rawSamples: Record<string, string[]> | null }> {
  const read = evidenceReader(open);
  const result = await scan({ paths: ids, read, workers: 0, rawSamples: true, signal: opts.signal, onProgress: opts.onProgress, canaries: opts.canaries });
  return { report: result.report, rawSamples: result.rawSamples ?? null };
}

function evidenceReader(open: OpenChunks) {
  return (id: string, ropts: ReadOptions): AsyncIterable<ReaderEvent> =>
    (async function* () {
      const src = await open(id);
      yield* readStream(src.name, src.chunks instanceof Readable ? src.chunks : Readable.from(src.chunks), { ...ropts, bytes: src.size });
    })();
}

/**
 * One shard of a distributed scan (scan-shards.ts): the evidence item read and detected here, in
 * this thread as `scanEvidence` does, into a shard log cut into parts. `onParts` stores the parts
 * cut so far (called in order, at progress reports); the last call has the rest.
 */
export async function scanEvidenceShard(
  id: string,
  open: OpenChunks,
  opts: { key: Buffer; signal?: AbortSignal; onProgress?: (p: ScanProgress) => void; onParts: (parts: Buffer[]) => Promise<void>; partBytes?: number },
): Promise<void> {
  const log = new ShardLog(opts.partBytes);
  const runner = createBatchRunner(0, defaultDetectionPort);
  await runner.ready();
  let storing: Promise<void> = Promise.resolve();
  const onProgress = (p: ScanProgress) => {
    opts.onProgress?.(p);
    const parts = log.take();
    if (parts.length) storing = storing.then(() => opts.onParts(parts));
  };
  const ctx = { opts: { paths: [id], rawSamples: true, signal: opts.signal, onProgress }, read: evidenceReader(open), detection: defaultDetectionPort, runner, key: opts.key, run: randomBytes(8).toString('hex'), bytesTotal: 0 };
  const { inFlight } = await readInto(log, ctx);
  await Promise.all(inFlight);
  await storing;
  await opts.onParts(log.take(true));
}

/**
 * The distributed scan's merge: every shard's parts, shard by shard in the assessment's order,
 * replayed into one aggregate, then the report built as `scan` builds it (engine/scan.ts finishScan).
 */
export async function mergeEvidenceShards(
  parts: AsyncIterable<Buffer>,
  opts: { key: Buffer; bytesTotal: number; started: number; canaries?: CanaryRecord[] },
): Promise<{ report: ExposureReport; rawSamples: Record<string, string[]> | null }> {
  const temp = new TempDir();
  const spill = new SpillStore();
  try {
    const agg = new Aggregate(temp, spill);
    for await (const part of parts) replayPart(part, agg);
    const result = await finishScan(agg, {
      opts: { rawSamples: true, canaries: opts.canaries },
      read: evidenceReader(() => Promise.reject(new Error('a merge reads no files'))),
      detection: defaultDetectionPort,
      port: null,
      key: opts.key,
      threads: 0,
      started: opts.started,
      bytesTotal: opts.bytesTotal,
    });
    return { report: result.report, rawSamples: result.rawSamples ?? null };
  } finally {
    spill.close();
    temp.remove();
  }
}

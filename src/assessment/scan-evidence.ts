/**
 * The scan of an assessment's evidence items, wherever it runs (the scan thread, or in-thread under
 * Vitest): the readers over each item's decrypted chunks, detection in the same thread, and the
 * un-masked values behind the samples kept for those allowed to see them.
 */
import { Readable } from 'node:stream';
import type { ExposureReport } from './scan.schema.js';
import { scan } from './scanner/engine/scan.js';
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
  opts: { signal?: AbortSignal; onProgress?: (p: ScanProgress) => void },
): Promise<{ report: ExposureReport; rawSamples: Record<string, string[]> | null }> {
  const read = (id: string, ropts: ReadOptions): AsyncIterable<ReaderEvent> =>
    (async function* () {
      const src = await open(id);
      yield* readStream(src.name, src.chunks instanceof Readable ? src.chunks : Readable.from(src.chunks), { ...ropts, bytes: src.size });
    })();
  const result = await scan({ paths: ids, read, workers: 0, rawSamples: true, signal: opts.signal, onProgress: opts.onProgress });
  return { report: result.report, rawSamples: result.rawSamples ?? null };
}

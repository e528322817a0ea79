/**
 * The scan of an assessment's evidence items, wherever it runs (the scan thread, or in-thread under
 * Vitest): the readers over each item's decrypted chunks, detection in the same thread, and the
 * un-masked values behind the samples kept for those allowed to see them.
 */
import { Readable } from 'node:stream';
import type { ExposureReport } from './scan.schema.js';
import { randomBytes } from 'node:crypto';
import { Aggregate, PeopleSink } from './scanner/engine/aggregate.js';
import { addCanaries, type CanaryRecord } from './scanner/engine/canaries.js';
import { type PartitionGroup, PEOPLE_PARTITIONS, PeopleIndex } from './scanner/engine/people.js';
import type { ScanSink } from './scanner/engine/scan-read.js';
import { createBatchRunner } from './scanner/engine/pool.js';
import { defaultDetectionPort, finishScan, scan } from './scanner/engine/scan.js';
import { readInto } from './scanner/engine/scan-read.js';
import { opsOf, replayGroups, ShardLog, replayPart } from './scanner/engine/shard-log.js';
import { TempDir } from './scanner/engine/spill-log.js';
import { assembleDigests, type DigestItems, DigestSpool, type DigestSummary } from './scanner/engine/shard-digests.js';
import { SpillStore } from './scanner/engine/spill-store.js';
import { readStream } from './scanner/readers/index.js';
import { type ReaderEvent, type ReadOptions, ShardFallback } from './scanner/types.js';
import type { ShardUnit } from './scan-plan.js';

export interface ScanProgress {
  bytesRead: number;
  bytesTotal: number;
  records: number;
}

export type OpenChunks = (id: string, range?: { start: number; end: number }) => Promise<{ name: string; size: number; chunks: AsyncIterable<Buffer | Uint8Array> }>;

export async function scanEvidence(
  ids: string[],
  open: OpenChunks,
  opts: { signal?: AbortSignal; onProgress?: (p: ScanProgress) => void; canaries?: CanaryRecord[]; sizes?: number[] },
): Promise<{ report: ExposureReport; rawSamples: Record<string, string[]> | null }> {
  const read = evidenceReader(open);
  const size = new Map(ids.map((id, i) => [id, opts.sizes?.[i] ?? 0]));
  const result = await scan({ paths: ids, read, workers: 0, rawSamples: true, signal: opts.signal, onProgress: opts.onProgress, canaries: opts.canaries, sizeOf: (id) => size.get(id) ?? 0 });
  return { report: result.report, rawSamples: result.rawSamples ?? null };
}

function evidenceReader(open: OpenChunks, unit: ShardUnit | null = null, onHeader?: (h: string[] | null) => void) {
  return (id: string, ropts: ReadOptions): AsyncIterable<ReaderEvent> =>
    (async function* () {
      const range = unit?.kind === 'range' ? { start: unit.start, end: unit.end } : undefined;
      const src = await open(id, range);
      let more: ReadOptions = {};
      if (unit?.kind === 'members') more = { members: { groups: unit.groups, group: unit.group } };
      else if (unit?.kind === 'range' && unit.index > 0) more = { format: unit.format, range: { delim: unit.delim, header: unit.header } };
      else if (unit?.kind === 'range') more = { onCsvHeader: onHeader };
      yield* readStream(src.name, src.chunks instanceof Readable ? src.chunks : Readable.from(src.chunks), { ...ropts, ...more, bytes: src.size });
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
  opts: {
    key: Buffer;
    unit?: ShardUnit | null;
    signal?: AbortSignal;
    onProgress?: (p: ScanProgress) => void;
    onParts: (parts: Buffer[]) => Promise<void>;
    partBytes?: number;
    /**
     * The partitioned merge (shard-digests.ts): the people index's digests kept out of the log,
     * per block of partitions, handed over here once the log's last parts are stored.
     */
    onDigests?: (summary: DigestSummary, blocks: Iterable<Buffer>) => Promise<void>;
  },
): Promise<void> {
  const temp = new TempDir();
  const spool = opts.onDigests ? new DigestSpool(temp) : null;
  try {
    await shardInto(id, open, opts, spool);
    if (spool) await opts.onDigests!(spool.summary(), spool.blocks());
  } finally {
    spool?.close();
    temp.remove();
  }
}

async function shardInto(id: string, open: OpenChunks, opts: Parameters<typeof scanEvidenceShard>[2], spool: DigestSpool | null): Promise<void> {
  const unit = opts.unit ?? null;
  // A later range leaves the file's start to the first; a later group of members the archive's own events to group 0.
  const drop = unit?.kind === 'range' && unit.index > 0 ? { fileStartOf: id } : unit?.kind === 'members' && unit.group > 0 ? { allOf: id } : {};
  const log = new ShardLog(opts.partBytes, drop, spool);
  // The first range decides the CSV header itself: it must be the one the others were given.
  const onHeader = (h: string[] | null) => {
    if (unit?.kind === 'range' && JSON.stringify(h) !== JSON.stringify(unit.header ?? null)) throw new ShardFallback('the first range decided another header');
  };
  const runner = createBatchRunner(0, defaultDetectionPort);
  await runner.ready();
  let storing: Promise<void> = Promise.resolve();
  const onProgress = (p: ScanProgress) => {
    opts.onProgress?.(p);
    const parts = log.take();
    if (parts.length) storing = storing.then(() => opts.onParts(parts));
  };
  const part = unit?.kind === 'range' ? { classes: unit.classes, first: unit.index === 0 } : undefined;
  const ctx = { opts: { paths: [id], rawSamples: true, signal: opts.signal, onProgress }, read: evidenceReader(open, unit, onHeader), detection: defaultDetectionPort, runner, key: opts.key, run: randomBytes(8).toString('hex'), bytesTotal: 0, part };
  const { inFlight, lost } = await readInto(log, ctx);
  await Promise.all(inFlight);
  const fell = lost();
  if (fell) throw fell;
  await storing;
  await opts.onParts(log.take(true));
}

/** Per evidence item, its shards' logs in order: ranges (or the whole item) one after the other, groups of members interleaved. */
export type ShardItems = { members: boolean; logs: AsyncIterable<Buffer>[] }[];

/** Every shard's log replayed into `sink`, item by item in the assessment's order (the one order all merge jobs share). */
async function replayItems(items: ShardItems, sink: ScanSink): Promise<void> {
  for (const item of items) {
    if (item.members) await replayGroups(item.logs.map(opsOf), sink);
    else for (const log of item.logs) for await (const part of log) replayPart(part, sink);
  }
}

/**
 * A people job of the distributed merge (scan-shards.ts): every shard's log replayed as the merge
 * replays it, but only the people index's partitions [from, to) kept and grouped (engine/people.ts
 * groupPartition) — with the canaries' values, as finishScan adds them. The records are numbered as
 * in the one-process replay, so each group is the one the merge would make itself.
 */
export async function groupEvidencePeople(items: ShardItems, opts: { key: Buffer; partitions: readonly [number, number]; canaries?: CanaryRecord[] }): Promise<PartitionGroup[]> {
  const temp = new TempDir();
  const spill = new SpillStore();
  try {
    const people = new PeopleIndex(temp, spill, { partitions: opts.partitions, noHints: true });
    await replayItems(items, new PeopleSink(people));
    if (opts.canaries?.length) addCanaries(opts.canaries, people, opts.key, await defaultDetectionPort());
    return await people.group();
  } finally {
    spill.close();
    temp.remove();
  }
}

/**
 * A people job of the partitioned merge: partitions [from, to) laid out from the shards' digest
 * blocks (only those blocks read: shard-digests.ts), the canaries' values added as finishScan adds
 * them, and grouped. The same groups as groupEvidencePeople's from the whole logs.
 */
export async function groupEvidenceDigests(items: DigestItems, opts: { key: Buffer; partitions: readonly [number, number]; canaries?: CanaryRecord[] }): Promise<PartitionGroup[]> {
  const temp = new TempDir();
  const spill = new SpillStore();
  try {
    const people = new PeopleIndex(temp, spill, { partitions: opts.partitions, noHints: true });
    await assembleDigests(items, people, opts.partitions);
    if (opts.canaries?.length) addCanaries(opts.canaries, people, opts.key, await defaultDetectionPort());
    return await people.group();
  } finally {
    spill.close();
    temp.remove();
  }
}

/**
 * The distributed scan's merge: every shard's parts, shard by shard in the assessment's order,
 * replayed into one aggregate, then the report built as `scan` builds it (engine/scan.ts finishScan).
 * With `groups` (all PEOPLE_PARTITIONS of them, from the people jobs) the aggregate logs no values
 * and the people are counted from those groups instead of grouping here.
 */
export async function mergeEvidenceShards(
  items: ShardItems,
  opts: { key: Buffer; bytesTotal: number; started: number; canaries?: CanaryRecord[]; groups?: PartitionGroup[]; digests?: DigestItems },
): Promise<{ report: ExposureReport; rawSamples: Record<string, string[]> | null }> {
  // Shards that kept their digests apart: grouped from those here when no people job did.
  const groups = opts.groups ?? (opts.digests ? await groupEvidenceDigests(opts.digests, { key: opts.key, partitions: [0, PEOPLE_PARTITIONS], canaries: opts.canaries }) : undefined);
  const temp = new TempDir();
  const spill = new SpillStore();
  if (groups && groups.length !== PEOPLE_PARTITIONS) throw new Error(`the people jobs made ${groups.length} of ${PEOPLE_PARTITIONS} partitions`);
  try {
    const agg = new Aggregate(temp, spill, groups ? { partitions: [0, 0] } : {});
    await replayItems(items, agg);
    if (agg.digested && !groups) throw new Error('the shards kept their digests apart: the merge needs their digest blocks or the people jobs\' groups');
    const result = await finishScan(agg, {
      opts: { rawSamples: true, canaries: opts.canaries },
      read: evidenceReader(() => Promise.reject(new Error('a merge reads no files'))),
      detection: defaultDetectionPort,
      port: null,
      key: opts.key,
      threads: 0,
      started: opts.started,
      bytesTotal: opts.bytesTotal,
      ...(groups ? { groups: async (_data: Uint32Array, _customers: boolean, p: number) => groups[p]! } : {}),
    });
    return { report: result.report, rawSamples: result.rawSamples ?? null };
  } finally {
    spill.close();
    temp.remove();
  }
}

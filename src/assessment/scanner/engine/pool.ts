/**
 * Runs batch detection either on piscina worker threads or in the calling thread. piscina needs
 * a compiled worker file: from `dist/` the sibling `scan.worker.js` exists; under Vitest (source
 * .ts) it does not, and the runner falls back to in-thread detection.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import type { ColumnClass } from '../types.js';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { freshBundle } from './bundle-cache.js';
import { type BatchResult, type BatchTask, processBatch } from './batch.js';
import type { DetectionPort } from './detection.port.js';
import { groupPartition, type PartitionGroup } from './people.js';

export const WORKER_OLD_GEN_MB = 64;
export const WORKER_YOUNG_GEN_MB = 32;

export interface BatchRunner {
  readonly threads: number;
  /** Resolves once batches can be processed (in-thread: the detectors are loaded). */
  ready(): Promise<void>;
  /** `transfer`: buffers handed to the worker thread (detached here) instead of copied. */
  run(task: BatchTask, transfer?: ArrayBuffer[]): Promise<BatchResult>;
  /**
   * With worker threads: the default detectors' column classes, computed on a worker thread, so
   * that the reading thread never loads the detectors (≈ 0.3 CPU-s a scan; bench/README.md,
   * issue 21, branch speedread). Null in-thread.
   */
  classify: ((task: ClassifyTask) => Promise<ColumnClass[]>) | null;
  close(): Promise<void>;
}

/** A table's columns and its first rows (CLASSIFY_SAMPLE_ROWS), for DetectionPort.classifyColumns. */
export interface ClassifyTask {
  table: string;
  columns: string[];
  sample: (string | null)[][];
}

let workerFile: URL | null = null;

/**
 * The detection worker's file: the entry that loads the one-file bundle of it
 * (scripts/bundle-scan-worker.mjs, made by `npm run build`; bundle-cache.ts) while its manifest
 * matches every compiled file it was made from, else the compiled worker itself. A thread loads the
 * bundle in ≈ 0.1 CPU-s, the ≈ 200 files it is made of in ≈ 0.3 (bench/README.md, issue 21, branch
 * speedread).
 */
export function workerFileUrl(): URL {
  workerFile ??= freshBundle(new URL('./scan.worker.bundle.cjs', import.meta.url))
    ? new URL('./scan.worker.cached.js', import.meta.url)
    : new URL('./scan.worker.js', import.meta.url);
  return workerFile;
}

/**
 * Input bytes (compressed ones weighted, see `inputWeight`) per detection thread: a smaller input
 * runs fewer threads than asked. Each thread costs ≈ 0.25–0.4 CPU-s before it detects at full
 * speed (Node's worker start, the bundle, its own JIT warm-up and detector data), and under ≈ 4 MB
 * a second one finishes no sooner, since each has little more than its warm-up to do: a 1 MB CSV
 * cost 1.30 CPU-s with two threads and 1.08 with one (bench/README.md, issue 21, branch
 * startup21). Large inputs keep every thread asked for.
 */
export const BYTES_PER_THREAD = 4 << 20;
/** A compressed input (zip, XLSX, gzip) counts as this many times its size: it inflates to more. */
const COMPRESSED_WEIGHT = 4;

/** `bytes`, or `COMPRESSED_WEIGHT` × `bytes` when the file starts with a zip or gzip signature. */
export function inputWeight(path: string, bytes: number): number {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(2);
    readSync(fd, head, 0, 2, 0);
    const compressed = (head[0] === 0x50 && head[1] === 0x4b) || (head[0] === 0x1f && head[1] === 0x8b);
    return compressed ? bytes * COMPRESSED_WEIGHT : bytes;
  } catch {
    // Not a local file (an evidence id, a vanished path): its size as given.
    return bytes;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Detection threads for `weight` bytes of input when `workers` were asked for (0 stays 0:
 * in-thread). `BREACHDESK_SCAN_BYTES_PER_THREAD` (a whole number ≥ 1) replaces BYTES_PER_THREAD:
 * 1 runs every thread asked for, whatever the size (the tests that compare threads with in-thread).
 */
export function threadsFor(workers: number, weight: number): number {
  if (workers < 1) return workers;
  const env = Number(process.env.BREACHDESK_SCAN_BYTES_PER_THREAD);
  const per = Number.isInteger(env) && env >= 1 ? env : BYTES_PER_THREAD;
  return Math.min(workers, Math.max(1, Math.ceil(weight / per)));
}

/**
 * Values in the people index from which its partitions are grouped on threads of their own. A
 * grouping thread costs ≈ 0.12–0.2 CPU-s before and around its work (Node's worker start, people.js,
 * its own JIT of groupPartition), two of them 0.25–0.4 CPU-s, while the reading thread groups
 * 2.3 M values (40 MB of `customers-us`) in ≈ 0.09: at 1 M (the earlier bound) every 40 MB table
 * scan paid the threads (bench/README.md, issue 21, branch start21b). From ≈ 4 M values, two
 * threads halve a grouping long enough to be worth their start.
 */
export const GROUP_IN_THREADS_FROM = 4_000_000;

/** Threads that group a people index of `values` values after a scan that ran `threads` detection threads (0: in-thread). */
export function groupingThreads(values: number, threads: number): number {
  return values >= GROUP_IN_THREADS_FROM ? threads : 0;
}

export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(workerFileUrl()));
}

/**
 * `workers` ≥ 1 and a compiled worker file → a piscina pool of that many threads;
 * otherwise detection runs in-thread with `detection`.
 */
export function createBatchRunner(workers: number, detection: () => Promise<DetectionPort>): BatchRunner {
  if (workers >= 1 && workersAvailable()) {
    const pool = new Piscina({
      filename: workerFileUrl().href,
      name: 'runBatch',
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 60_000,
      // V8 grows the old generation lazily; a cap makes each worker collect early so the whole
      // process stays under the 512 MB RSS budget (issue 4). A batch needs a few MB. The young
      // generation holds a whole batch (4096 cloned rows and their findings): at 8 MB most of it
      // was promoted and collected again in the old generation (≈ 20 % of worker CPU in GC);
      // 32 MB costs ≈ 50 MB of RSS and saves ≈ 15 % CPU (bench/README.md, 2026-11-26).
      resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GEN_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GEN_MB },
    });
    let closed: Promise<void> | null = null;
    return {
      threads: workers,
      ready: async () => {},
      run: (task, transfer) => pool.run(task, transfer?.length ? { transferList: transfer } : undefined) as Promise<BatchResult>,
      classify: (task) => pool.run(task, { name: 'classifyColumns' }) as Promise<ColumnClass[]>,
      close: () => {
        closed ??= pool.destroy();
        return closed;
      },
    };
  }
  let port: DetectionPort | null = null;
  return {
    threads: 0,
    async ready() {
      port ??= await detection();
    },
    async run(task) {
      // Synchronous detection: the reader may reuse its arrays once it reads on.
      port ??= await detection();
      return processBatch(task, port);
    },
    classify: null,
    async close() {},
  };
}

/**
 * Whether `view` spans all of its buffer, so that transferring the buffer to a thread hands over
 * exactly it; a view of a larger buffer would detach its neighbours, and is copied instead.
 */
export function isWholeBuffer(view: ArrayBufferView): boolean {
  return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength;
}

export interface PartitionGrouperPool {
  /** One partition of the people index grouped (people.ts groupPartition); `data` is handed over. */
  group(data: Uint32Array, customers: boolean): Promise<PartitionGroup>;
  close(): Promise<void>;
}

/**
 * Threads that group the people index's partitions once the scan has read everything. Fresh
 * threads, not the detection pool's: those hold the detectors and their caches (≈ 45 MB of heap
 * each), and keeping them for this pass took the 1 GB CSV's peak RSS from ≈ 390 to ≈ 450 MB;
 * these load only people.ts (bench/README.md, 2026-11-27, fourth session). In-thread without
 * `threads` or a compiled worker file.
 */
export function createPartitionGrouper(threads: number): PartitionGrouperPool {
  const file = new URL('./group.worker.js', import.meta.url);
  if (threads < 1 || !existsSync(fileURLToPath(file))) {
    return { group: async (data, customers) => groupPartition(data, customers), close: async () => {} };
  }
  const pool = new Piscina({ filename: file.href, name: 'groupPartition', minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
  let closed: Promise<void> | null = null;
  return {
    group: (data, customers) => {
      // PartitionedLog.load gives an array that is all of its buffer; a view is copied first.
      const own = isWholeBuffer(data) ? data : data.slice();
      return pool.run({ data: own, customers }, { transferList: [own.buffer as ArrayBuffer] }) as Promise<PartitionGroup>;
    },
    close: () => {
      closed ??= pool.destroy();
      return closed;
    },
  };
}

/**
 * The scan engine: pure orchestration of readers → column classification → batch detection
 * (worker threads or in-thread) → aggregation → people, jurisdictions, customer matching →
 * ExposureReport v1. No printing here; the CLI (scan.cli.ts) and the server job call `scan()`.
 */
import { randomBytes } from 'node:crypto';
import type { ExposureReport } from '../../scan.schema.js';
import type { ReadLimits } from '../types.js';
import { Aggregate, type AggregateOptions } from './aggregate.js';
import { CLASSIFY_SAMPLE_ROWS } from './constants.js';
import { addCanaries, type CanaryRecord, canaryReport } from './canaries.js';
import { addCustomers, type MatchedCustomer, type ReadFn, readCustomerRows } from './customers.js';
import type { DetectionPort } from './detection.port.js';
import type { PartitionGrouper, PeopleResult } from './people.js';
import { createBatchRunner, createPartitionGrouper, groupingThreads, inputWeight, threadsFor } from './pool.js';
import { readInto, sizeOf } from './scan-read.js';
import { secretTargets } from './secret-report.js';
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
  /** Worker threads for detection, at most (a small input runs fewer: pool.ts `threadsFor`); 0 = in the calling thread. */
  workers?: number;
  customers?: string;
  /** Canary records to look for (canaries.ts): the report gains a `canaries` section (none without any: the standalone scan, which knows none, gives the same report). */
  canaries?: readonly CanaryRecord[];
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
  /** Size in bytes of an input, for progress and throughput (default: the file's size on disk; evidence ids are not paths). */
  sizeOf?: (path: string) => number;
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
  /**
   * With `rawSamples`: element id → the unmasked values behind `report.elements[id].samples`, same
   * order; and `secret:<type>:<provider>` → the values a responder revokes (secret-report.ts).
   */
  rawSamples?: Record<string, string[]>;
}

export async function defaultRead(): Promise<ReadFn> {
  const mod = await import('../readers/index.js');
  return mod.readPath as ReadFn;
}

export async function defaultDetectionPort(): Promise<DetectionPort> {
  return (await import('./default-detection.js')).defaultDetection;
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const key = opts.key ?? randomBytes(32);
  /** This scan's id in its batches (batch.ts `run`): threads remember per scan which values they sent. */
  const run = randomBytes(8).toString('hex');
  const detection = opts.detection ?? defaultDetectionPort;
  const sizes = opts.paths.map((p) => (opts.sizeOf ?? sizeOf)(p));
  const bytesTotal = sizes.reduce((n, b) => n + b, 0);
  // Inputs that are not local files (opts.sizeOf: evidence ids) count by their size alone.
  const weight = opts.paths.reduce((n, p, i) => n + (opts.sizeOf ? sizes[i] : inputWeight(p, sizes[i])), 0);
  // The detection threads first: they start (Node's worker bootstrap, the detection bundle, ≈ 0.1 s)
  // on the other cores while this thread loads the readers, instead of after it
  // (bench/README.md, section fixed23).
  const runner = createBatchRunner(threadsFor(opts.workers ?? 0, weight), detection);
  const temp = new TempDir(opts.tmpDir);
  const spill = new SpillStore(opts.tmpDir);
  try {
    const read = opts.read ?? (await defaultRead());
    await runner.ready();
    const agg = new Aggregate(temp, spill, opts);
    const { inFlight, port } = await readInto(agg, { opts, read, detection, runner, key, run, bytesTotal });
    return await finishScan(agg, { opts, read, detection, port, key, threads: runner.threads, started, bytesTotal, drain: () => Promise.all(inFlight), closeRunner: () => runner.close() });
  } finally {
    await runner.close();
    spill.close();
    temp.remove();
  }
}

export interface FinishContext {
  opts: Pick<ScanOptions, 'customers' | 'canaries' | 'limits' | 'rawSamples'>;
  read: ReadFn;
  detection: () => Promise<DetectionPort>;
  port: DetectionPort | null;
  key: Buffer;
  /** Detection threads the scan ran (as many group the people index's partitions). */
  threads: number;
  /** performance.now() when the scan started. */
  started: number;
  bytesTotal: number;
  /** Waits for the batches still in flight. */
  drain?: () => Promise<unknown>;
  /** Frees the detection threads before the partitions are grouped. */
  closeRunner?: () => Promise<void>;
  /** The people index's partitions grouped elsewhere (the distributed merge's people jobs): used instead of grouping here. */
  groups?: PartitionGrouper;
}

/**
 * Everything after the last batch: customers, the people index's grouping, the report. Shared by
 * `scan` and the distributed scan's merge (scan-shards.ts), so both build the report the same way.
 */
export async function finishScan(agg: Aggregate, ctx: FinishContext): Promise<ScanResult> {
  const { opts, read, detection, key, started, bytesTotal } = ctx;
  let port = ctx.port;
  // Grouping threads (pool.ts groupingThreads), started now so that they load while the last
  // batches finish; two partitions in flight each.
  const grouper = ctx.groups ? { group: ctx.groups, close: async () => {} } : createPartitionGrouper(groupingThreads(agg.people.values, ctx.threads));
  let people: PeopleResult;
  let customers: { customers: number; errors: { message: string; location: string }[] } | null = null;
  try {
    await ctx.drain?.();
    // Free the detection threads' memory before the partitions are grouped (RSS budget).
    await ctx.closeRunner?.();
    if (opts.customers) {
      port ??= await detection();
      customers = await addCustomers(opts.customers, agg.people, key, port, read, { limits: opts.limits });
    }
    if (opts.canaries?.length) {
      port ??= await detection();
      addCanaries(opts.canaries, agg.people, key, port);
    }
    people = await agg.people.finish(grouper.group, 2 * Math.max(1, ctx.threads));
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
    ...(opts.canaries?.length ? { canaries: canaryReport(opts.canaries, people.matchedKnownRows) } : {}),
    performance: {
      durationMs,
      bytesPerSecond: durationMs > 0 ? Math.round((bytesTotal / durationMs) * 1000) : 0,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    },
  };
  const result: ScanResult = { report, matchedCustomers, key };
  if (opts.rawSamples) result.rawSamples = { ...Object.fromEntries(agg.rawSamples), ...secretTargets(agg.secretTally) };
  return result;
}

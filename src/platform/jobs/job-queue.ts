/**
 * The JobQueue port. pg-boss-queue.ts runs it on pg-boss whenever the store is PostgreSQL (fleets
 * of serve and worker processes); the embedded implementation persists jobs in the `jobs` table
 * (SQLite, or PostgreSQL with BREACHDESK_JOB_QUEUE=embedded).
 */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Job<T = unknown> {
  id: string;
  queue: string;
  payload: T;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  progress: unknown;
  result: unknown;
  createdAt: string;
  updatedAt: string;
}

export interface SendOptions {
  /** Attempts before the job is marked failed (default 5). */
  maxAttempts?: number;
  /** Earliest start. */
  runAt?: Date;
  /** At most one queued (not yet started) job with this key; sending again returns its id. */
  singletonKey?: string;
  /** The job's id (a UUID), when it must keep one it already had: a restore re-queues a backup's jobs under their ids, which the store's rows name. */
  id?: string;
}

export interface JobContext {
  signal: AbortSignal;
  attempt: number;
  reportProgress(progress: unknown): Promise<void>;
}

/** Jobs due or running on one queue, across every process on the store (for /metrics). */
export interface QueueDepth {
  queue: string;
  state: 'queued' | 'running';
  count: number;
  /** When the oldest of them became due (ISO), or null. */
  oldestDueAt: string | null;
}

export type JobHandler<T = unknown> = (payload: T, ctx: JobContext) => Promise<unknown>;

export interface JobQueue {
  send<T>(queue: string, payload: T, opts?: SendOptions): Promise<string>;
  work<T>(queue: string, handler: JobHandler<T>): void;
  get(id: string): Promise<Job | null>;
  cancel(id: string): Promise<boolean>;
  /** Starts polling for registered queues. */
  start(): Promise<void>;
  /** Stops polling and waits for running handlers (bounded). */
  stop(): Promise<void>;
  /** Jobs due (run-at passed) and waiting, and jobs running, per queue, fleet-wide. */
  depth(): Promise<QueueDepth[]>;
}

/** Exponential backoff with a cap: 2s, 4s, 8s … ≤ 10 min. */
export function backoffMs(attempt: number, baseMs = 2000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 10 * 60_000);
}

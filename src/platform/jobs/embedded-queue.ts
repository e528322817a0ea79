/**
 * Embedded JobQueue: jobs persist in the store, so they survive restarts. A job is claimed by
 * a conditional UPDATE (status queued → running with a lease); a lease that expires (process
 * died) makes the job claimable again, so work is at-least-once and handlers are idempotent.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, JobsTable } from '../db/schema.js';
import type { Logger } from '../logger.js';
import { type Job, type JobHandler, type JobQueue, type QueueDepth, type SendOptions, backoffMs } from './job-queue.js';

export interface EmbeddedQueueOptions {
  pollMs?: number;
  leaseMs?: number;
  backoffBaseMs?: number;
  concurrency?: number;
  now?: () => Date;
}

function toJob(r: JobsTable): Job {
  return {
    id: r.id,
    queue: r.queue,
    payload: JSON.parse(r.payload),
    status: r.status as Job['status'],
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: r.run_at,
    lastError: r.last_error,
    progress: r.progress ? JSON.parse(r.progress) : null,
    result: r.result ? JSON.parse(r.result) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class EmbeddedJobQueue implements JobQueue {
  private handlers = new Map<string, JobHandler>();
  private running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly workerId = `w-${randomUUID().slice(0, 8)}`;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly backoffBaseMs: number;
  private readonly concurrency: number;
  private readonly now: () => Date;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log?: Logger,
    opts: EmbeddedQueueOptions = {},
  ) {
    this.pollMs = opts.pollMs ?? 500;
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.backoffBaseMs = opts.backoffBaseMs ?? 2000;
    this.concurrency = opts.concurrency ?? 2;
    this.now = opts.now ?? (() => new Date());
  }

  async send<T>(queue: string, payload: T, opts: SendOptions = {}): Promise<string> {
    const now = this.now().toISOString();
    if (opts.singletonKey) {
      const existing = await this.db
        .selectFrom('jobs')
        .select('id')
        .where('singleton_key', '=', opts.singletonKey)
        // Only a job still waiting absorbs a duplicate: one already running may have read
        // state older than the change that asks for the new one.
        .where('status', '=', 'queued')
        .executeTakeFirst();
      if (existing) return existing.id;
    }
    const id = opts.id ?? randomUUID();
    await this.db
      .insertInto('jobs')
      .values({
        id,
        queue,
        payload: JSON.stringify(payload),
        status: 'queued',
        attempts: 0,
        max_attempts: opts.maxAttempts ?? 5,
        run_at: (opts.runAt ?? this.now()).toISOString(),
        locked_by: null,
        locked_until: null,
        last_error: null,
        progress: null,
        result: null,
        singleton_key: opts.singletonKey ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    this.kick();
    return id;
  }

  work<T>(queue: string, handler: JobHandler<T>): void {
    this.handlers.set(queue, handler as JobHandler);
  }

  async get(id: string): Promise<Job | null> {
    const r = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toJob(r) : null;
  }

  async cancel(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable('jobs')
      .set({ status: 'cancelled', updated_at: this.now().toISOString() })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    this.running.get(id)?.controller.abort();
    return Number(r.numUpdatedRows) > 0;
  }

  async depth(): Promise<QueueDepth[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['queue', 'status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('run_at').as('oldest')])
      .where('status', 'in', ['queued', 'running'])
      .where((eb) => eb.or([eb('status', '=', 'running'), eb('run_at', '<=', this.now().toISOString())]))
      .groupBy(['queue', 'status'])
      .execute();
    return rows.map((r) => ({ queue: r.queue, state: r.status as QueueDepth['state'], count: Number(r.n), oldestDueAt: r.oldest ? String(r.oldest) : null }));
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const r of this.running.values()) r.controller.abort();
    if (this.running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running.values()].map((r) => r.done)),
      new Promise((res) => {
        timer = setTimeout(res, 5000);
      }),
    ]);
    clearTimeout(timer);
  }

  private kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.poll()
        .catch((e) => this.log?.error({ err: e instanceof Error ? e.message : String(e) }, 'job poll failed'))
        .finally(() => {
          if (!this.stopped) this.schedule(this.pollMs);
        });
    }, ms);
    this.timer.unref?.();
  }

  /** Claims and starts ready jobs up to the concurrency limit. */
  async poll(): Promise<number> {
    const queues = [...this.handlers.keys()];
    if (queues.length === 0) return 0;
    let started = 0;
    while (this.running.size < this.concurrency) {
      const now = this.now();
      const iso = now.toISOString();
      const candidate = await this.db
        .selectFrom('jobs')
        .selectAll()
        .where('queue', 'in', queues)
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', iso)]),
            // A running job whose lease ran out belongs to a process that died.
            eb.and([eb('status', '=', 'running'), eb('locked_until', '<', iso)]),
          ]),
        )
        .orderBy('run_at')
        .limit(1)
        .executeTakeFirst();
      if (!candidate) break;
      const claimed = await this.db
        .updateTable('jobs')
        .set({
          status: 'running',
          locked_by: this.workerId,
          locked_until: new Date(now.getTime() + this.leaseMs).toISOString(),
          attempts: candidate.attempts + 1,
          updated_at: iso,
        })
        .where('id', '=', candidate.id)
        .where('status', '=', candidate.status)
        .where('attempts', '=', candidate.attempts)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue; // another worker won the race
      started++;
      this.runJob(toJob({ ...candidate, attempts: candidate.attempts + 1, status: 'running' }));
    }
    return started;
  }

  private runJob(job: Job): void {
    const handler = this.handlers.get(job.queue)!;
    const controller = new AbortController();
    const lease = setInterval(() => {
      void this.db
        .updateTable('jobs')
        .set({ locked_until: new Date(this.now().getTime() + this.leaseMs).toISOString() })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('locked_by', '=', this.workerId)
        .where('attempts', '=', job.attempts)
        .executeTakeFirst()
        // The job is no longer this attempt's (cancelled, or taken up elsewhere after this process
        // stalled past its lease): stop; its result would be discarded (finish is fenced too).
        .then((r) => Number(r.numUpdatedRows) === 0 && controller.abort(new Error('job lease lost')))
        .catch(() => {});
    }, Math.max(1000, this.leaseMs / 3));
    lease.unref?.();
    // Structured, with the job's id and queue: a request's log line names the job it queued, so
    // one can follow a scan from request to worker. Error messages stay in the jobs table (they
    // may name leaked files); the log says only what kind of failure and whether it will retry.
    const log = this.log?.child({ jobId: job.id, queue: job.queue, attempt: job.attempts, worker: this.workerId });
    const started = Date.now();
    log?.info('job started');
    const done = (async () => {
      try {
        const result = await handler(job.payload, {
          signal: controller.signal,
          attempt: job.attempts,
          reportProgress: async (progress) => {
            await this.db.updateTable('jobs').set({ progress: JSON.stringify(progress), updated_at: this.now().toISOString() }).where('id', '=', job.id).execute();
          },
        });
        await this.finish(job, { status: 'done', result: JSON.stringify(result ?? null), last_error: null });
        log?.info({ ms: Date.now() - started }, 'job done');
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const current = await this.get(job.id);
        if (current?.status === 'cancelled') return;
        log?.warn({ ms: Date.now() - started, error: e instanceof Error ? e.name : typeof e, retry: job.attempts < job.maxAttempts }, 'job failed');
        if (job.attempts >= job.maxAttempts) await this.finish(job, { status: 'failed', last_error: message });
        else
          await this.finish(job, {
            status: 'queued',
            last_error: message,
            run_at: new Date(this.now().getTime() + backoffMs(job.attempts, this.backoffBaseMs)).toISOString(),
          });
      } finally {
        clearInterval(lease);
        this.running.delete(job.id);
        this.kick();
      }
    })();
    this.running.set(job.id, { controller, done });
  }

  /** Settles the job only while this attempt holds it (running, claimed by this process, this attempt). */
  private async finish(job: Job, patch: Partial<JobsTable>): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ ...patch, locked_by: null, locked_until: null, updated_at: this.now().toISOString() })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', this.workerId)
      .where('attempts', '=', job.attempts)
      .execute();
  }
}

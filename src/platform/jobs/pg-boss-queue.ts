/**
 * The JobQueue port on pg-boss (issue 18 §1), for fleets on PostgreSQL: `serve` and any number of
 * `breachdesk worker` processes on other machines share one queue in the store's database.
 *
 * pg-boss stores, fetches (FOR UPDATE SKIP LOCKED), retries with backoff and expires jobs; the
 * worker loop is ours (pg-boss-attempts.ts says why). Leases, with L = BREACHDESK_JOB_LEASE_SECONDS:
 * a job's `expire_in` is L and its `started_on` is renewed every L/3 while its handler runs, so a
 * long scan never expires, and a job whose worker died expires L after its last renewal; pg-boss's
 * maintenance (every clamp(L/2, 5 s, 60 s), by whichever process of the fleet is due) then puts it
 * back for a retry 2–4 s later, and the next poll of any process (2 s) runs it. Each run is an
 * attempt fenced by pg-boss's retry count: only the attempt that holds the job may renew, report
 * progress, complete or fail it, and one that lost it (cancelled, or it stalled past L and the job
 * went elsewhere) is aborted at its next renewal. Progress and result travel in the job's `output`
 * column as `{ progress }` while it runs and `{ result, progress }` when it is done.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import type { Logger } from '../logger.js';
import type { Job, JobHandler, JobQueue, JobStatus, QueueDepth, SendOptions } from './job-queue.js';
import { type Attempt, PgBossAttempts } from './pg-boss-attempts.js';
import { WAKE_CHANNEL, WorkerWakeups } from './pg-boss-wakeups.js';

export interface PgBossQueueOptions {
  connectionString: string;
  leaseSeconds?: number;
  /** Worker loops per queue in this process. */
  concurrency?: number;
  /** How often idle workers ask for work (default 2 s); sends and retries also wake them (pg-boss-wakeups.ts). */
  pollSeconds?: number;
  /** First retry delay in seconds (doubling after; pg-boss's retryBackoff). */
  retryDelaySeconds?: number;
  schema?: string;
}

/** Advisory lock key that serialises pg-boss queue creation across processes (any fixed bigint). */
const CREATE_QUEUE_LOCK = '7305115923417351003';

/** Names this process on its job log lines, as `assessment_shards.worker` does. */
const WORKER = `${hostname()}:${process.pid}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATES: Record<string, JobStatus> = { created: 'queued', retry: 'queued', active: 'running', completed: 'done', failed: 'failed', cancelled: 'cancelled' };

interface Output {
  result?: unknown;
  progress?: unknown;
  message?: string;
}

export class PgBossJobQueue implements JobQueue {
  private boss: PgBoss;
  private readonly schema: string;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly queues = new Set<string>();
  private readonly running = new Map<string, AbortController>();
  /** Idle worker loops per queue, napping until their next poll or a wake-up. */
  private readonly sleepers = new Map<string, Set<() => void>>();
  /** Queues woken while their loop was busy fetching: the next nap is skipped. */
  private readonly woken = new Set<string>();
  private readonly loops: Promise<void>[] = [];
  private readonly attempts: PgBossAttempts;
  private readonly wakeups: WorkerWakeups;
  private hearing: Promise<void> | null = null;
  private ready: Promise<unknown> | null = null;
  private started = false;
  private readonly lease: number;

  constructor(
    private readonly opts: PgBossQueueOptions,
    private readonly log?: Logger,
  ) {
    this.schema = opts.schema ?? 'pgboss';
    this.lease = opts.leaseSeconds ?? 60;
    this.boss = this.newBoss();
    this.attempts = new PgBossAttempts((text, values) => this.sql(text, values), this.schema);
    this.wakeups = new WorkerWakeups(opts.connectionString, (q) => this.wakeLocal(q), log);
  }

  /**
   * A PgBoss instance serves one start: pg-boss 10's stop() leaves its maintenance stopped for good
   * (src/boss.js sets `stopped` and no start clears it), so a queue stopped and started again — a
   * drain, a test — never expired a dead worker's job again. Each start after a stop gets a new one.
   */
  private newBoss(): PgBoss {
    // A small pool: workers' polls and lease renewals are short queries, the jobs' own work goes
    // through the store's pool, and many processes share one PostgreSQL's max_connections (100).
    const boss = new PgBoss({
      connectionString: this.opts.connectionString,
      schema: this.schema,
      max: 4,
      maintenanceIntervalSeconds: Math.max(5, Math.min(60, Math.floor(this.lease / 2))),
      schedule: false,
    });
    boss.on('error', (e) => this.log?.error({ err: e instanceof Error ? e.message : String(e) }, 'pg-boss error'));
    return boss;
  }

  private async boot(): Promise<void> {
    this.ready ??= this.boss.start();
    await this.ready;
  }

  private async queue(name: string): Promise<void> {
    await this.boot();
    if (this.queues.has(name)) return;
    // 'short': at most one job waiting per singleton key — our SendOptions.singletonKey contract.
    // Every job gets a key (its own, when none is asked for), so the policy never limits the queue.
    // Creating a queue inserts into pg-boss's queue table and then adds a partition whose foreign
    // key locks that table: two processes creating two different queues at once (serve sending its
    // first job while workers start) deadlock, PostgreSQL aborts one, and under load the retried
    // pair deadlocks again (CI, stop 24: six tries were not enough). So creations are serialised
    // across every process on a transaction-scoped advisory lock taken in the same statement as
    // pg-boss's own create_queue() (the FROM runs first; the lock ends with the statement). The
    // retry stays for anything else transient.
    const data = { policy: 'short' };
    for (let attempt = 1; ; attempt++) {
      if (await this.boss.getQueue(name)) break;
      try {
        await this.sql(`select ${this.schema}.create_queue($1, $2) from (select pg_advisory_xact_lock($3)) as serialised`, [name, data, CREATE_QUEUE_LOCK]);
        break;
      } catch (e) {
        if (await this.boss.getQueue(name)) break;
        if (attempt >= 6) throw e;
        this.log?.warn({ queue: name, attempt, err: e instanceof Error ? e.message : String(e) }, 'pg-boss queue creation failed; retrying');
        await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 200));
      }
    }
    this.queues.add(name);
  }

  private async sql<T>(text: string, values: unknown[]): Promise<T[]> {
    const r = (await this.boss.getDb().executeSql(text, values)) as { rows: T[] };
    return r.rows;
  }

  async send<T>(queue: string, payload: T, opts: SendOptions = {}): Promise<string> {
    await this.queue(queue);
    const id = await this.boss.send(queue, payload as object, {
      id: opts.id ?? randomUUID(),
      singletonKey: opts.singletonKey ?? randomUUID(),
      startAfter: opts.runAt,
      retryLimit: Math.max(0, (opts.maxAttempts ?? 5) - 1),
      retryDelay: this.opts.retryDelaySeconds ?? 2,
      retryBackoff: true,
      expireInSeconds: this.lease,
    });
    if (id) {
      // Every process working this queue (this one too) hears of it and fetches at once, or when
      // it is due, instead of at its next poll.
      await this.sql('select pg_notify($1, $2)', [WAKE_CHANNEL, WorkerWakeups.payload(queue, opts.runAt)]).catch(() => {});
      return id;
    }
    // A job with this key is already waiting: its id, as the embedded queue answers.
    const [row] = await this.sql<{ id: string }>(`select id from ${this.schema}.job where name = $1 and singleton_key = $2 and state = 'created' limit 1`, [queue, opts.singletonKey]);
    if (!row) throw new Error(`pg-boss refused job for ${queue} without a waiting twin`);
    return row.id;
  }

  work<T>(queue: string, handler: JobHandler<T>): void {
    this.handlers.set(queue, handler as JobHandler);
    if (this.started) void this.listen(queue);
  }

  private wakeLocal(queue: string): void {
    const waiting = this.sleepers.get(queue);
    if (!waiting?.size) {
      this.woken.add(queue);
      return;
    }
    for (const w of [...waiting]) w();
  }

  private nap(queue: string, ms: number): Promise<void> {
    if (this.woken.delete(queue) || !this.started) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.sleepers.get(queue) ?? new Set();
      this.sleepers.set(queue, set);
      const done = () => {
        clearTimeout(t);
        set.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      set.add(done);
    });
  }

  private async listen(queue: string): Promise<void> {
    await this.queue(queue);
    this.hearing ??= this.wakeups.listen().catch((e) => this.log?.warn({ err: (e as Error).message }, 'job wake-ups unavailable; workers poll'));
    await this.hearing;
    if (this.started) this.loops.push(this.loop(queue));
  }

  /**
   * One loop per queue: fetches as many jobs as it has free slots (concurrency), runs them, and
   * naps until the next poll, a wake-up or a slot coming free. pg-boss's own workers are not
   * used: they fail a job whose handler runs longer than its expire_in (pg-boss-attempts.ts).
   */
  private async loop(queue: string): Promise<void> {
    const slots = this.opts.concurrency ?? 2;
    const pollMs = (this.opts.pollSeconds ?? 2) * 1000;
    const mine = new Set<Promise<void>>();
    while (this.started) {
      const free = slots - mine.size;
      let got = 0;
      if (free > 0) {
        const jobs = (await this.boss.fetch<unknown>(queue, { batchSize: free, includeMetadata: true }).catch(() => null)) ?? [];
        got = jobs.length;
        if (!this.started) {
          // Stopped while fetching: hand them back at once rather than leave them to their lease.
          for (const job of jobs) await this.attempts.release({ queue, id: job.id, retryCount: job.retryCount }).catch(() => false);
          break;
        }
        for (const job of jobs) {
          const p: Promise<void> = this.run(job).finally(() => {
            mine.delete(p);
            this.wakeLocal(queue);
          });
          mine.add(p);
        }
      }
      // A full batch may mean more are waiting; otherwise wait for a poll, a wake-up or a free slot.
      if (got === 0 || got < free || mine.size >= slots) await this.nap(queue, pollMs);
    }
    await Promise.allSettled([...mine]);
  }

  private async run(job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
    const handler = this.handlers.get(job.name)!;
    const attempt: Attempt = { queue: job.name, id: job.id, retryCount: job.retryCount };
    const controller = new AbortController();
    this.running.set(job.id, controller);
    const log = this.log?.child({ jobId: job.id, queue: job.name, attempt: job.retryCount + 1, worker: WORKER });
    let progress: unknown = null;
    // The attempt holds the job while it renews; one that finds it gone (cancelled, or taken up
    // elsewhere after this process stalled past its lease) stops.
    const lost = () => {
      if (controller.signal.aborted) return;
      log?.warn('job lease lost (cancelled, or expired and retried elsewhere): stopping this attempt');
      controller.abort(new Error('job lease lost'));
    };
    const renew = setInterval(() => {
      void this.attempts.renew(attempt).then((held) => held || lost(), () => {});
    }, Math.max(1000, (this.lease * 1000) / 3));
    renew.unref?.();
    const started = Date.now();
    log?.info('job started');
    try {
      const result = await handler(job.data, {
        signal: controller.signal,
        attempt: job.retryCount + 1,
        reportProgress: async (p) => {
          progress = p;
          if (!(await this.attempts.progress(attempt, { progress: p }))) lost();
        },
      });
      if (await this.attempts.complete(attempt, { result: result ?? null, progress })) log?.info({ ms: Date.now() - started }, 'job done');
      else log?.info({ ms: Date.now() - started }, 'job finished after it was cancelled or taken up elsewhere: result discarded');
    } catch (e) {
      // The message only (it may name files; it stays in the job, not the log).
      const message = e instanceof Error ? e.message : String(e);
      const retry = job.retryCount < job.retryLimit;
      log?.warn({ ms: Date.now() - started, error: e instanceof Error ? e.name : typeof e, retry }, 'job failed');
      const failed = await this.attempts.fail(attempt, { message, progress }).catch((err) => {
        log?.error({ err: err instanceof Error ? err.message : String(err) }, 'job failure not recorded; its lease will run out');
        return false;
      });
      // pg-boss retries after retryDelay × 2^retryCount × (1 to 2) seconds (its fail plan): wake this
      // process's workers across that window rather than leave the retry to the next poll.
      if (failed && retry) {
        const base = (this.opts.retryDelaySeconds ?? 2) * 2 ** job.retryCount * 1000;
        for (const f of [1, 1.5, 2, 2.1]) this.wakeups.at(job.name, new Date(Date.now() + base * f));
      }
    } finally {
      clearInterval(renew);
      this.running.delete(job.id);
    }
  }

  async get(id: string): Promise<Job | null> {
    // pg-boss ids are UUIDs (a uuid column): any other id names no job, as on the embedded queue,
    // rather than a PostgreSQL cast error (a route answering 404 for /analyses/nope).
    if (!UUID.test(id)) return null;
    await this.boot();
    const [row] = await this.sql<{ name: string }>(`select name from ${this.schema}.job where id = $1 union all select name from ${this.schema}.archive where id = $1 limit 1`, [id]);
    if (!row) return null;
    const j = await this.boss.getJobById<unknown>(row.name, id, { includeArchive: true });
    if (!j) return null;
    const out = (j.output ?? {}) as Output;
    const status = STATES[j.state] ?? 'queued';
    const startedOnce = j.state === 'active' || j.state === 'completed' || j.state === 'failed';
    return {
      id: j.id,
      queue: j.name,
      payload: j.data,
      status,
      attempts: j.retryCount + (startedOnce ? 1 : 0),
      maxAttempts: j.retryLimit + 1,
      runAt: new Date(j.startAfter).toISOString(),
      lastError: status === 'failed' || j.state === 'retry' ? (out.message ?? null) : null,
      progress: out.progress ?? null,
      result: status === 'done' ? (out.result ?? null) : null,
      createdAt: new Date(j.createdOn).toISOString(),
      updatedAt: new Date(j.completedOn ?? j.startedOn ?? j.createdOn).toISOString(),
    };
  }

  async cancel(id: string): Promise<boolean> {
    const j = await this.get(id);
    if (!j || (j.status !== 'queued' && j.status !== 'running')) return false;
    await this.boss.cancel(j.queue, id);
    this.running.get(id)?.abort();
    return true;
  }

  async depth(): Promise<QueueDepth[]> {
    await this.boot();
    // 'retry' is waiting for its next attempt, as the embedded queue's 'queued' with a later run_at.
    const rows = await this.sql<{ name: string; state: string; n: string; oldest: Date | null }>(
      `select name, case when state = 'active' then 'running' else 'queued' end as state, count(*) as n, min(start_after) as oldest
         from ${this.schema}.job
        where state = 'active' or (state in ('created', 'retry') and start_after <= now())
        group by 1, 2`,
      [],
    );
    return rows.map((r) => ({ queue: r.name, state: r.state as QueueDepth['state'], count: Number(r.n), oldestDueAt: r.oldest ? new Date(r.oldest).toISOString() : null }));
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.boot();
    this.started = true;
    for (const q of this.handlers.keys()) await this.listen(q);
  }

  async stop(): Promise<void> {
    this.started = false;
    await this.wakeups.close();
    for (const c of this.running.values()) c.abort(new Error('job queue stopping'));
    for (const set of this.sleepers.values()) for (const w of [...set]) w();
    // Handlers see the abort; a stuck one is left to its lease (bounded wait, as the embedded queue).
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(this.loops.splice(0)), new Promise((r) => (timer = setTimeout(r, 10_000)))]);
    clearTimeout(timer);
    if (this.ready) {
      await this.ready.catch(() => {});
      await this.boss.stop({ graceful: true, timeout: 10_000, wait: true } as PgBoss.StopOptions);
      // start() may follow (the embedded queue allows it too): a fresh pg-boss on its next use.
      this.boss = this.newBoss();
    }
    this.ready = null;
    this.hearing = null;
    this.woken.clear();
  }
}

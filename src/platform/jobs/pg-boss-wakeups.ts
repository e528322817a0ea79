/**
 * Wake-ups for pg-boss workers. pg-boss 10's workers only poll, one loop per queue and worker
 * (≈ 15 queues × concurrency 2 here): at a 0.5 s interval an idle `serve` spent ≈ 1 CPU-s a minute
 * and PostgreSQL ≈ 47 transactions a second just asking for work (bench/README.md, 2026-12-07), nine
 * times the embedded queue. So workers poll slowly (pg-boss's own 2 s default) and are woken when
 * there is work: a sent job is announced with PostgreSQL NOTIFY on one channel (every process that
 * works queues LISTENs), a job due later or a retry after its backoff sets a timer in the processes
 * that heard of it. Polling stays the safety net (a lost notification, a dropped LISTEN connection,
 * a job retried after its worker died), so nothing depends on a wake-up arriving.
 */
import pg from 'pg';
import type { Logger } from '../logger.js';

export const WAKE_CHANNEL = 'breachdesk_jobs';
/** Jobs due later than this are left to polling (no timer held for hours). */
const MAX_TIMER_MS = 10 * 60_000;

export class WorkerWakeups {
  private client: pg.Client | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly connectionString: string,
    /** Wakes this process's workers of one queue (pg-boss notifyWorker). */
    private readonly wake: (queue: string) => void,
    private readonly log?: Logger,
  ) {}

  /** The payload a sender publishes with pg_notify(WAKE_CHANNEL, …). */
  static payload(queue: string, runAt?: Date): string {
    return JSON.stringify({ q: queue, at: runAt && runAt.getTime() > Date.now() ? runAt.toISOString() : null });
  }

  /** Wake this process's workers of `queue` now, or when `at` comes. */
  at(queue: string, at?: Date | null): void {
    const ms = at ? at.getTime() - Date.now() : 0;
    if (ms <= 0) {
      this.wake(queue);
      return;
    }
    if (ms > MAX_TIMER_MS || this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.wake(queue);
    }, ms + 20);
    t.unref();
    this.timers.add(t);
  }

  /** LISTENs on its own connection (LISTEN needs one held open, outside pg-boss's pool). */
  async listen(): Promise<void> {
    this.closed = false;
    const c = new pg.Client({ connectionString: this.connectionString, application_name: 'breachdesk-job-wakeups' });
    c.on('notification', (m) => {
      try {
        const { q, at } = JSON.parse(m.payload ?? '{}') as { q?: unknown; at?: string | null };
        if (typeof q === 'string') this.at(q, at ? new Date(at) : null);
      } catch {
        // Not ours: polling covers whatever it was.
      }
    });
    c.on('error', (e) => {
      // Polling still runs; listen again in a while.
      this.log?.warn({ err: e.message }, 'job wake-up connection lost; workers poll until it is back');
      this.client = null;
      void c.end().catch(() => {});
      if (!this.closed) setTimeout(() => !this.closed && void this.listen().catch(() => {}), 5000).unref();
    });
    await c.connect();
    await c.query(`LISTEN ${WAKE_CHANNEL}`);
    if (this.closed) await c.end();
    else this.client = c;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.client?.end().catch(() => {});
    this.client = null;
  }
}

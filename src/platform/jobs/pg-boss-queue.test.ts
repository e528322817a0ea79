/**
 * pg-boss against a real PostgreSQL: the shared JobQueue contract (the embedded queue runs the
 * same), plus queue creation racing across processes.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/dialects.js';
import { jobQueueContract } from '../../../test/support/job-queue-contract.js';
import { waitFor } from '../../../test/support/wait.js';
import { PgBossJobQueue } from './pg-boss-queue.js';

describe.runIf(testDialects().includes('postgresql'))('pg-boss job queue on postgresql', { timeout: 90_000 }, () => {
  let db: TestDatabase;
  const queues: PgBossJobQueue[] = [];
  const make = (leaseSeconds = 60) => {
    const q = new PgBossJobQueue({ connectionString: db.databaseUrl!, leaseSeconds, retryDelaySeconds: 1, pollSeconds: 0.5, concurrency: 1 });
    queues.push(q);
    return q;
  };
  beforeEach(async () => {
    db = await createTestDatabase('postgresql');
  });
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.stop();
    await db.drop();
  });

  jobQueueContract(() => ({
    // pg-boss retries after whole seconds and polls every half second.
    settleMs: 30_000,
    make: (leaseSeconds) => make(leaseSeconds ?? 10),
    orphan: async (id) => {
      // A worker claimed it and died: active, started long ago, never renewed.
      const c = new pg.Client({ connectionString: db.databaseUrl! });
      await c.connect();
      await c.query(`update pgboss.job set state = 'active', started_on = now() - interval '1 hour' where id = $1`, [id]);
      await c.end();
    },
  }));

  it('wakes workers in another process for a job sent, due later or retried, well before their poll', async () => {
    // Workers that would poll only every 60 s: the job must start on the NOTIFY, the delayed one
    // on its timer, the retry on the backoff timer (pg-boss-wakeups.ts), not at the next poll.
    const worker = new PgBossJobQueue({ connectionString: db.databaseUrl!, leaseSeconds: 60, retryDelaySeconds: 1, pollSeconds: 60, concurrency: 1 });
    queues.push(worker);
    let calls = 0;
    worker.work<{ n: number }>('woken', async (p) => {
      if (p.n === 3 && ++calls === 1) throw new Error('first try fails');
      return p.n;
    });
    await worker.start();
    const sender = make();
    const t0 = Date.now();
    const ids = [await sender.send('woken', { n: 1 }), await sender.send('woken', { n: 2 }, { runAt: new Date(Date.now() + 1500) }), await sender.send('woken', { n: 3 })];
    for (const id of ids) {
      await waitFor(async () => (await sender.get(id))?.status === 'done', 45_000, 50);
    }
    // Not a speed assertion: 60 s is the poll; anything under it came from a wake-up.
    expect(Date.now() - t0).toBeLessThan(45_000);
    expect((await sender.get(ids[2]!))!.attempts).toBe(2);
  });

  it('an attempt that lost its job stops, and only the attempt holding the job settles it', async () => {
    // Process A runs the job, then stalls past its lease: maintenance puts the job back (here
    // done by hand, as pg-boss's expiry does) and process B takes it up. A must notice at its next
    // renewal and stop; its late result must not complete the job B holds.
    const a = make(3);
    const b = make(3);
    let bStarted!: () => void;
    const bRunning = new Promise<void>((r) => (bStarted = r));
    let aAborted = false;
    let aReturned!: () => void;
    const aDone = new Promise<void>((r) => (aReturned = r));
    const calls: string[] = [];
    a.work('fenced', async (_p, ctx) => {
      calls.push('a');
      await new Promise((r) => ctx.signal.addEventListener('abort', r, { once: true }));
      aAborted = true;
      await bRunning;
      aReturned();
      return 'stale';
    });
    await a.start();
    const id = await a.send('fenced', {});
    await waitFor(async () => (await a.get(id))?.status === 'running', 30_000, 50);
    const c = new pg.Client({ connectionString: db.databaseUrl! });
    await c.connect();
    await c.query(`update pgboss.job set state = 'retry', start_after = now() where id = $1`, [id]);
    await c.end();
    b.work('fenced', async () => {
      calls.push('b');
      bStarted();
      return 'fresh';
    });
    await b.start();
    await aDone;
    const job = await waitFor(async () => {
      const j = await b.get(id);
      return j?.status === 'done' ? j : null;
    }, 30_000, 50);
    // A's 'stale' comes after B settled the job or is refused before: either way B's result stands.
    await new Promise((r) => setTimeout(r, 500));
    expect(aAborted).toBe(true);
    expect(calls.sort()).toEqual(['a', 'b']);
    expect((await b.get(id))!.result).toBe('fresh');
    expect(job.attempts).toBe(2);
  });

  it('three processes creating different queues at once all succeed (no deadlock surfaces)', async () => {
    // Each new queue attaches a partition with a foreign key to pgboss.queue; two creations
    // interleaved deadlock in PostgreSQL, which aborts one. That must not reach the caller.
    const [a, b, c] = [make(), make(), make()];
    const names = Array.from({ length: 6 }, (_, i) => `race${i}`);
    const ids = await Promise.all([a, b, c].flatMap((q, k) => names.map((n, i) => q.send(names[(i + k * 2) % names.length]!, { n }))));
    expect(ids).toHaveLength(18);
    expect(new Set(ids).size).toBe(18);
    for (const n of names) expect((await a.get(ids[names.indexOf(n)]!))?.queue).toBe(n);
  });
});

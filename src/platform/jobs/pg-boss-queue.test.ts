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
    requeue: async (id) => {
      // What pg-boss's expiry does to a job whose lease ran out: back to waiting, due now.
      const c = new pg.Client({ connectionString: db.databaseUrl! });
      await c.connect();
      await c.query(`update pgboss.job set state = 'retry', start_after = now() where id = $1`, [id]);
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

  it("expires a dead worker's job after the queue was stopped and started again", async () => {
    // pg-boss 10 never restarts its maintenance after a stop; the queue takes a new instance.
    const q = make(3);
    let runs = 0;
    q.work('restarted', async () => ++runs);
    await q.start();
    await q.stop();
    const id = await q.send('restarted', {}, { runAt: new Date(Date.now() + 3_600_000), maxAttempts: 2 });
    // Claimed by a worker that died: active, started long ago, never renewed.
    const c = new pg.Client({ connectionString: db.databaseUrl! });
    await c.connect();
    await c.query(`update pgboss.job set state = 'active', started_on = now() - interval '1 hour' where id = $1`, [id]);
    await c.end();
    await q.start();
    await waitFor(async () => (await q.get(id))?.status === 'done', 45_000, 100);
    expect(runs).toBe(1);
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

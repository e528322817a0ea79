/**
 * pg-boss against a real PostgreSQL: the shared JobQueue contract (the embedded queue runs the
 * same), plus queue creation racing across processes.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/dialects.js';
import { jobQueueContract } from '../../../test/support/job-queue-contract.js';
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
    make: () => make(10),
    orphan: async (id) => {
      // A worker claimed it and died: active, started long ago, never renewed.
      const c = new pg.Client({ connectionString: db.databaseUrl! });
      await c.connect();
      await c.query(`update pgboss.job set state = 'active', started_on = now() - interval '1 hour' where id = $1`, [id]);
      await c.end();
    },
  }));

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

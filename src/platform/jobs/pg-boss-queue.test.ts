/**
 * The JobQueue contract on pg-boss against a real PostgreSQL (the embedded queue's suite, same
 * expectations): result and progress, retries up to maxAttempts, singleton keys and cancel, and
 * a job whose worker died (active, no longer renewed) taken up by another process.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/dialects.js';
import { waitFor as poll } from '../../../test/support/wait.js';
import { PgBossJobQueue } from './pg-boss-queue.js';

const waitFor = <T>(fn: () => Promise<T | null | undefined | false>, ms = 30_000) => poll(fn, ms, 100);

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

  it('runs a job and keeps its result and progress', async () => {
    const q = make();
    q.work<{ n: number }>('double', async (p, ctx) => {
      await ctx.reportProgress({ step: 1 });
      return p.n * 2;
    });
    await q.start();
    const id = await q.send('double', { n: 21 });
    const job = await waitFor(async () => {
      const j = await q.get(id);
      return j?.status === 'done' ? j : null;
    });
    expect(job.result).toBe(42);
    expect(job.progress).toEqual({ step: 1 });
    expect(job.attempts).toBe(1);
  });

  it('retries and gives up after maxAttempts, keeping the last error', async () => {
    const q = make();
    let calls = 0;
    q.work('flaky', async () => {
      calls++;
      if (calls < 2) throw new Error(`transient ${calls}`);
      return 'ok';
    });
    q.work('broken', async () => {
      throw new Error('always fails');
    });
    await q.start();
    const a = await q.send('flaky', {});
    const b = await q.send('broken', {}, { maxAttempts: 2 });
    const ja = await waitFor(async () => ((await q.get(a))?.status === 'done' ? q.get(a) : null));
    expect(ja!.attempts).toBe(2);
    const jb = await waitFor(async () => ((await q.get(b))?.status === 'failed' ? q.get(b) : null));
    expect(jb!.attempts).toBe(2);
    expect(jb!.lastError).toBe('always fails');
  });

  it('honours singleton keys and cancels waiting jobs', async () => {
    const q = make();
    const a = await q.send('idle', {}, { singletonKey: 'k1', runAt: new Date(Date.now() + 3_600_000) });
    const b = await q.send('idle', {}, { singletonKey: 'k1' });
    expect(b).toBe(a);
    const c = await q.send('idle', {});
    expect(c).not.toBe(a);
    expect(await q.cancel(a)).toBe(true);
    expect((await q.get(a))!.status).toBe('cancelled');
    expect(await q.cancel(a)).toBe(false);
  });

  it("takes up a dead worker's job once its lease has run out", async () => {
    const first = make(10);
    const id = await first.send('later', { x: 2 });
    // A worker claimed it and died: active, started long ago, never renewed.
    const c = new pg.Client({ connectionString: db.databaseUrl! });
    await c.connect();
    await c.query(`update pgboss.job set state = 'active', started_on = now() - interval '1 hour' where id = $1`, [id]);
    await c.end();
    expect((await first.get(id))!.status).toBe('running');
    const second = make(10);
    const seen: number[] = [];
    second.work<{ x: number }>('later', async (p) => {
      seen.push(p.x);
    });
    await second.start();
    await waitFor(async () => (await second.get(id))?.status === 'done');
    expect(seen).toEqual([2]);
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
